//! The market configuration file (TOML) read by `market create` and the migration script:
//! one `[market]` table and one `[[reserve]]` table per listed asset.

use anyhow::{anyhow, bail, Context, Result};
use lending_sdk::types::{
    CurvePointParams, InitMarketParams, OracleParams, ReserveConfigParams, TimelockParams,
};
use lending_sdk::units::parse_amount;
use serde::Deserialize;
use solana_pubkey::Pubkey;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// A decimal number written as a TOML string, integer or float ("150.25", 150, 150.25).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decimal(pub String);

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Int(u64),
            Float(f64),
            Str(String),
        }
        Ok(Decimal(match Raw::deserialize(d)? {
            Raw::Int(i) => i.to_string(),
            Raw::Float(f) => f.to_string(),
            Raw::Str(s) => s,
        }))
    }
}

impl Default for Decimal {
    fn default() -> Self {
        Decimal("0".into())
    }
}

impl Decimal {
    /// As base units of a token with `decimals`.
    pub fn units(&self, decimals: u8) -> Result<u64> {
        Ok(parse_amount(&self.0, decimals)?)
    }

    /// As a WAD-scaled (10^18) quote value.
    pub fn wad(&self) -> Result<u128> {
        let (int, frac) = self.0.split_once('.').unwrap_or((&self.0, ""));
        let frac = frac.trim_end_matches('0');
        if frac.len() > 18 {
            bail!("'{}' has more than 18 decimals", self.0);
        }
        let int: u128 = int
            .parse()
            .map_err(|_| anyhow!("'{}' is not a number", self.0))?;
        let frac: u128 = if frac.is_empty() {
            0
        } else {
            format!("{frac:0<18}")
                .parse()
                .map_err(|_| anyhow!("'{}' is not a number", self.0))?
        };
        int.checked_mul(10u128.pow(18))
            .and_then(|v| v.checked_add(frac))
            .ok_or_else(|| anyhow!("'{}' is too large", self.0))
    }

    /// As a price mantissa and exponent: "150.25" is (15025, -2).
    pub fn mantissa_expo(&self) -> Result<(i64, i32)> {
        let (int, frac) = self.0.split_once('.').unwrap_or((&self.0, ""));
        let frac = frac.trim_end_matches('0');
        let digits = format!("{int}{frac}");
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            bail!("'{}' is not a positive decimal price", self.0);
        }
        let mantissa: i64 = digits
            .parse()
            .map_err(|_| anyhow!("price '{}' has too many digits", self.0))?;
        Ok((mantissa, -(frac.len() as i32)))
    }
}

/// The whole file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarketFile {
    /// The market itself.
    pub market: MarketSection,
    /// The assets listed in it.
    #[serde(default, rename = "reserve")]
    pub reserves: Vec<ReserveSection>,
    /// Its e-mode groups.
    #[serde(default, rename = "emode_group")]
    pub groups: Vec<EmodeGroupSection>,
    /// The rules of its insurance funds (the program's defaults when absent).
    #[serde(default)]
    pub insurance: Option<InsuranceSection>,
    /// Directory of the file (relative paths in it are relative to this).
    #[serde(skip)]
    pub dir: PathBuf,
}

/// `[[emode_group]]`: a group's limits; reserves join it through their
/// `emode_collateral_groups` and `emode_borrow_groups`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmodeGroupSection {
    /// The group's id, 1 to 32.
    pub id: u8,
    /// A name for people (not stored on chain).
    #[serde(default)]
    pub name: String,
    /// LTV of the collateral the group admits, in basis points.
    pub ltv_bps: u16,
    /// Liquidation threshold of the collateral the group admits, in basis points.
    pub liquidation_threshold_bps: u16,
    /// Liquidation bonus just past the line, in basis points.
    pub min_liquidation_bonus_bps: u16,
    /// Liquidation bonus at full insolvency, in basis points.
    pub max_liquidation_bonus_bps: u16,
    /// Isolated groups: the symbol of the one reserve their obligations may borrow from
    /// (fixed once created).
    #[serde(default)]
    pub debt_reserve: Option<String>,
    /// Isolated groups: most whole tokens of the debt reserve the group may owe.
    #[serde(default)]
    pub debt_ceiling: Decimal,
}

