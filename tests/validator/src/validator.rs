//! A local validator for the suite: started here on loopback (and always stopped, even when a
//! case fails or the runner dies), or the one `anchor test` already started.

use solana_keypair::Keypair;
use solana_rpc_client::rpc_client::RpcClient;
use solana_signer::Signer;
use std::net::{TcpListener, UdpSocket};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The agave line whose VM loads our SBPF v3 ELFs (see scripts/setup-tools).
const WANT_VERSION: &str = "solana-test-validator 4.2.";
/// Ports per validator: RPC, its websocket (RPC + 1), faucet, gossip, then the dynamic range.
const PORT_SPAN: u16 = 80;

/// Repository root: the nearest directory holding `Anchor.toml` from the working directory
/// (the scripts and `cargo test` run inside the checkout), else the checkout this was built
/// from. Looking at run time matters when several clones share one target directory: a
/// binary built from one clone may be run from another.
pub fn repo_root() -> PathBuf {
    if let Ok(cwd) = std::env::current_dir() {
        if let Some(root) = cwd.ancestors().find(|d| d.join("Anchor.toml").is_file()) {
            return root.to_path_buf();
        }
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A validator the suite talks to.
pub struct Validator {
    /// JSON-RPC URL.
    pub url: String,
    /// A funded key that pays for everything (the genesis mint, or anchor's wallet).
    pub payer: Keypair,
    child: Option<Child>,
    ledger: Option<PathBuf>,
}

impl Validator {
    /// Attaches to the validator of `anchor test` when `ANCHOR_PROVIDER_URL` is set (paying
    /// with `ANCHOR_WALLET`), otherwise starts one.
    pub fn from_env() -> Result<Self, String> {
        match std::env::var("ANCHOR_PROVIDER_URL") {
            Ok(url) => {
                let wallet = std::env::var("ANCHOR_WALLET").map_err(|_| {
                    "ANCHOR_PROVIDER_URL is set but ANCHOR_WALLET is not".to_string()
                })?;
                let payer = read_keypair(Path::new(&wallet))?;
                println!(
                    "attaching to the validator at {url} (payer {})",
                    payer.pubkey()
                );
                Ok(Self {
                    url,
                    payer,
                    child: None,
                    ledger: None,
                })
            }
            Err(_) => Self::start(),
        }
    }

    /// Starts `solana-test-validator` on free loopback ports with `target/deploy/lending.so`
    /// and the Pyth snapshots of `tests/fixtures` in genesis, and waits until it makes slots.
    pub fn start() -> Result<Self, String> {
        let bin = find_binary()?;
        let root = repo_root();
        let so = root.join("target/deploy/lending.so");
        if !so.exists() {
            return Err(format!(
                "{} is missing: run ./scripts/build-sbf first",
                so.display()
            ));
        }
        let base = free_port_base()?;
        let ledger = std::env::temp_dir().join(format!("lending-validator-{}", std::process::id()));
        std::fs::create_dir_all(&ledger).map_err(|e| format!("{}: {e}", ledger.display()))?;
        let payer = Keypair::new();
        let mut cmd = Command::new(&bin);
        cmd.arg("--ledger")
            .arg(&ledger)
            .arg("--reset")
            .arg("--quiet")
            .args(["--bind-address", "127.0.0.1"])
            .args(["--rpc-port", &base.to_string()])
            .args(["--faucet-port", &(base + 2).to_string()])
            .args(["--gossip-port", &(base + 3).to_string()])
            .args([
                "--dynamic-port-range",
                &format!("{}-{}", base + 10, base + PORT_SPAN),
            ])
            .args(["--mint", &payer.pubkey().to_string()])
            .arg("--bpf-program")
            .arg(lending::ID.to_string())
            .arg(&so);
        for f in ["pyth-pull-sol-usd.json", "pyth-legacy-sol-usd.json"] {
            let path = root.join("tests/fixtures").join(f);
            cmd.arg("--account").arg(fixture_address(&path)?).arg(path);
        }
        let out = std::fs::File::create(ledger.join("stdout.log")).map_err(|e| e.to_string())?;
        cmd.stdout(Stdio::from(out.try_clone().map_err(|e| e.to_string())?))
            .stderr(Stdio::from(out));
        // SAFETY: prctl is async-signal-safe; the validator dies with the process that spawned
        // it, so a killed test run leaves nothing behind.
        unsafe {
            cmd.pre_exec(|| {
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                Ok(())
            });
        }
        let child = cmd
            .spawn()
            .map_err(|e| format!("starting {}: {e}", bin.display()))?;
        let mut v = Self {
            url: format!("http://127.0.0.1:{base}"),
            payer,
            child: Some(child),
            ledger: Some(ledger),
        };
        println!(
            "started {} (pid {}) at {}",
            bin.display(),
            v.child.as_ref().map(|c| c.id()).unwrap_or(0),
            v.url
        );
        v.wait_ready(Duration::from_secs(120))?;
        Ok(v)
    }

    /// Polls until the validator has made a few slots (the program is then deployed).
    fn wait_ready(&mut self, timeout: Duration) -> Result<(), String> {
        let rpc = RpcClient::new(self.url.clone());
        let t0 = Instant::now();
        loop {
            if let Some(child) = self.child.as_mut() {
                if let Ok(Some(status)) = child.try_wait() {
                    return Err(format!(
                        "the validator exited ({status}) before it was ready:\n{}",
                        self.log_tail()
                    ));
                }
            }
            if let Ok(slot) = rpc.get_slot() {
                if slot >= 2 {
                    println!(
                        "validator ready at slot {slot} after {:.1}s",
                        t0.elapsed().as_secs_f64()
                    );
                    return Ok(());
                }
            }
            if t0.elapsed() > timeout {
                return Err(format!(
                    "the validator was not ready after {}s:\n{}",
                    timeout.as_secs(),
                    self.log_tail()
                ));
            }
            std::thread::sleep(Duration::from_millis(250));
        }
    }

    /// The last lines the validator wrote.
    fn log_tail(&self) -> String {
        let Some(ledger) = &self.ledger else {
            return String::new();
        };
        let mut s = String::new();
        for f in ["stdout.log", "validator.log"] {
            if let Ok(text) = std::fs::read_to_string(ledger.join(f)) {
                let lines: Vec<&str> = text.lines().collect();
                let from = lines.len().saturating_sub(20);
                s += &format!("--- {f} ---\n{}\n", lines[from..].join("\n"));
            }
        }
        s
    }
}

impl Drop for Validator {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
            println!("stopped the validator");
        }
        if let Some(ledger) = self.ledger.take() {
            let _ = std::fs::remove_dir_all(ledger);
        }
    }
}

