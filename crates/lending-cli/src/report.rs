//! What a command prints: text for people, one JSON document for scripts.

use serde_json::Value;

/// A command's result.
pub struct Report {
    /// Readable text.
    pub text: String,
    /// The same facts as JSON.
    pub json: Value,
}

impl Report {
    /// Prints the text, or the JSON when `json` (a closed pipe, as with `| head`, is not an
    /// error).
    pub fn print(&self, json: bool) {
        use std::io::Write;
        let mut out = if json {
            serde_json::to_string_pretty(&self.json).unwrap_or_default()
        } else {
            self.text.clone()
        };
        if !out.ends_with('\n') {
            out.push('\n');
        }
        let _ = std::io::stdout().lock().write_all(out.as_bytes());
    }
}

/// A table with aligned columns (first column left, the rest right).
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let n = header.len();
    let mut w: Vec<usize> = header.iter().map(|h| h.len()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate().take(n) {
            w[i] = w[i].max(c.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            let pad = w[i].saturating_sub(c.chars().count());
            if i == 0 {
                s.push_str(c);
                s.push_str(&" ".repeat(pad));
            } else {
                s.push_str("  ");
                s.push_str(&" ".repeat(pad));
                s.push_str(c);
            }
        }
        s.trim_end().to_string() + "\n"
    };
    let mut out = line(header.to_vec());
    out.push_str(&line(
        w.iter()
            .map(|x| "-".repeat(*x))
            .collect::<Vec<_>>()
            .iter()
            .map(|s| s.as_str())
            .collect(),
    ));
    for r in rows {
        out.push_str(&line(r.iter().map(|s| s.as_str()).collect()));
    }
    out
}

/// A WAD quote value as dollars with two decimals.
pub fn usd(v: f64) -> String {
    format!("${v:.2}")
}

/// A fraction as a percentage with two decimals.
pub fn pct(v: f64) -> String {
    format!("{:.2}%", v * 100.0)
}

/// The transactions built for someone else to sign (`--print-unsigned`), each with its
/// signers and its bytes in base58 and base64.
pub fn unsigned(txs: &[(String, lending_sdk::rpc::Unsigned)]) -> Report {
    let mut text = String::new();
    let mut list = vec![];
    for (what, tx) in txs {
        let signers: Vec<String> = tx.signers.iter().map(|k| k.to_string()).collect();
        text.push_str(&format!(
            "{what}: unsigned transaction, fee payer {}, to be signed by {}\nbase58: {}\nbase64: {}\n\n",
            tx.fee_payer,
            signers.join(", "),
            tx.base58,
            tx.base64
        ));
        list.push(serde_json::json!({
            "what": what,
            "fee_payer": tx.fee_payer.to_string(),
            "signers": signers,
            "signed": tx.signed.iter().map(|k| k.to_string()).collect::<Vec<_>>(),
            "base58": tx.base58,
            "base64": tx.base64,
        }));
    }
    if txs.is_empty() {
        text.push_str("no transaction to sign\n");
    }
    Report {
        text,
        json: serde_json::json!({ "unsigned": list }),
    }
}