/// `[insurance]`: the market's rules for its insurance funds.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InsuranceSection {
    /// Seconds an unstake waits before it may be claimed (at most 90 days).
    pub cooldown_secs: u64,
    /// Seconds, after the cooldown, during which it may be claimed (1 minute to 30 days).
    pub unstake_window_secs: u64,
    /// Seconds over which collected income vests to stakers (at most 30 days).
    pub stream_secs: u64,
    /// Most of a fund one write-off may take, in basis points (100 to 9,000).
    pub max_slash_bps: u16,
}

impl InsuranceSection {
    /// The rules in the core's format.
    pub fn settings(&self) -> lending_core::ops::fund::FundSettings {
        lending_core::ops::fund::FundSettings {
            cooldown_secs: self.cooldown_secs,
            unstake_window_secs: self.unstake_window_secs,
            stream_secs: self.stream_secs,
            max_slash_bps: self.max_slash_bps,
        }
    }
}

/// `[reserve.insurance_fund]`: the reserve's first-loss fund, created with a seed stake from
/// the owner's tokens.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FundSection {
    /// Share of the reserve's interest that goes to the fund, in basis points.
    pub interest_cut_bps: u16,
    /// Share of the protocol's liquidation fee that goes to the fund, in basis points.
    pub liquidation_cut_bps: u16,
    /// Whole tokens the owner stakes at creation (locked for ever; at least 1,000 base units).
    pub seed: Decimal,
}

/// `[market]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarketSection {
    /// Keypair file of the market account; created on first run (keep it: it names the market).
    pub keypair: PathBuf,
    /// Quote currency of all values.
    #[serde(default = "usd")]
    pub quote_currency: String,
    /// Share of an obligation's debt one liquidation may repay, in basis points.
    pub close_factor_bps: u16,
    /// Debt value (quote) at or below which an obligation may be liquidated in full.
    #[serde(default)]
    pub dust_threshold: Decimal,
    /// Largest debt value (quote) one liquidation may repay; 0 means no cap.
    #[serde(default)]
    pub max_liquidation_value: Decimal,
    /// Whether fixed-price oracles may be created (test markets only).
    #[serde(default)]
    pub allow_fixed_price: bool,
    /// Seconds between queuing a change that loosens risk and applying it (1 to 14 days; 0
    /// allowed with fixed prices). Set at creation; later only through the queue.
    #[serde(default = "one_day")]
    pub timelock_delay_secs: u64,
    /// Seconds a lowered liquidation threshold takes to reach its new value (1 to 30 days; 0
    /// allowed with fixed prices). Set at creation; later only through the queue.
    #[serde(default = "one_day")]
    pub ramp_secs: u64,
}

fn one_day() -> u64 {
    86_400
}

fn usd() -> String {
    "USD".into()
}

/// Which token program a mint belongs to.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum TokenProgramName {
    /// The classic SPL Token program.
    #[default]
    SplToken,
    /// Token-2022.
    #[serde(rename = "token-2022")]
    Token2022,
}

impl TokenProgramName {
    /// The program id.
    pub fn id(self) -> Pubkey {
        match self {
            Self::SplToken => anchor_spl::token::ID,
            Self::Token2022 => anchor_spl::token_2022::ID,
        }
    }
}

