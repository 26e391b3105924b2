//! `Payload`: a value of any `'static` type moving through a switch.
//!
//! Greenlets and continulets pass arbitrary values, like their Python originals, so what
//! travels is type-erased. Values up to two words (an integer, a script value, an `Rc`) are
//! stored inline: a switch allocates nothing. Larger ones are boxed.

use smallbox::space::S2;
use smallbox::{smallbox, SmallBox};
use std::any::Any;
use std::fmt;

/// A type-erased value passed by `switch`, returned by a body, or carried by an error.
pub struct Payload(SmallBox<dyn Any, S2>);

impl Payload {
    /// Wraps `value`.
    #[inline]
    pub fn new<T: 'static>(value: T) -> Payload {
        Payload(smallbox!(value))
    }

    /// The empty value `()` (what Python's `None`/`()` maps to for Rust bodies).
    #[inline]
    pub fn unit() -> Payload {
        Payload::new(())
    }

    /// Whether the value is a `T`.
    #[inline]
    pub fn is<T: 'static>(&self) -> bool {
        self.0.is::<T>()
    }

    /// Borrows the value as a `T`, if it is one.
    #[inline]
    pub fn downcast_ref<T: 'static>(&self) -> Option<&T> {
        self.0.downcast_ref::<T>()
    }

    /// Takes the value out as a `T`, or gives the payload back unchanged.
    #[inline]
    pub fn downcast<T: 'static>(self) -> Result<T, Payload> {
        match self.0.downcast::<T>() {
            Ok(value) => Ok(value.into_inner()),
            Err(this) => Err(Payload(this)),
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
