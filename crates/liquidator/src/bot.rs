//! The bot: keeps a market's obligations and reserves in memory, re-evaluates health with the
//! program's own math after every change, and liquidates what is unhealthy.

use crate::stats::{Snapshot, Stats};
use crate::swap::SwapVenue;
use crate::watch::{self, Event};
use anyhow::{anyhow, Context, Result};
use lending_core::risk::fixed::{amount_to_wad, Rounding};
use lending_core::state::{EmodeGroup, LendingMarket, Obligation, OraclePrice, Reserve};
use lending_sdk::accounts::{decode, ProgramAccount};
use lending_sdk::health::LiquidationChoice;
use lending_sdk::health::{obligation_health, wad_f64};
use lending_sdk::ix;
use lending_sdk::liquidate::{best_choice, flash_liquidation_tx, liquidation_tx};
use lending_sdk::market::MarketState;
use lending_sdk::rpc::{self, CommitmentConfig};
use solana_keypair::Keypair;
use solana_pubkey::Pubkey;
use solana_rpc_client::rpc_client::RpcClient;
use solana_signer::Signer;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tracing::{debug, info, warn};

/// How the bot runs.
#[derive(Debug, Clone)]
pub struct BotConfig {
    /// JSON-RPC URL.
    pub url: String,
    /// Websocket URL (`None`: derived from `url`; empty string: polling only).
    pub ws_url: Option<String>,
    /// The market to watch.
    pub market: Pubkey,
    /// Log what would be sent, send nothing.
    pub dry_run: bool,
    /// Take the collateral asset rather than deposit shares.
    pub receive_liquidity: bool,
    /// Fund each repayment with a flash loan from the repay reserve and sell the seized
    /// collateral through the swap venue in the same transaction (the wallet needs no debt
    /// asset). Needs [`Bot::set_swap_venue`].
    pub flash_loan: bool,
    /// Accepted shortfall against the planned receipt, in basis points.
    pub slippage_bps: u16,
    /// Rescan interval while the websocket is down.
    pub poll_interval: Duration,
    /// Rescan interval while the websocket is up (catches anything missed).
    pub resync_interval: Duration,
    /// Smallest expected profit worth a transaction, in quote units.
    pub min_profit: f64,
    /// First retry delay after a failed liquidation (doubles per failure, up to 64×).
    pub retry_base: Duration,
}

impl BotConfig {
    /// Defaults for `market` on `url`.
    pub fn new(url: &str, market: Pubkey) -> Self {
        Self {
            url: url.to_string(),
            ws_url: None,
            market,
            dry_run: false,
            receive_liquidity: false,
            flash_loan: false,
            slippage_bps: 100,
            poll_interval: Duration::from_secs(2),
            resync_interval: Duration::from_secs(30),
            min_profit: 0.0,
            retry_base: Duration::from_millis(500),
        }
    }
}

struct Retry {
    failures: u32,
    next: Instant,
}

/// A running bot's state.
pub struct Bot {
    cfg: BotConfig,
    rpc: RpcClient,
    payer: Keypair,
    state: MarketState,
    obligations: HashMap<Pubkey, Obligation>,
    retries: HashMap<Pubkey, Retry>,
    stats: Arc<Stats>,
    swap: Option<Box<dyn SwapVenue>>,
    /// The market's lookup table (addresses usable at the last load): liquidations are v0
    /// transactions through it, so that a full obligation's fits.
    tables: Vec<rpc::AddressLookupTableAccount>,
}

/// A liquidation ready to send.
struct Planned {
    choice: LiquidationChoice,
    ixs: Vec<anchor_lang::solana_program::instruction::Instruction>,
    /// What the liquidation pays the liquidator, as planned (shares or tokens).
    receive: u64,
    /// Flash loan and collateral sold, in flash mode.
    flash: Option<(u64, u64)>,
}