/// `[[reserve]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReserveSection {
    /// Short name for output, e.g. "SOL".
    pub symbol: String,
    /// An existing mint...
    pub mint: Option<String>,
    /// ...or the keypair file of a test mint this tool creates (payer as mint authority).
    pub mint_keypair: Option<PathBuf>,
    /// Decimals of a created mint.
    pub decimals: Option<u8>,
    /// Token program of the mint.
    #[serde(default)]
    pub token_program: TokenProgramName,
    /// Tokens the owner deposits at creation (whole tokens; must be > 0).
    pub seed_deposit: Decimal,
    /// Price source.
    pub oracle: OracleSection,
    /// Risk and fee settings.
    pub config: ReserveConfigSection,
    /// The reserve's insurance fund, if it has one.
    #[serde(default)]
    pub insurance_fund: Option<FundSection>,
}

/// Price source kinds.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum OracleKind {
    /// A Pyth pull `PriceUpdateV2` account.
    PythPull,
    /// A legacy Pyth price account.
    PythLegacy,
    /// A price set by the market owner.
    Fixed,
}

/// `[reserve.oracle]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OracleSection {
    /// Source kind.
    pub kind: OracleKind,
    /// Fixed: the price in quote per whole token.
    pub price: Option<Decimal>,
    /// Fixed: the confidence interval (same scale as the price).
    #[serde(default)]
    pub conf: Decimal,
    /// Pyth: the source account (pull: omit to accept any update with the feed id).
    pub source: Option<String>,
    /// Pyth pull: the feed id, 64 hex digits.
    pub feed_id: Option<String>,
    /// Oldest acceptable price, in seconds (default 60; fixed prices never age and take none).
    pub max_age_secs: Option<u64>,
    /// Widest acceptable confidence, in basis points.
    #[serde(default = "two_hundred")]
    pub max_conf_bps: u16,
    /// EMA divergence that pauses borrows and withdrawals, in basis points.
    #[serde(default = "one_thousand")]
    pub max_ema_deviation_bps: u16,
}

fn two_hundred() -> u16 {
    200
}
fn one_thousand() -> u16 {
    1_000
}
fn full() -> u16 {
    10_000
}
fn yes() -> bool {
    true
}

/// `[reserve.config]`: the reserve's risk and fee settings.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReserveConfigSection {
    /// Borrow limit per unit of collateral value, in basis points.
    pub ltv_bps: u16,
    /// Liquidation line, in basis points.
    pub liquidation_threshold_bps: u16,
    /// Liquidation bonus just past the line, in basis points.
    pub min_liquidation_bonus_bps: u16,
    /// Liquidation bonus at full insolvency, in basis points.
    pub max_liquidation_bonus_bps: u16,
    /// Share of the bonus kept by the protocol, in basis points.
    #[serde(default)]
    pub protocol_liquidation_fee_bps: u16,
    /// Fee added to every borrow, in basis points.
    #[serde(default)]
    pub origination_fee_bps: u16,
    /// Flash-loan fee, in basis points.
    #[serde(default)]
    pub flash_loan_fee_bps: u16,
    /// Share of interest kept by the protocol, in basis points.
    #[serde(default)]
    pub protocol_take_rate_bps: u16,
    /// Utilisation above which borrows are refused, in basis points.
    #[serde(default = "full")]
    pub utilization_cap_bps: u16,
    /// Weight of this asset's debt against the borrow limit and the liquidation line, in
    /// basis points (10,000 = 1x, the default; at most 50,000).
    #[serde(default = "full")]
    pub borrow_factor_bps: u16,
    /// "active", "reduce-only" or "frozen".
    #[serde(default)]
    pub status: Status,
    /// Whether flash loans are enabled.
    #[serde(default = "yes")]
    pub flash_loans_enabled: bool,
    /// The owner vouches for the mint's issuer, accepting live Token-2022 authorities
    /// (permanent delegate, fee, hook, pause...) at listing; fixed once listed.
    #[serde(default)]
    pub trusted_issuer: bool,
    /// E-mode groups (ids 1 to 32) whose obligations may hold this asset as collateral.
    #[serde(default)]
    pub emode_collateral_groups: Vec<u8>,
    /// E-mode groups (ids 1 to 32) whose obligations may borrow this asset.
    #[serde(default)]
    pub emode_borrow_groups: Vec<u8>,
    /// The asset's collateral counts only inside an isolated e-mode group that admits it.
    #[serde(default)]
    pub isolated_collateral: bool,
    /// Largest total supply, in whole tokens (0 = no cap).
    #[serde(default)]
    pub deposit_cap: Decimal,
    /// Largest total debt, in whole tokens (0 = no cap).
    #[serde(default)]
    pub borrow_cap: Decimal,
    /// Tokens allowed out per window, in whole tokens (0 = no limit).
    #[serde(default)]
    pub outflow_limit: Decimal,
    /// Outflow window length in seconds.
    #[serde(default)]
    pub outflow_window_secs: u64,
    /// Borrow-rate curve: [utilisation bps, APR bps] points from 0 to 10,000.
    pub curve: Vec<[u32; 2]>,
}