/// `LENDING_VALIDATOR_BIN`, else `solana-test-validator` on PATH, else the one
/// `scripts/setup-tools` installs; it must be from the agave 4.2 line.
pub fn find_binary() -> Result<PathBuf, String> {
    let mut candidates = vec![];
    if let Ok(b) = std::env::var("LENDING_VALIDATOR_BIN") {
        candidates.push(PathBuf::from(b));
    }
    if let Ok(path) = std::env::var("PATH") {
        candidates.extend(std::env::split_paths(&path).map(|d| d.join("solana-test-validator")));
    }
    if let Ok(home) = std::env::var("HOME") {
        candidates.push(PathBuf::from(home).join(".cache/lending/tools/bin/solana-test-validator"));
    }
    let mut seen = vec![];
    for c in candidates.into_iter().filter(|c| c.exists()) {
        let out = Command::new(&c).arg("--version").output();
        let version = out
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default();
        if version.starts_with(WANT_VERSION) {
            return Ok(c);
        }
        seen.push(format!("{} ({version})", c.display()));
    }
    Err(format!(
        "no solana-test-validator 4.2.x found (saw: {}); install it with ./scripts/setup-tools validator",
        if seen.is_empty() { "none".into() } else { seen.join(", ") }
    ))
}

/// A port base whose RPC, websocket, faucet and gossip ports and dynamic range are all free.
fn free_port_base() -> Result<u16, String> {
    let first: u16 = std::env::var("LENDING_VALIDATOR_PORT")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(18_899);
    for k in 0..20u16 {
        let base = first + k * PORT_SPAN * 2;
        let tcp_ok = [0, 1, 2, 3]
            .iter()
            .all(|o| TcpListener::bind(("127.0.0.1", base + o)).is_ok());
        let udp_ok = (3..=PORT_SPAN).all(|o| UdpSocket::bind(("127.0.0.1", base + o)).is_ok());
        if tcp_ok && udp_ok {
            return Ok(base);
        }
    }
    Err(format!("no free loopback port range from {first}"))
}

/// The address in a `solana account --output json` file.
fn fixture_address(path: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let v: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    v["pubkey"]
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| format!("{}: no pubkey", path.display()))
}

/// A keypair file as written by solana-keygen (a JSON array of 64 bytes).
pub fn read_keypair(path: &Path) -> Result<Keypair, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let bytes: Vec<u8> =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Keypair::try_from(&bytes[..]).map_err(|e| format!("{}: {e}", path.display()))
}
