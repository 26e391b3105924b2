//! The SIGSEGV/SIGBUS handler that turns a hit on one of our guard pages into a report.
//!
//! A greenlet overflowing its stack must never look like random memory corruption: the
//! handler names the context that overflowed and aborts. Faults elsewhere are passed on to
//! whatever handler was installed before (Rust's own reports main-thread overflows).

use std::cell::Cell;
use std::sync::Once;

/// What the switch layer says is running, for the report. Set on every switch.
#[derive(Debug, Clone, Copy)]
pub struct ContextLabel {
    /// Greenlet or continulet id (0 for the thread's root context).
    pub id: u64,
    /// Kind of context ("greenlet", "continulet", "hub task"...).
    pub kind: &'static str,
}

thread_local! {
    static LABEL: Cell<*const ContextLabel> = const { Cell::new(std::ptr::null()) };
}

/// Records the running context; `null` for the thread's root.
#[inline]
pub(crate) fn set_label(label: *const ContextLabel) -> *const ContextLabel {
    LABEL.with(|l| l.replace(label))
}

struct Previous(std::cell::UnsafeCell<[libc::sigaction; 2]>);
// SAFETY: written once inside `INSTALL.call_once`, before our handler can run; read-only after.
unsafe impl Sync for Previous {}
static PREVIOUS: Previous = Previous(std::cell::UnsafeCell::new(unsafe { std::mem::zeroed() }));
static INSTALL: Once = Once::new();

/// Installs the handler for the process (idempotent).
pub(crate) fn install_handler() {
    INSTALL.call_once(|| {
        for (i, sig) in [libc::SIGSEGV, libc::SIGBUS].into_iter().enumerate() {
            // SAFETY: the sigaction structs are fully initialised before use, PREVIOUS is only
            // written here (inside call_once), and the handler is async-signal-safe.
            unsafe {
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction = handler as *const () as usize;
                action.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
                libc::sigemptyset(&mut action.sa_mask);
                let previous = &mut (*PREVIOUS.0.get())[i];
                libc::sigaction(sig, &action, previous);
            }
        }
    });
    ensure_altstack();
}

thread_local! {
    static ALTSTACK: AltStack = AltStack::install();
}

/// A signal stack for threads that have none (threads not started by Rust's std), so the
/// handler can run when the faulting stack is exhausted.
struct AltStack(usize);

impl AltStack {
    fn install() -> AltStack {
        const SIZE: usize = 64 * 1024;
        // SAFETY: querying the current alternate stack writes only into `old`; a new one is
        // an mmap we own, unregistered (SS_DISABLE) before it is unmapped in Drop.
        unsafe {
            let mut old: libc::stack_t = std::mem::zeroed();
            libc::sigaltstack(std::ptr::null(), &mut old);
            if old.ss_flags & libc::SS_DISABLE == 0 {
                return AltStack(0);
            }
            let ptr = libc::mmap(
                std::ptr::null_mut(),
                SIZE,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            );
            if ptr == libc::MAP_FAILED {
                return AltStack(0);
            }
            let stack = libc::stack_t {
                ss_sp: ptr,
                ss_flags: 0,
                ss_size: SIZE,
            };
            libc::sigaltstack(&stack, std::ptr::null_mut());
            AltStack(ptr as usize)
        }
    }
}

impl Drop for AltStack {
    fn drop(&mut self) {
        if self.0 != 0 {
            // SAFETY: see `install`.
            unsafe {
                let disable = libc::stack_t {
                    ss_sp: std::ptr::null_mut(),
                    ss_flags: libc::SS_DISABLE,
                    ss_size: 0,
                };
                libc::sigaltstack(&disable, std::ptr::null_mut());
                libc::munmap(self.0 as *mut libc::c_void, 64 * 1024);
            }
        }
    }
}

fn ensure_altstack() {
    let _ = ALTSTACK.try_with(|_| ());
}

extern "C" fn handler(sig: libc::c_int, info: *mut libc::siginfo_t, context: *mut libc::c_void) {
    // SAFETY: the kernel passes a valid siginfo for SA_SIGINFO handlers.
    let addr = unsafe { (*info).si_addr() } as usize;
    #[cfg(not(loom))]
    if let Some(range) = super::registry::REGIONS.find_guard(addr) {
        report(addr, range.slot - range.guard);
        // SAFETY: abort is async-signal-safe.
        unsafe { libc::abort() };
    }
    let index = if sig == libc::SIGSEGV { 0 } else { 1 };
    // SAFETY: PREVIOUS was filled before this handler was installed. Calling the previous
    // handler (or restoring the default action so the fault re-raises) is what chaining
    // signal handlers means; both are async-signal-safe.
    unsafe {
        let previous = &(*PREVIOUS.0.get())[index];
        let action = previous.sa_sigaction;
        if action == libc::SIG_DFL || action == libc::SIG_IGN {
            libc::sigaction(sig, previous, std::ptr::null_mut());
        } else if previous.sa_flags & libc::SA_SIGINFO != 0 {
            let f: extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void) =
                std::mem::transmute(action);
            f(sig, info, context);
        } else {
            let f: extern "C" fn(libc::c_int) = std::mem::transmute(action);
            f(sig);
        }
    }
}

/// Writes the overflow report to stderr without allocating.
fn report(addr: usize, usable: usize) {
    let mut out = Buf::default();
    out.push(b"stacklet: stack overflow in ");
    let label = LABEL.try_with(Cell::get).unwrap_or(std::ptr::null());
    if label.is_null() {
        out.push(b"the thread's main stack");
    } else {
        // SAFETY: the switch layer points LABEL at the running context's label, which lives
        // as long as that context runs, and the faulting context is the running one.
        let label = unsafe { &*label };
        out.push(label.kind.as_bytes());
        out.push(b" #");
        out.number(label.id as usize, 10);
    }
    out.push(b" (guard page hit at 0x");
    out.number(addr, 16);
    out.push(b" below a ");
    out.number(usable / 1024, 10);
    out.push(b" KiB stack)\nstacklet: recurse through stacklet::stack::grow, or give the greenlet a larger stack\n");
    // SAFETY: write(2) is async-signal-safe; the buffer is valid for its length.
    unsafe { libc::write(2, out.bytes.as_ptr().cast(), out.len) };
}

struct Buf {
    bytes: [u8; 256],
    len: usize,
}

impl Default for Buf {
    fn default() -> Self {
        Buf {
            bytes: [0; 256],
            len: 0,
        }
    }
}

impl Buf {
    fn push(&mut self, s: &[u8]) {
        let n = s.len().min(self.bytes.len() - self.len);
        self.bytes[self.len..self.len + n].copy_from_slice(&s[..n]);
        self.len += n;
    }

    fn number(&mut self, mut n: usize, radix: usize) {
        let mut digits = [0u8; 20];
        let mut i = digits.len();
        loop {
            i -= 1;
            digits[i] = b"0123456789abcdef"[n % radix];
            n /= radix;
            if n == 0 {
                break;
            }
        }
        self.push(&digits[i..]);
    }
}