/// A reserve's status.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Everything allowed.
    #[default]
    Active,
    /// Only repay, withdraw and liquidate.
    ReduceOnly,
    /// Nothing but liquidation and repay.
    Frozen,
}

impl MarketFile {
    /// Reads and checks a file.
    pub fn load(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read market config {}", path.display()))?;
        let mut f: MarketFile = toml::from_str(&text)
            .with_context(|| format!("invalid market config {}", path.display()))?;
        f.dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        for r in &f.reserves {
            if r.mint.is_some() == r.mint_keypair.is_some() {
                bail!(
                    "reserve {}: give exactly one of `mint` and `mint_keypair`",
                    r.symbol
                );
            }
            if r.mint_keypair.is_some() && r.decimals.is_none() {
                bail!(
                    "reserve {}: a created mint (`mint_keypair`) needs `decimals`",
                    r.symbol
                );
            }
        }
        Ok(f)
    }

    /// A path from the file, made relative to the file's directory.
    pub fn path(&self, p: &Path) -> PathBuf {
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            self.dir.join(p)
        }
    }

    /// The market's creation parameters.
    pub fn init_params(&self) -> Result<InitMarketParams> {
        let m = &self.market;
        let q = m.quote_currency.as_bytes();
        if q.is_empty() || q.len() > 32 || !m.quote_currency.is_ascii() {
            bail!("quote_currency must be 1 to 32 ASCII characters");
        }
        let mut quote_currency = [0u8; 32];
        quote_currency[..q.len()].copy_from_slice(q);
        Ok(InitMarketParams {
            quote_currency,
            close_factor_bps: m.close_factor_bps,
            dust_threshold: m.dust_threshold.wad().context("dust_threshold")?,
            max_liquidation_value: m
                .max_liquidation_value
                .wad()
                .context("max_liquidation_value")?,
            allow_fixed_price: m.allow_fixed_price,
            timelock: TimelockParams {
                delay_secs: m.timelock_delay_secs,
                ramp_secs: m.ramp_secs,
            },
        })
    }
}

impl ReserveSection {
    /// The price account's parameters.
    pub fn oracle_params(&self) -> Result<OracleParams> {
        let o = &self.oracle;
        let ctx = |what: &str| format!("reserve {}: oracle {what}", self.symbol);
        let mut p = OracleParams {
            source_kind: match o.kind {
                OracleKind::PythPull => 0,
                OracleKind::PythLegacy => 1,
                OracleKind::Fixed => 2,
            },
            source: Pubkey::default(),
            feed_id: [0; 32],
            max_age_secs: match (&o.kind, o.max_age_secs) {
                (OracleKind::Fixed, None) => 0,
                (OracleKind::Fixed, Some(_)) => bail!(
                    "{}",
                    ctx("kind = \"fixed\" takes no `max_age_secs`: a fixed price never ages")
                ),
                (_, age) => age.unwrap_or(60),
            },
            max_conf_bps: o.max_conf_bps,
            max_ema_deviation_bps: o.max_ema_deviation_bps,
            fixed_price: 0,
            fixed_expo: 0,
        };
        match o.kind {
            OracleKind::Fixed => {
                let price = o
                    .price
                    .as_ref()
                    .ok_or_else(|| anyhow!("{}", ctx("kind = \"fixed\" needs `price`")))?;
                let (m, e) = price.mantissa_expo().with_context(|| ctx("price"))?;
                p.fixed_price = m;
                p.fixed_expo = e;
            }
            OracleKind::PythPull | OracleKind::PythLegacy => {
                if let Some(s) = &o.source {
                    p.source = Pubkey::from_str(s).with_context(|| ctx("source"))?;
                } else if o.kind == OracleKind::PythLegacy {
                    bail!("{}", ctx("kind = \"pyth-legacy\" needs `source`"));
                }
                if let Some(f) = &o.feed_id {
                    p.feed_id = parse_feed_id(f).with_context(|| ctx("feed_id"))?;
                } else if o.kind == OracleKind::PythPull {
                    bail!("{}", ctx("kind = \"pyth-pull\" needs `feed_id`"));
                }
            }
        }
        Ok(p)
    }

