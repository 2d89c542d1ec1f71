//! The accounts structs of the user-facing instructions, declared by the kind of each account.
//!
//! [`lending_accounts!`] turns a list of `name: kind` into Anchor's `#[derive(Accounts)]`
//! struct, fields in the order written (the wire order), so that what an account of each kind
//! is (its type, whether it is written, its docs and why an unchecked account is safe) is said
//! once, here, instead of in every struct:
//!
//! | kind | account | written |
//! |---|---|---|
//! | `signer` | the signing wallet (docs required); carries the `distinct` check | no |
//! | `market` | the `LendingMarket` | no |
//! | `owners_market(owner)` | the `LendingMarket`, whose owner is the signer `owner` | no |
//! | `obligation` | the `Obligation` (docs required), loaded with `load_obligation` | yes |
//! | `reserve`, `reserve_mut` | a `Reserve` (docs required), loaded through `ReserveAccounts` | no, yes |
//! | `mint` | the reserve's asset mint | no |
//! | `supply_vault`, `fee_vault` | the reserve's vaults | yes |
//! | `share_mint` | the reserve's share mint | yes |
//! | `user_token` | a token account of the user's (docs required) | yes |
//! | `token_program` | the reserve's token program | no |
//! | `instructions` | the instructions sysvar (address checked) | no |
//!
//! With `reserve_accounts: [...]` (the struct's `market`, `reserve` and `token_program`, and the
//! listed accounts of the reserve's), the struct also gets `reserve_accounts()`, the reserve's
//! account group (`ReserveAccounts`).
//!
//! Docs written above a field come first in the IDL; a kind adds its own line after them. The
//! reserve's mint, vaults and share mint are `UncheckedAccount`s checked against the reserve in
//! its one load (`ReserveAccounts`); user token accounts are read at their fixed offsets
//! (`token_view`). Anchor's duplicate-mutable check skips `UncheckedAccount`s, so the struct's
//! `distinct` list (its writable token accounts and mints) goes on the signer as a constraint.

