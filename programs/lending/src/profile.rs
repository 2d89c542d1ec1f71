//! Compute-unit probes for profiling the SBF build (`cu-profile` feature only).

/// Logs `probe: <label>` and the compute units left, in an SBF build with the `cu-profile`
/// feature; expands to nothing otherwise. `scripts/profile-cu` turns consecutive probes into
/// the cost of each step (each probe adds its own cost to the step after it).
#[macro_export]
macro_rules! probe {
    ($label:literal) => {
        #[cfg(all(feature = "cu-profile", target_arch = "bpf"))]
        {
            ::anchor_lang::solana_program::log::sol_log(concat!("probe: ", $label));
            // SAFETY: the syscall takes no arguments and only writes to the program log.
            unsafe {
                ::anchor_lang::compat::solana_define_syscall::definitions::sol_log_compute_units_()
            };
        }
    };
}