    /// The fixed price's confidence as a mantissa at `expo`.
    pub fn fixed_conf(&self, expo: i32) -> Result<u64> {
        self.oracle
            .conf
            .units((-expo).max(0) as u8)
            .with_context(|| format!("reserve {}: oracle conf", self.symbol))
    }

    /// The reserve's configuration, with caps in base units of a token with `decimals`.
    pub fn config_params(&self, decimals: u8) -> Result<ReserveConfigParams> {
        let c = &self.config;
        let ctx = |what: &str| format!("reserve {}: config {what}", self.symbol);
        Ok(ReserveConfigParams {
            ltv_bps: c.ltv_bps,
            liquidation_threshold_bps: c.liquidation_threshold_bps,
            min_liquidation_bonus_bps: c.min_liquidation_bonus_bps,
            max_liquidation_bonus_bps: c.max_liquidation_bonus_bps,
            protocol_liquidation_fee_bps: c.protocol_liquidation_fee_bps,
            origination_fee_bps: c.origination_fee_bps,
            flash_loan_fee_bps: c.flash_loan_fee_bps,
            protocol_take_rate_bps: c.protocol_take_rate_bps,
            utilization_cap_bps: c.utilization_cap_bps,
            borrow_factor_bps: c.borrow_factor_bps,
            status: c.status as u8,
            flash_loans_enabled: c.flash_loans_enabled,
            trusted_issuer: c.trusted_issuer,
            emode_collateral_mask: group_mask(&c.emode_collateral_groups)
                .with_context(|| ctx("emode_collateral_groups"))?,
            emode_borrow_mask: group_mask(&c.emode_borrow_groups)
                .with_context(|| ctx("emode_borrow_groups"))?,
            isolated_collateral: c.isolated_collateral,
            deposit_cap: c
                .deposit_cap
                .units(decimals)
                .with_context(|| ctx("deposit_cap"))?,
            borrow_cap: c
                .borrow_cap
                .units(decimals)
                .with_context(|| ctx("borrow_cap"))?,
            outflow_limit: c
                .outflow_limit
                .units(decimals)
                .with_context(|| ctx("outflow_limit"))?,
            outflow_window_secs: c.outflow_window_secs,
            curve: c
                .curve
                .iter()
                .map(|[u, r]| CurvePointParams {
                    utilization_bps: *u,
                    rate_bps: *r,
                })
                .collect(),
        })
    }
}

/// A Pyth feed id from 64 hex digits (an `0x` prefix is allowed).
pub fn parse_feed_id(hex: &str) -> Result<[u8; 32]> {
    let h = hex.trim_start_matches("0x");
    if h.len() != 64 || !h.is_ascii() {
        bail!("a feed id is 64 hex digits, got {hex:?}");
    }
    let mut id = [0u8; 32];
    for (i, b) in id.iter_mut().enumerate() {
        *b = u8::from_str_radix(&h[2 * i..2 * i + 2], 16)
            .map_err(|_| anyhow!("a feed id is 64 hex digits, got {hex:?}"))?;
    }
    Ok(id)
}

