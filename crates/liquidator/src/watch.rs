//! Following the program's accounts over a websocket (`programSubscribe`), with reconnection.
//! The bot falls back to polling whenever the stream is down.

use futures_util::StreamExt;
use solana_account_decoder_client_types::UiAccountEncoding;
use solana_commitment_config::CommitmentConfig;
use solana_pubkey::Pubkey;
use solana_pubsub_client::nonblocking::pubsub_client::PubsubClient;
use solana_rpc_client_api::config::{RpcAccountInfoConfig, RpcProgramAccountsConfig};
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::Arc;
use std::time::Duration;

/// What the watcher reports.
pub enum Event {
    /// The stream is up (after a connect or reconnect).
    Up,
    /// The stream is down: poll until the next `Up`.
    Down(String),
    /// An account of the program changed.
    Account(Pubkey, Vec<u8>),
}

/// The websocket URL of an RPC URL: http→ws, https→wss, and the port plus one (the
/// validator's default layout, 8899 → 8900).
pub fn ws_url_for(rpc_url: &str) -> String {
    let ws = rpc_url
        .replacen("https://", "wss://", 1)
        .replacen("http://", "ws://", 1);
    let (scheme, rest) = ws.split_once("://").unwrap_or(("ws", &ws));
    let (host, path) = rest.split_once('/').map_or((rest, ""), |(h, p)| (h, p));
    match host
        .rsplit_once(':')
        .and_then(|(h, p)| Some((h, p.parse::<u16>().ok()?)))
    {
        Some((h, port)) => format!("{scheme}://{h}:{}/{path}", port + 1)
            .trim_end_matches('/')
            .to_string(),
        None => ws,
    }
}

/// Subscribes to every account of the lending program and forwards changes to `tx` until
/// `stop`; reconnects with backoff (1 s doubling to 30 s) when the stream ends. Uses the async
/// pubsub client on its own single-threaded runtime: the blocking client can hang forever on
/// unsubscribe when the server sends nothing.
pub fn spawn(
    ws_url: String,
    tx: Sender<Event>,
    stop: Arc<AtomicBool>,
) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        let rt = match tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        {
            Ok(rt) => rt,
            Err(e) => {
                let _ = tx.send(Event::Down(format!("no runtime for the websocket: {e}")));
                return;
            }
        };
        rt.block_on(follow(ws_url, tx, stop));
    })
}

async fn follow(ws_url: String, tx: Sender<Event>, stop: Arc<AtomicBool>) {
    let mut backoff = Duration::from_secs(1);
    while !stop.load(Ordering::Relaxed) {
        match subscribe_once(&ws_url, &tx, &stop).await {
            Ok(()) => backoff = Duration::from_secs(1),
            Err(why) => {
                if tx.send(Event::Down(why)).is_err() {
                    return;
                }
            }
        }
        let until = tokio::time::Instant::now() + backoff;
        while tokio::time::Instant::now() < until && !stop.load(Ordering::Relaxed) {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        backoff = (backoff * 2).min(Duration::from_secs(30));
    }
}

/// One connection: forwards updates until the stream ends (an error) or `stop` (Ok).
async fn subscribe_once(ws_url: &str, tx: &Sender<Event>, stop: &AtomicBool) -> Result<(), String> {
    let client = tokio::time::timeout(Duration::from_secs(10), PubsubClient::new(ws_url))
        .await
        .map_err(|_| format!("websocket {ws_url}: connect timed out"))?
        .map_err(|e| format!("websocket {ws_url}: {e}"))?;
    let config = RpcProgramAccountsConfig {
        account_config: RpcAccountInfoConfig {
            encoding: Some(UiAccountEncoding::Base64),
            commitment: Some(CommitmentConfig::confirmed()),
            ..RpcAccountInfoConfig::default()
        },
        ..RpcProgramAccountsConfig::default()
    };
    let result = {
        let (mut stream, unsubscribe) = client
            .program_subscribe(&lending_sdk::ID, Some(config))
            .await
            .map_err(|e| format!("programSubscribe: {e}"))?;
        if tx.send(Event::Up).is_err() {
            return Ok(());
        }
        let result = loop {
            if stop.load(Ordering::Relaxed) {
                break Ok(());
            }
            match tokio::time::timeout(Duration::from_millis(200), stream.next()).await {
                Err(_) => continue,
                Ok(None) => break Err("websocket stream ended".to_string()),
                Ok(Some(update)) => {
                    let key = Pubkey::from_str(&update.value.pubkey);
                    let data = update.value.account.data.decode();
                    if let (Ok(k), Some(d)) = (key, data) {
                        if tx.send(Event::Account(k, d)).is_err() {
                            break Ok(());
                        }
                    }
                }
            }
        };
        drop(stream);
        let _ = tokio::time::timeout(Duration::from_secs(2), unsubscribe()).await;
        result
    };
    let _ = tokio::time::timeout(Duration::from_secs(2), client.shutdown()).await;
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn websocket_urls_follow_the_validator_layout() {
        assert_eq!(ws_url_for("http://127.0.0.1:8899"), "ws://127.0.0.1:8900");
        assert_eq!(
            ws_url_for("https://rpc.example.com"),
            "wss://rpc.example.com"
        );
        assert_eq!(
            ws_url_for("http://localhost:18899/"),
            "ws://localhost:18900"
        );
    }
}