impl Bot {
    /// Connects and loads the market.
    pub fn new(cfg: BotConfig, payer: Keypair, stats: Arc<Stats>) -> Result<Self> {
        let rpc = RpcClient::new_with_commitment(cfg.url.clone(), CommitmentConfig::confirmed());
        rpc.get_version()
            .with_context(|| format!("cannot reach {}", cfg.url))?;
        let state = rpc::market_state(&rpc, &cfg.market)
            .map_err(|e| anyhow!("cannot load market {}: {e}", cfg.market))?;
        let tables = rpc::market_tables(&rpc, &state.market)
            .map_err(|e| anyhow!("cannot read the market's lookup table: {e}"))?;
        if tables.is_empty() {
            warn!(market = %cfg.market, "the market records no lookup table: liquidations are legacy transactions, and those of the largest obligations do not fit one");
        }
        Ok(Self {
            cfg,
            rpc,
            payer,
            state,
            obligations: HashMap::new(),
            retries: HashMap::new(),
            stats,
            swap: None,
            tables,
        })
    }

    /// Sets where flash-funded liquidations sell the seized collateral, and creates (once,
    /// idempotently) the token accounts the swaps trade through: the wallet's and the venue's,
    /// for every reserve of the market.
    pub fn set_swap_venue(&mut self, venue: Box<dyn SwapVenue>) -> Result<()> {
        let wallet = self.payer.pubkey();
        let mut ixs = venue.setup(&self.state, wallet);
        for (k, _) in self.state.sorted_reserves() {
            if let Some(r) = self.state.reserve_keys(&k) {
                ixs.push(ix::token::create_ata(
                    &wallet,
                    &wallet,
                    &r.mint,
                    &r.token_program,
                ));
            }
        }
        for chunk in ixs.chunks(6) {
            rpc::send(&self.rpc, chunk, &self.payer, &[])
                .map_err(|e| anyhow!("creating the swap's token accounts: {e}"))?;
        }
        info!(venue = %venue.name(), "flash-loan funding through this swap venue");
        self.swap = Some(venue);
        Ok(())
    }

    /// The counters.
    pub fn stats(&self) -> Snapshot {
        self.stats.snapshot()
    }

    /// Reloads the market and every obligation (getProgramAccounts on size, discriminator and
    /// market).
    pub fn rescan(&mut self) -> Result<()> {
        self.state = rpc::market_state(&self.rpc, &self.cfg.market)
            .map_err(|e| anyhow!("market rescan: {e}"))?;
        // A table extended since (a new reserve) or replaced is taken up here; one that cannot
        // be read keeps the last one.
        match rpc::market_tables(&self.rpc, &self.state.market) {
            Ok(t) => self.tables = t,
            Err(e) => warn!(error = %e, "lookup table unreadable: keeping the last one"),
        }
        self.obligations = rpc::obligations(&self.rpc, &self.cfg.market)
            .map_err(|e| anyhow!("obligation rescan: {e}"))?
            .into_iter()
            .collect();
        Stats::bump(&self.stats.rescans);
        self.stats
            .watched
            .store(self.obligations.len() as u64, Ordering::Relaxed);
        debug!(obligations = self.obligations.len(), "rescanned");
        Ok(())
    }

    /// Applies one account update from the stream; true when it concerns this market.
    pub fn apply(&mut self, key: Pubkey, data: &[u8]) -> bool {
        let disc = data.get(..8).unwrap_or_default();
        if disc == Obligation::DISCRIMINATOR {
            if let Ok(o) = decode::<Obligation>(data) {
                if o.market == self.cfg.market {
                    self.obligations.insert(key, o);
                    self.stats
                        .watched
                        .store(self.obligations.len() as u64, Ordering::Relaxed);
                    return true;
                }
            }
        } else if disc == Reserve::DISCRIMINATOR {
            if let Ok(r) = decode::<Reserve>(data) {
                if r.market == self.cfg.market {
                    self.state.reserves.insert(key, r);
                    return true;
                }
            }
        } else if disc == OraclePrice::DISCRIMINATOR {
            if let Ok(o) = decode::<OraclePrice>(data) {
                if o.market == self.cfg.market {
                    self.state.oracles.insert(key, o);
                    return true;
                }
            }
        } else if disc == EmodeGroup::DISCRIMINATOR {
            if let Ok(g) = decode::<EmodeGroup>(data) {
                if g.market == self.cfg.market {
                    self.state.groups.insert(g.id, g);
                    return true;
                }
            }
        } else if disc == LendingMarket::DISCRIMINATOR && key == self.cfg.market {
            if let Ok(m) = decode::<LendingMarket>(data) {
                self.state.market = m;
                return true;
            }
        }
        false
    }