/// Declares an accounts struct from `name: kind` fields; see the module docs for the kinds. The
/// invoking module has `LendingMarket`, `Obligation`, `Reserve` and `TokenInterface` in scope
/// (Anchor's IDL names account types as written).
#[macro_export]
macro_rules! lending_accounts {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $($(#[doc = $doc:literal])* $field:ident : $kind:ident $(($arg:ident))?
                $(with [$($part:ident),* $(,)?])?),* $(,)?
        }
        distinct: [$($distinct:ident),* $(,)?]
    ) => {
        $crate::lending_accounts!(@fields [$(#[$meta])*] $name [$($distinct),*] [] []
            $([$(#[doc = $doc])*] $field $kind $(($arg))? $(with [$($part),*])?)*);
    };

    // Every field expanded: the struct, and the reserve's account group when it has one.
    (@fields [$(#[$meta:meta])*] $name:ident $d:tt [] [$($out:tt)*]) => {
        $(#[$meta])*
        #[derive(Accounts)]
        pub struct $name<'info> { $($out)* }
    };
    (@fields [$(#[$meta:meta])*] $name:ident $d:tt [$reserve:ident $($part:ident)*]
        [$($out:tt)*]) => {
        $(#[$meta])*
        #[derive(Accounts)]
        pub struct $name<'info> { $($out)* }

        impl<'info> $name<'info> {
            /// The reserve with the accounts of its that the instruction takes, checked
            /// against it in one load.
            pub fn reserve_accounts(
                &self,
            ) -> $crate::instructions::shared::accounts::ReserveAccounts<'_, 'info> {
                $crate::instructions::shared::accounts::ReserveAccounts::new(
                    self.market.as_ref().key,
                    &self.$reserve,
                    &self.token_program,
                )
                $(.$part(&self.$part))*
            }
        }
    };

    // A reserve with the accounts of its that follow it: the reserve, then each of them.
    (@fields $m:tt $n:ident $d:tt [] $o:tt $doc:tt $f:ident $kind:ident
        with [$($part:ident),*] $($r:tt)*) => {
        $crate::lending_accounts!(@fields $m $n $d [$f $($part)*] $o $doc $f $kind
            $([] $part $part)* $($r)*);
    };

    // One field: its docs, the kind's docs, the kind's attributes, `pub name: type`.
    (@push $m:tt $n:ident $d:tt $g:tt [$($o:tt)*] [$($doc:tt)*] [$($kind_doc:tt)*]
        [$($attr:tt)*] $f:ident [$($ty:tt)*] $($r:tt)*) => {
        $crate::lending_accounts!(@fields $m $n $d $g
            [$($o)* $($doc)* $($kind_doc)* $($attr)* pub $f: $($ty)*,] $($r)*);
    };

    // The kinds: docs, attributes, type.
    (@fields $m:tt $n:ident [$($d:ident),*] $g:tt $o:tt $doc:tt $f:ident signer $($r:tt)*) => {
        $crate::lending_accounts!(@push $m $n [$($d),*] $g $o $doc [] [#[account(constraint =
            $crate::instructions::shared::token_view::all_distinct(&[$($d.key),*])
            @ anchor_lang::error::ErrorCode::ConstraintDuplicateMutableAccount)]]
            $f [Signer<'info>] $($r)*);
    };
    (@fields $m:tt $n:ident $d:tt $g:tt $o:tt $doc:tt $f:ident market $($r:tt)*) => {
        $crate::lending_accounts!(@push $m $n $d $g $o $doc [#[doc = " The market."]] []
            $f [AccountLoader<'info, LendingMarket>] $($r)*);
    };
    (@fields $m:tt $n:ident $d:tt $g:tt $o:tt $doc:tt $f:ident owners_market ($owner:ident)
        $($r:tt)*) => {
        $crate::lending_accounts!(@push $m $n $d $g $o $doc [#[doc = " The market."]]
            [#[account(has_one = $owner @ $crate::errors::LendingError::NotMarketOwner)]]
            $f [AccountLoader<'info, LendingMarket>] $($r)*);
    };
    (@fields $m:tt $n:ident $d:tt $g:tt $o:tt $doc:tt $f:ident obligation $($r:tt)*) => {
        $crate::lending_accounts!(@push $m $n $d $g $o $doc
            [#[doc = " Loaded with its market (and, for its owner's actions, its owner) checked."]]
            [#[account(mut)]] $f [AccountLoader<'info, Obligation>] $($r)*);
    };
    (@fields $m:tt $n:ident $d:tt $g:tt $o:tt $doc:tt $f:ident reserve $($r:tt)*) => {
        $crate::lending_accounts!(@push $m $n $d $g $o $doc
            [#[doc = " Loaded with the accounts it names checked against it."]]
            [] $f [AccountLoader<'info, Reserve>] $($r)*);
    };
    (@fields $m:tt $n:ident $d:tt $g:tt $o:tt $doc:tt $f:ident reserve_mut $($r:tt)*) => {
        $crate::lending_accounts!(@push $m $n $d $g $o $doc
            [#[doc = " Loaded with the accounts it names checked against it."]]
            [#[account(mut)]] $f [AccountLoader<'info, Reserve>] $($r)*);
    };
    (@fields $m:tt $n:ident $d:tt $g:tt $o:tt $doc:tt $f:ident liquidity_mint $($r:tt)*) => {
        $crate::lending_accounts!(@push $m $n $d $g $o $doc [#[doc = " The reserve's asset."]
            #[doc = " CHECK: the reserve's (checked in its load); the token program checks it too."]]
            [] $f [UncheckedAccount<'info>] $($r)*);
    };
    (@fields $m:tt $n:ident $d:tt $g:tt $o:tt $doc:tt $f:ident supply_vault $($r:tt)*) => {
        $crate::lending_accounts!(@push $m $n $d $g $o $doc [#[doc = " The reserve's supply vault."]
            #[doc = " CHECK: the reserve's (checked in its load); balance checked after transfers."]]
            [#[account(mut)]] $f [UncheckedAccount<'info>] $($r)*);
    };
    (@fields $m:tt $n:ident $d:tt $g:tt $o:tt $doc:tt $f:ident fee_vault $($r:tt)*) => {
        $crate::lending_accounts!(@push $m $n $d $g $o $doc [#[doc = " The reserve's fee vault."]
            #[doc = " CHECK: the reserve's (checked in its load); balance checked after transfers."]]
            [#[account(mut)]] $f [UncheckedAccount<'info>] $($r)*);
    };
    (@fields $m:tt $n:ident $d:tt $g:tt $o:tt $doc:tt $f:ident share_mint $($r:tt)*) => {
        $crate::lending_accounts!(@push $m $n $d $g $o $doc [#[doc = " The reserve's share mint."]
            #[doc = " CHECK: the reserve's (checked in its load); the token program checks it too."]]
            [#[account(mut)]] $f [UncheckedAccount<'info>] $($r)*);
    };
    (@fields $m:tt $n:ident $d:tt $g:tt $o:tt $doc:tt $f:ident user_token $($r:tt)*) => {
        $crate::lending_accounts!(@push $m $n $d $g $o $doc
            [#[doc = " CHECK: read as a token account of the reserve's asset or shares."]]
            [#[account(mut)]] $f [UncheckedAccount<'info>] $($r)*);
    };
    (@fields $m:tt $n:ident $d:tt $g:tt $o:tt $doc:tt $f:ident token_program $($r:tt)*) => {
        $crate::lending_accounts!(@push $m $n $d $g $o $doc
            [#[doc = " The reserve's token program."]] [] $f [Interface<'info, TokenInterface>] $($r)*);
    };
    (@fields $m:tt $n:ident $d:tt $g:tt $o:tt $doc:tt $f:ident instructions $($r:tt)*) => {
        $crate::lending_accounts!(@push $m $n $d $g $o $doc [#[doc = " The instructions sysvar."]
            #[doc = " CHECK: its address is checked; read through the sysvar helpers."]]
            [#[account(address = solana_instructions_sysvar::ID
                @ $crate::errors::LendingError::InvalidInstructionsSysvar)]]
            $f [UncheckedAccount<'info>] $($r)*);
    };
}
