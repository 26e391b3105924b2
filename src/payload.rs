//! `Payload`: a value of any `'static` type moving through a switch.
//!
//! Greenlets and continulets pass arbitrary values, like their Python originals, so what
//! travels is type-erased. Values up to two words (an integer, a script value, an `Rc`) are
//! stored inline: a switch allocates nothing. Larger ones are boxed.
//!
//! Why not `Box<dyn Any>` or a small-box crate: every switch unpacks a payload, and asking a
//! `dyn Any` its type is an indirect call. Here the type's identity sits in a static
//! descriptor next to the value, so unpacking is two compares against a constant and a copy
//! (measured: about 30 fewer instructions per greenlet switch than `smallbox`).

use std::any::TypeId;
use std::cell::UnsafeCell;
use std::fmt;
use std::mem::{align_of, size_of, ManuallyDrop, MaybeUninit};

/// Room for an inline value: two machine words.
type Inline = MaybeUninit<[usize; 2]>;

/// What a payload knows about the type it holds: one constant per type.
struct Kind {
    id: TypeId,
    /// Drops the stored value (inline or boxed); `None` when nothing needs dropping.
    drop: Option<unsafe fn(*mut Inline)>,
}

trait KindOf {
    const KIND: &'static Kind;
}

impl<T: 'static> KindOf for T {
    const KIND: &'static Kind = &Kind {
        id: TypeId::of::<T>(),
        drop: if fits_inline::<T>() {
            if std::mem::needs_drop::<T>() {
                Some(drop_inline::<T>)
            } else {
                None
            }
        } else {
            Some(drop_boxed::<T>)
        },
    };
}

const fn fits_inline<T>() -> bool {
    size_of::<T>() <= size_of::<Inline>() && align_of::<T>() <= align_of::<Inline>()
}

/// # Safety
/// `data` holds an initialised `T` inline, which is not used again.
unsafe fn drop_inline<T>(data: *mut Inline) {
    // SAFETY: per the contract.
    unsafe { data.cast::<T>().drop_in_place() }
}

/// # Safety
/// `data` holds a `Box<T>` pointer, which is not used again.
unsafe fn drop_boxed<T>(data: *mut Inline) {
    // SAFETY: per the contract.
    drop(unsafe { Box::from_raw(data.cast::<*mut T>().read()) })
}

/// A type-erased value passed by `switch`, returned by a body, or carried by an error.
///
/// Not `Send`: it may hold an `Rc` (and greenlets never leave their thread anyway).
pub struct Payload {
    /// In an `UnsafeCell` because the value may itself have interior mutability (a `Cell`
    /// inside): through `downcast_ref` it can change behind a shared `&Payload`.
    data: UnsafeCell<Inline>,
    kind: &'static Kind,
    _not_send: std::marker::PhantomData<*const ()>,
}

impl Payload {
    /// Wraps `value`.
    #[inline]
    pub fn new<T: 'static>(value: T) -> Payload {
        let mut data = Inline::uninit();
        if fits_inline::<T>() {
            // SAFETY: `T` fits the inline words in size and alignment (checked just above).
            unsafe { data.as_mut_ptr().cast::<T>().write(value) }
        } else {
            let boxed = Box::into_raw(Box::new(value));
            // SAFETY: a pointer fits the inline words.
            unsafe { data.as_mut_ptr().cast::<*mut T>().write(boxed) }
        }
        Payload {
            data: UnsafeCell::new(data),
            kind: T::KIND,
            _not_send: std::marker::PhantomData,
        }
    }

    /// The empty value `()` (what Python's `None`/`()` maps to for Rust bodies).
    #[inline]
    pub fn unit() -> Payload {
        Payload::new(())
    }

    /// Whether the value is a `T`.
    #[inline]
    pub fn is<T: 'static>(&self) -> bool {
        self.kind.id == TypeId::of::<T>()
    }

    /// Borrows the value as a `T`, if it is one.
    #[inline]
    pub fn downcast_ref<T: 'static>(&self) -> Option<&T> {
        if !self.is::<T>() {
            return None;
        }
        let data = self.data.get().cast_const();
        // SAFETY: the payload holds a `T`, inline or boxed as `fits_inline` says for `T`;
        // the inline words are in an `UnsafeCell`, so a `T` with interior mutability may be
        // changed through the shared reference handed out.
        Some(unsafe {
            if fits_inline::<T>() {
                &*data.cast::<T>()
            } else {
                &**data.cast::<*const T>()
            }
        })
    }

    /// Takes the value out as a `T`, or gives the payload back unchanged.
    #[inline]
    pub fn downcast<T: 'static>(self) -> Result<T, Payload> {
        if !self.is::<T>() {
            return Err(self);
        }
        let this = ManuallyDrop::new(self);
        let data = this.data.get().cast_const();
        // SAFETY: the payload holds a `T` (as in `downcast_ref`); it is read out exactly once
        // and the payload is not dropped, so the value has one owner again.
        Ok(unsafe {
            if fits_inline::<T>() {
                data.cast::<T>().read()
            } else {
                *Box::from_raw(data.cast::<*mut T>().read())
            }
        })
    }
}

