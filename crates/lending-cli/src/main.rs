//! `lending-cli` binary: parses the command line, runs it, prints the report or the error.

use clap::Parser;
use lending_cli::{run, Cli};

fn main() {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(r) => r.print(cli.json),
        Err(e) => {
            if cli.json {
                println!("{}", serde_json::json!({ "error": format!("{e:#}") }));
            } else {
                eprintln!("error: {e:#}");
            }
            std::process::exit(1);
        }
    }
}