/// The mask of e-mode group ids (bit `id − 1`); refuses an id outside 1 to 32.
pub fn group_mask(ids: &[u8]) -> Result<u32> {
    ids.iter().try_fold(0u32, |mask, &id| {
        let bit = lending_sdk::lending_core::risk::emode::group_bit(id);
        anyhow::ensure!(bit != 0, "e-mode group id {id} is not between 1 and 32");
        Ok(mask | bit)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use lending_core::ops::reserve::validate_reserve_config;

    #[test]
    fn decimals_convert_exactly() {
        let d = |s: &str| Decimal(s.into());
        assert_eq!(d("150.25").mantissa_expo().unwrap(), (15025, -2));
        assert_eq!(d("150").mantissa_expo().unwrap(), (150, 0));
        assert_eq!(d("0.0001").mantissa_expo().unwrap(), (1, -4));
        assert!(d("-3").mantissa_expo().is_err());
        assert_eq!(d("1.5").wad().unwrap(), 1_500_000_000_000_000_000);
        assert_eq!(d("0").wad().unwrap(), 0);
        assert!(d("x").wad().is_err());
    }

    #[test]
    fn the_shipped_localnet_config_loads() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../migrations/localnet.toml");
        let f = MarketFile::load(&path).unwrap();
        assert!(f.market.allow_fixed_price);
        assert!(f.reserves.len() >= 2);
        for r in &f.reserves {
            let p = r.config_params(r.decimals.unwrap_or(6)).unwrap();
            validate_reserve_config(&lending_sdk::program::reserve_config(&p).unwrap()).unwrap();
            r.oracle_params().unwrap();
        }
        f.init_params().unwrap();
        // Its stables group is admitted by USDC and PYUSD, as collateral and as debt.
        assert_eq!(f.groups.len(), 1);
        let stables = group_mask(&[f.groups[0].id]).unwrap();
        let members = f
            .reserves
            .iter()
            .filter(|r| group_mask(&r.config.emode_collateral_groups).unwrap() & stables != 0)
            .count();
        assert_eq!(members, 2);
    }

    #[test]
    fn group_ids_outside_one_to_thirty_two_are_refused() {
        assert_eq!(group_mask(&[1, 3, 32]).unwrap(), 1 | 4 | 1 << 31);
        assert_eq!(group_mask(&[]).unwrap(), 0);
        for bad in [0, 33] {
            let e = group_mask(&[1, bad]).unwrap_err().to_string();
            assert!(e.contains(&format!("id {bad} ")), "{e}");
        }
    }

    #[test]
    fn mistakes_are_named() {
        let dir = std::env::temp_dir().join(format!("lending-cli-cfg-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("bad.toml");
        std::fs::write(
            &path,
            "[market]\nkeypair = \"m.json\"\nclose_factor_bps = 5000\nbogus = 1\n",
        )
        .unwrap();
        let e = format!("{:#}", MarketFile::load(&path).unwrap_err());
        assert!(e.contains("bogus"), "{e}");
        std::fs::write(
            &path,
            "[market]\nkeypair = \"m.json\"\nclose_factor_bps = 5000\n[[reserve]]\nsymbol = \"X\"\n\
             seed_deposit = 1\noracle = { kind = \"fixed\", price = 1 }\n\
             config = { ltv_bps = 1, liquidation_threshold_bps = 2, min_liquidation_bonus_bps = 0, \
             max_liquidation_bonus_bps = 0, curve = [[0, 0], [10000, 100]] }\n",
        )
        .unwrap();
        let e = format!("{:#}", MarketFile::load(&path).unwrap_err());
        assert!(
            e.contains("exactly one of `mint` and `mint_keypair`"),
            "{e}"
        );
        std::fs::remove_dir_all(&dir).ok();
    }
}
