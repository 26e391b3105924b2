//! Small built-in objects: `range`, `slice`, `property`, `staticmethod`/`classmethod`, and
//! the opaque objects native modules define.

use super::class::Type;
use super::value::Value;
use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use std::any::Any;
use std::rc::Rc;

pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    /// Set when a bound or the length does not fit in `i64`; the `i64` fields then
    /// describe an empty range, so code that only knows them never walks a wrong one.
    pub big: Option<Rc<BigRange>>,
}

/// A range whose bounds or length need big ints.
pub struct BigRange {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
}

impl BigRange {
    pub fn len(&self) -> BigInt {
        let zero = BigInt::zero();
        let (lo, hi, step) = if self.step > zero {
            (&self.start, &self.stop, self.step.clone())
        } else {
            (&self.stop, &self.start, -self.step.clone())
        };
        if lo >= hi {
            zero
        } else {
            (hi - lo - 1) / step + 1
        }
    }

    pub fn at(&self, i: &BigInt) -> BigInt {
        &self.start + i * &self.step
    }

    pub fn contains(&self, x: &BigInt) -> bool {
        let in_bounds = if self.step > BigInt::zero() {
            x >= &self.start && x < &self.stop
        } else {
            x <= &self.start && x > &self.stop
        };
        in_bounds && ((x - &self.start) % &self.step).is_zero()
    }
}

impl Range {
    /// A range of any bounds: inline when everything fits in `i64`.
    pub fn new(start: BigInt, stop: BigInt, step: BigInt) -> Range {
        let big = BigRange { start, stop, step };
        let fits = (
            big.start.to_i64(),
            big.stop.to_i64(),
            big.step.to_i64(),
            big.len().to_i64(),
        );
        match fits {
            (Some(start), Some(stop), Some(step), Some(_)) => Range {
                start,
                stop,
                step,
                big: None,
            },
            _ => Range {
                start: 0,
                stop: 0,
                step: 1,
                big: Some(Rc::new(big)),
            },
        }
    }

    /// A range of `i64` bounds (`step` not zero). `range(n)` in a loop makes one each time
    /// the loop starts: going through `BigInt` cost a thousand instructions.
    pub fn of_ints(start: i64, stop: i64, step: i64) -> Range {
        match i64::try_from(length(start, stop, step)) {
            Ok(_) => Range {
                start,
                stop,
                step,
                big: None,
            },
            Err(_) => Range::new(start.into(), stop.into(), step.into()),
        }
    }

    pub fn len(&self) -> i64 {
        length(self.start, self.stop, self.step) as i64
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn at(&self, i: i64) -> i64 {
        self.start + i * self.step
    }
}

pub struct Slice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

pub struct Property {
    pub getter: Value,
    pub setter: Value,
    pub deleter: Value,
    pub doc: Value,
    /// The class attribute it was assigned to (`__set_name__`), for error messages.
    pub name: std::cell::RefCell<Option<std::rc::Rc<super::Str>>>,
}

impl Property {
    /// "property 'x' of 'C' object has no setter", or without the name when the property
    /// was never assigned in a class body.
    pub fn missing(&self, class: &str, what: &str) -> String {
        match &*self.name.borrow() {
            Some(name) => format!(
                "property '{}' of '{class}' object has no {what}",
                name.as_str()
            ),
            None => format!("property of '{class}' object has no {what}"),
        }
    }
}

/// `staticmethod(f)` or `classmethod(f)`.
pub struct StaticOrClassMethod {
    pub func: Value,
    pub is_class: bool,
}

/// An object whose type and behaviour a native module defines.
pub struct Opaque {
    pub class: Rc<Type>,
    pub data: Box<dyn Any>,
}

impl Opaque {
    pub fn downcast<T: 'static>(&self) -> Option<&T> {
        self.data.downcast_ref()
    }
}

/// The number of items of a range of `i64` bounds (`step` not zero), which may not fit in
/// `i64` (`range(-2**63, 2**63 - 1)`).
fn length(start: i64, stop: i64, step: i64) -> i128 {
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    }
}
