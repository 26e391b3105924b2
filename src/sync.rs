//! Synchronisation facade: std, parking_lot and crossbeam normally, loom's models under
//! `cfg(loom)`, so the cross-thread protocols can be model-checked without changing them.

#[cfg(not(loom))]
pub(crate) mod atomic {
    pub(crate) use std::sync::atomic::{fence, AtomicUsize, Ordering};
}

#[cfg(loom)]
pub(crate) mod atomic {
    pub(crate) use loom::sync::atomic::{fence, AtomicUsize, Ordering};
}
