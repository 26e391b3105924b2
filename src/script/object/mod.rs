//! The object model: values and the heap objects they point to.

pub mod attrs;
pub mod class;
pub mod dict;
pub mod func;
pub mod misc;
pub mod module;
pub mod seq;
pub mod set;
pub mod settable;
pub mod str;
pub mod table;
pub mod unicode;
pub mod value;

pub use class::{Instance, Layout, Type};
pub use dict::Dict;
pub use func::{BoundMethod, Builtin, Cell, Function, Kwargs, NativeFn};
pub use module::Module;
pub use seq::{List, Tuple};
pub use set::Set;
pub use str::{Bytes, Str};
pub use value::{Value, B64, F64};