    fn cluster_clock(&self) -> Result<(u64, i64)> {
        Ok(rpc::clock(&self.rpc)?)
    }

    /// Obligations the bot's own math finds liquidatable now (reserves projected to the
    /// cluster's clock), most underwater first.
    pub fn unhealthy(&self) -> Result<Vec<Pubkey>> {
        let (slot, now) = self.cluster_clock()?;
        let ms = self.state.at(slot, now);
        let mut out = Vec::new();
        for (k, ob) in &self.obligations {
            if ob.borrows().is_empty() {
                continue;
            }
            match obligation_health(ob, &ms.reserves, &ms.groups, &ms.clock) {
                Ok(h) if h.health.is_liquidatable() => out.push((*k, h.health.shortfall())),
                Ok(_) => {}
                Err(e) => debug!(obligation = %k, error = %e, "health not computable"),
            }
        }
        out.sort_by_key(|(_, s)| std::cmp::Reverse(*s));
        Ok(out.into_iter().map(|(k, _)| k).collect())
    }

    /// Tries to liquidate `key`; true when a liquidation landed (or would have, in dry-run).
    pub fn liquidate(&mut self, key: Pubkey) -> Result<bool> {
        if let Some(r) = self.retries.get(&key) {
            if Instant::now() < r.next {
                return Ok(false);
            }
        }
        let Some(ob) = self.obligations.get(&key).copied() else {
            return Ok(false);
        };
        let (slot, now) = self.cluster_clock()?;
        let ms = self.state.at(slot, now);
        let h = obligation_health(&ob, &ms.reserves, &ms.groups, &ms.clock)?;
        if !h.health.is_liquidatable() {
            // Never act on an obligation our own math calls healthy.
            return Ok(false);
        }
        Stats::bump(&self.stats.unhealthy_seen);
        let Some(p) = self.plan(key, &ob, &ms, &h)? else {
            self.defer(key);
            return Ok(false);
        };
        Stats::bump(&self.stats.sent);
        let (loan, sold) = p.flash.unwrap_or_default();
        let fields = (
            p.choice.plan.repay_amount,
            p.receive,
            p.choice.plan.bonus_bps,
            p.choice.profit() as f64 / 1e18,
        );
        if self.cfg.dry_run {
            info!(obligation = %key, debt = wad_f64(h.health.borrowed),
                weighted_debt = wad_f64(h.health.borrowed_weighted), line = wad_f64(h.health.liquidation_line),
                repay = fields.0, receive = fields.1, bonus_bps = fields.2, profit = fields.3,
                flash_loan = loan, collateral_sold = sold, "dry run: would liquidate");
            self.defer(key);
            return Ok(true);
        }
        let extra: Vec<&dyn solana_signer::Signer> = match (&self.swap, p.flash) {
            (Some(v), Some(_)) => v.signers(),
            _ => Vec::new(),
        };
        let choice = p.choice;
        match rpc::send_with_tables(&self.rpc, &p.ixs, &self.payer, &extra, &self.tables) {
            Ok(sig) => {
                Stats::bump(&self.stats.landed);
                info!(obligation = %key, repay = fields.0, receive = fields.1, bonus_bps = fields.2,
                    profit = fields.3, flash_loan = loan, collateral_sold = sold, signature = %sig,
                    "liquidated");
                self.retries.remove(&key);
                // Take the new state now rather than waiting for the stream.
                if let Ok(o) = rpc::account::<Obligation>(&self.rpc, &key) {
                    self.obligations.insert(key, o);
                }
                for r in [choice.repay_reserve, choice.collateral_reserve] {
                    if let Ok(v) = rpc::account::<Reserve>(&self.rpc, &r) {
                        self.state.reserves.insert(r, v);
                    }
                }
                Ok(true)
            }
            Err(e) => {
                Stats::bump(&self.stats.failed);
                warn!(obligation = %key, error = %e, "liquidation failed");
                self.defer(key);
                Ok(false)
            }
        }
    }