impl Drop for Payload {
    #[inline]
    fn drop(&mut self) {
        if let Some(drop) = self.kind.drop {
            // SAFETY: the kind's drop function matches the stored value, dropped only here.
            unsafe { drop(self.data.get_mut()) }
        }
    }
}

impl fmt::Debug for Payload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(s) = self.downcast_ref::<&str>() {
            write!(f, "Payload({s:?})")
        } else if let Some(s) = self.downcast_ref::<String>() {
            write!(f, "Payload({s:?})")
        } else {
            f.write_str("Payload(..)")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Payload;
    use std::rc::Rc;

    #[test]
    fn inline_and_boxed_values_round_trip() {
        assert_eq!(Payload::new(7u64).downcast::<u64>().unwrap(), 7);
        let big = [1u64, 2, 3, 4];
        assert_eq!(Payload::new(big).downcast::<[u64; 4]>().unwrap(), big);
        let p = Payload::new(String::from("hi"));
        assert_eq!(p.downcast_ref::<String>().map(String::as_str), Some("hi"));
        assert!(Payload::unit().is::<()>());
    }

    #[test]
    fn a_wrong_type_gives_the_payload_back() {
        let p = Payload::new(5i32).downcast::<u32>().unwrap_err();
        assert_eq!(p.downcast::<i32>().unwrap(), 5);
        let p = Payload::new([9u8; 40]).downcast::<String>().unwrap_err();
        assert_eq!(p.downcast_ref::<[u8; 40]>().unwrap()[39], 9);
    }

    #[test]
    fn dropping_drops_the_value_once() {
        let counted = Rc::new(());
        drop(Payload::new(counted.clone()));
        drop(Payload::new((counted.clone(), [0u64; 8])));
        let back = Payload::new(counted.clone()).downcast::<Rc<()>>().unwrap();
        assert_eq!(Rc::strong_count(&counted), 2);
        drop(back);
        assert_eq!(Rc::strong_count(&counted), 1);
    }

    #[test]
    fn a_cell_inside_can_change_through_a_shared_payload() {
        // Regression: the inline words were not in an `UnsafeCell`, so the compiler took a
        // `&Payload` as read-only and a write through `downcast_ref` could be lost.
        #[inline(never)]
        fn bump(p: &Payload) {
            let c = p.downcast_ref::<std::cell::Cell<u64>>().unwrap();
            c.set(c.get() + 1);
        }
        let p = Payload::new(std::cell::Cell::new(41u64));
        bump(&p);
        assert_eq!(p.downcast_ref::<std::cell::Cell<u64>>().unwrap().get(), 42);
        bump(&p);
        assert_eq!(p.downcast::<std::cell::Cell<u64>>().unwrap().get(), 43);
    }

    #[test]
    fn over_aligned_values_are_boxed() {
        #[repr(align(32))]
        #[derive(Debug, PartialEq, Clone, Copy)]
        struct Wide(u8);
        assert_eq!(Payload::new(Wide(3)).downcast::<Wide>().unwrap(), Wide(3));
    }
}
