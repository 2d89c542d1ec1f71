//! Harness of the validator suite: a `solana-test-validator` process on loopback with the built
//! `lending.so` and the Pyth snapshots loaded at genesis (or the validator `anchor test`
//! started), and the RPC-backed test `Env` (`rpc_env.rs`) that runs the shared fixture.

pub mod rpc_env;
pub mod validator;
