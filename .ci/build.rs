//! Cargo's build script for the app (Cargo.toml names it): with PP_SPLIT=1, which .ci/trunk.sh
//! sets for the release build, the wasm is built to be split (docs/decisions/0009-split-wasm.md):
//! `--cfg pp_split` turns the `lazy_page!` functions (src/ui/lazy.rs) into split points, and the
//! linker keeps the relocations wasm-split-cli needs (.ci/bin/wasm-bindgen runs it). Only this
//! crate changes, so the dependencies' builds are the same with and without it.
fn main() {
    println!("cargo::rustc-check-cfg=cfg(pp_split)");
    println!("cargo::rerun-if-env-changed=PP_SPLIT");
    println!("cargo::rerun-if-changed=.ci/build.rs");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    if wasm && std::env::var("PP_SPLIT").is_ok_and(|v| v == "1") {
        println!("cargo::rustc-cfg=pp_split");
        println!("cargo::rustc-link-arg-bins=--emit-relocs");
    }
}
