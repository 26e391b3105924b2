//! Links the `stacklet` command as a fixed-address (non-PIE) executable on Linux.
//!
//! A position-independent executable has its pointer tables (vtables, static string and
//! function tables: 350 KB here) relocated at every start, which writes ~100 pages: on
//! the machines measured that was a quarter of the command's 1.8 ms start-up. Debian
//! builds its `python3` without PIE for the same reason. Only the binary is affected; the
//! library is compiled as usual and an embedder's program links as it chooses.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let linux = std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux");
    let gnu = std::env::var("CARGO_CFG_TARGET_ENV").is_ok_and(|env| env == "gnu");
    if linux && gnu {
        println!("cargo:rustc-link-arg-bin=stacklet=-no-pie");
    }
}
