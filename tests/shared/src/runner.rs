//! How the scenarios become tests. A scenario is an `async fn` generic over the environment
//! (`E: VmEnv`), private to its file; the file's [`scenarios!`] line lists them. For each
//! file that line defines `entry`, a public function per scenario, and an exported macro named
//! after the file that defines one `#[test]` per scenario. A suite calls [`instantiate!`]
//! with its environment, which calls every file's macro: the scenarios then run under libtest
//! (output captured, filters, parallel threads) as any test does. A scenario left out of its
//! file's line is dead code, which the lints refuse.

use std::future::Future;
use std::pin::Pin;

/// A scenario's future: it panics if the scenario fails.
pub type ScenarioFuture = Pin<Box<dyn Future<Output = ()>>>;

/// Runs a scenario to completion on a single-threaded tokio runtime, as `#[tokio::test]`
/// does.
pub fn block_on(scenario: ScenarioFuture) {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime")
        .block_on(scenario)
}

/// Lists a file's scenarios: `scenarios!(file: a, b, c)`, or with a second list of
/// scenarios that read the program's events, `scenarios!(file: a, b; events: e)` (libtest
/// reports those as ignored where the environment cannot see events). `file` is the name the
/// tests get in the suites, unique across the crate.
// `$d crate` becomes `$crate` in the macro this one defines; clippy reads it as `crate`.
#[allow(clippy::crate_in_macro_def)]
#[macro_export]
macro_rules! scenarios {
    ($file:ident: $($name:ident),* $(,)?) => {
        $crate::scenarios!(@define ($) $file [$($name),*] []);
    };
    ($file:ident: $($name:ident),* $(,)?; events: $($event:ident),* $(,)?) => {
        $crate::scenarios!(@define ($) $file [$($name),*] [$($event),*]);
    };
    (@define ($d:tt) $file:ident [$($name:ident),*] [$($event:ident),*]) => {
        /// Each scenario of this file, instantiated for an environment.
        #[doc(hidden)]
        pub mod entry {
            $(
                pub fn $name<E: $crate::env::VmEnv>() -> $crate::ScenarioFuture {
                    Box::pin(super::$name::<E>())
                }
            )*
            $(
                pub fn $event<E: $crate::env::VmEnv>() -> $crate::ScenarioFuture {
                    Box::pin(super::$event::<E>())
                }
            )*
        }

        /// This file's scenarios as `#[test]`s (see [`instantiate!`](crate::instantiate)).
        #[doc(hidden)]
        #[macro_export]
        macro_rules! $file {
            (events: seen) => {
                mod $file {
                    $(
                        #[test]
                        fn $name() {
                            $d crate::block_on($d crate::entry::$file::$name::<super::ScenarioEnv>())
                        }
                    )*
                    $(
                        #[test]
                        fn $event() {
                            $d crate::block_on($d crate::entry::$file::$event::<super::ScenarioEnv>())
                        }
                    )*
                }
            };
            (events: unseen) => {
                mod $file {
                    $(
                        #[test]
                        fn $name() {
                            $d crate::block_on($d crate::entry::$file::$name::<super::ScenarioEnv>())
                        }
                    )*
                    $(
                        #[test]
                        #[ignore = "events are seen only where the program logs them (the SBF suite)"]
                        fn $event() {
                            $d crate::block_on($d crate::entry::$file::$event::<super::ScenarioEnv>())
                        }
                    )*
                }
            };
        }
    };
}
