//! The `stacklet` command.
fn main() {}