    /// The most profitable liquidation of `ob` this wallet can make, as instructions: repaid
    /// from the wallet's own balance, or in flash mode from a flash loan of the repay reserve's
    /// available liquidity, repaid by selling collateral through the swap venue. `None` (with
    /// a warning) when no pair is fundable or profitable enough.
    fn plan(
        &self,
        key: Pubkey,
        ob: &Obligation,
        ms: &MarketState,
        health: &lending_sdk::health::ObligationHealth,
    ) -> Result<Option<Planned>> {
        let wallet = self.payer.pubkey();
        let min_profit = self.cfg.min_profit;
        let accept = |c: &LiquidationChoice| c.profit() as f64 / 1e18 >= min_profit;
        if self.cfg.flash_loan {
            let venue = self
                .swap
                .as_ref()
                .ok_or_else(|| anyhow!("flash-loan mode needs a swap venue"))?;
            // Anything the repay reserve could lend, where it lends flash loans.
            let lendable = |r: &Pubkey| {
                ms.reserves
                    .get(r)
                    .filter(|r| r.config.flash_loans_enabled != 0)
                    .map_or(0, |r| r.available)
            };
            let Some(choice) = best_choice(ob, health, ms, lendable, accept)? else {
                warn!(obligation = %key, "unhealthy, but no pair can be flash-funded profitably");
                return Ok(None);
            };
            let tx = match flash_liquidation_tx(
                ms,
                key,
                ob,
                &choice,
                wallet,
                self.cfg.slippage_bps,
                |req| venue.quote(req),
            ) {
                Ok(tx) => tx,
                Err(e) => {
                    warn!(obligation = %key, error = %e, "no flash-funded liquidation");
                    return Ok(None);
                }
            };
            let size = rpc::tx_size_with_tables(&tx.ixs, &wallet, &self.tables)
                .map_err(|e| anyhow!("sizing the transaction: {e}"))?;
            if size > rpc::MAX_TX_BYTES {
                warn!(obligation = %key, bytes = size, limit = rpc::MAX_TX_BYTES,
                    lookup_table = !self.tables.is_empty(),
                    "flash-funded liquidation does not fit one transaction");
                return Ok(None);
            }
            // What stays with the wallet after the swap is the profit, in collateral.
            let pv = ms.reserves[&choice.collateral_reserve].price_view();
            let kept = pv
                .value(amount_to_wad(tx.kept()), pv.spot, Rounding::Down)
                .map_err(|e| anyhow!("profit math: {e:?}"))?;
            if (kept as f64 / 1e18) < min_profit {
                warn!(obligation = %key, kept = tx.kept(), "flash-funded liquidation below --min-profit after the swap");
                return Ok(None);
            }
            return Ok(Some(Planned {
                choice,
                receive: tx.planned_receive,
                flash: Some((tx.loan, tx.sold)),
                ixs: tx.ixs,
            }));
        }
        let mut balances = HashMap::new();
        for b in ob.borrows() {
            if let Some(k) = ms.reserve_keys(&b.reserve) {
                let ata = ix::token::ata(&wallet, &k.mint, &k.token_program);
                balances.insert(b.reserve, rpc::token_balance(&self.rpc, &ata).unwrap_or(0));
            }
        }
        let Some(choice) = best_choice(
            ob,
            health,
            ms,
            |r| balances.get(r).copied().unwrap_or(0),
            accept,
        )?
        else {
            warn!(obligation = %key, "unhealthy, but no pair is fundable by this wallet or profitable enough");
            return Ok(None);
        };
        let tx = liquidation_tx(
            ms,
            key,
            ob,
            &choice,
            wallet,
            self.cfg.receive_liquidity,
            self.cfg.slippage_bps,
        )?;
        Ok(Some(Planned {
            choice,
            receive: tx.planned_receive,
            flash: None,
            ixs: tx.ixs,
        }))
    }

