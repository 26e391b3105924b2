//! Small built-in objects: `range`, `slice`, `property`, `staticmethod`/`classmethod`, and
//! the opaque objects native modules define.

use super::class::Type;
use super::value::Value;
use std::any::Any;
use std::rc::Rc;

pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Range {
    pub fn len(&self) -> i64 {
        let (start, stop, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 && start < stop {
            (stop - start - 1) / step + 1
        } else if step < 0 && start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        };
        n as i64
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
