//! Native stacks: pooled and guarded, with segment hops (`grow`) for deep native recursion.
//!
//! Every stack handed out here is a slot of a large reserved mapping with a guard page below
//! it, so a million suspended greenlets cost one mapping and a few KiB of RSS each, and an
//! overflow always hits a guard page that the SIGSEGV handler recognises and reports.

mod grow;
mod limit;
mod overflow;
mod pool;
mod region;
pub(crate) mod registry;

pub use grow::{grow, grow_with, remaining, try_grow, DEFAULT_RED_ZONE, SEGMENT_SIZE};
pub(crate) use limit::LimitGuard;
pub(crate) use overflow::set_label;
pub use overflow::ContextLabel;
pub use pool::{stats, PooledStack, StackStats};
pub use region::GuardMode;

pub(crate) use limit::{current_limit, set_limit};
pub(crate) use pool::{allocate, set_idle, size_class};

/// Usable size of a greenlet's stack unless its builder asks for another.
///
/// Script greenlets and Rust code that recurses through [`grow`] need little; plain deep Rust
/// recursion inside a greenlet should either use [`grow`] or ask for a bigger stack.
pub const DEFAULT_STACK_SIZE: usize = 256 * 1024;

/// Why a stack could not be provided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StackError {
    /// `mmap` refused the reservation (address space or memory exhausted).
    OutOfMemory {
        /// Bytes that were asked for.
        bytes: usize,
    },
    /// This kernel cannot install guard pages without one mapping per stack, and creating
    /// more would approach `vm.max_map_count`, where the kernel starts refusing `mmap` to
    /// everyone in the process (malloc included).
    MapCountLimit {
        /// Guarded stacks already created with `mprotect`.
        guarded: usize,
    },
}

impl std::fmt::Display for StackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StackError::OutOfMemory { bytes } => {
                write!(f, "cannot reserve {bytes} bytes of stack: out of memory")
            }
            StackError::MapCountLimit { guarded } => write!(
                f,
                "cannot create more guarded stacks: {guarded} exist and this kernel lacks \
                 MADV_GUARD_INSTALL, so each needs its own mapping and vm.max_map_count is near"
            ),
        }
    }
}

impl std::error::Error for StackError {}

/// The size of a memory page, read once.
pub(crate) fn page_size() -> usize {
    use std::sync::OnceLock;
    static PAGE: OnceLock<usize> = OnceLock::new();
    // SAFETY: sysconf has no preconditions.
    *PAGE.get_or_init(|| unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as usize)
}