    fn defer(&mut self, key: Pubkey) {
        let r = self.retries.entry(key).or_insert(Retry {
            failures: 0,
            next: Instant::now(),
        });
        r.failures = (r.failures + 1).min(7);
        r.next = Instant::now() + self.cfg.retry_base * (1 << (r.failures - 1));
    }

    /// One pass: liquidate everything unhealthy. Returns how many landed.
    pub fn pass(&mut self) -> Result<usize> {
        let mut landed = 0;
        for key in self.unhealthy()? {
            match self.liquidate(key) {
                Ok(true) => landed += 1,
                Ok(false) => {}
                Err(e) => warn!(obligation = %key, error = %e, "skipped"),
            }
        }
        Ok(landed)
    }

    /// Runs until `stop`: rescans, follows the websocket (polling while it is down), and
    /// liquidates after every change. Logs the counters every `report_every`.
    pub fn run(&mut self, stop: Arc<AtomicBool>, report_every: Duration) -> Result<Snapshot> {
        if self.cfg.flash_loan && self.swap.is_none() {
            return Err(anyhow!(
                "flash-loan mode needs a swap venue (set_swap_venue)"
            ));
        }
        self.rescan()?;
        info!(market = %self.cfg.market, obligations = self.obligations.len(),
            reserves = self.state.reserves.len(), dry_run = self.cfg.dry_run,
            flash_loan = self.cfg.flash_loan, "watching");
        let (tx, rx) = mpsc::channel();
        let ws_url = self
            .cfg
            .ws_url
            .clone()
            .unwrap_or_else(|| watch::ws_url_for(&self.cfg.url));
        let watcher = (!ws_url.is_empty()).then(|| watch::spawn(ws_url, tx, stop.clone()));
        let mut streaming = false;
        let mut last_scan = Instant::now();
        let mut last_report = Instant::now();
        let mut dirty = true;
        while !stop.load(Ordering::Relaxed) {
            match rx.recv_timeout(Duration::from_millis(100)) {
                Ok(ev) => dirty |= self.on_event(ev, &mut streaming),
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => streaming = false,
            }
            while let Ok(ev) = rx.try_recv() {
                dirty |= self.on_event(ev, &mut streaming);
            }
            let every = if streaming {
                self.cfg.resync_interval
            } else {
                self.cfg.poll_interval
            };
            if last_scan.elapsed() >= every {
                match self.rescan() {
                    Ok(()) => dirty = true,
                    Err(e) => warn!(error = %e, "rescan failed; retrying"),
                }
                last_scan = Instant::now();
            }
            if dirty || !self.retries.is_empty() {
                dirty = false;
                if let Err(e) = self.pass() {
                    warn!(error = %e, "evaluation failed");
                }
            }
            if last_report.elapsed() >= report_every {
                self.log_counters(streaming, "counters");
                last_report = Instant::now();
            }
        }
        drop(rx);
        if let Some(w) = watcher {
            let _ = w.join();
        }
        self.log_counters(false, "stopped");
        Ok(self.stats())
    }

    fn log_counters(&self, streaming: bool, what: &str) {
        let s = self.stats();
        info!(
            watched = s.watched,
            sent = s.sent,
            landed = s.landed,
            failed = s.failed,
            ws_updates = s.ws_updates,
            rescans = s.rescans,
            streaming,
            "{what}"
        );
    }

    fn on_event(&mut self, ev: Event, streaming: &mut bool) -> bool {
        match ev {
            Event::Up => {
                info!("websocket up: following account changes");
                *streaming = true;
                true
            }
            Event::Down(why) => {
                if *streaming {
                    warn!(reason = %why, "websocket down: polling");
                } else {
                    debug!(reason = %why, "websocket unavailable: polling");
                }
                *streaming = false;
                false
            }
            Event::Account(k, data) => {
                Stats::bump(&self.stats.ws_updates);
                self.apply(k, &data)
            }
        }
    }
}
