//! The scenario suite (`tests/shared`), run against the SBF build of the lending program in
//! litesvm, where the program's events are seen.

lending_test_suite::instantiate!(lending_sbf_tests::env::Env, events: seen);
