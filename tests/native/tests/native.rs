//! The scenario suite (`tests/shared`), run with the lending program as a native processor in
//! solana-program-test 3.1.

lending_test_suite::instantiate!(lending_program_tests::env::Env);
