//! The built-in types and the exception hierarchy, and `type_of`.

use crate::script::object::{Layout, Type, Value};
use std::collections::HashMap;
use std::rc::Rc;

macro_rules! builtin_types {
    ($($field:ident: $name:literal),* $(,)?; hidden: $($hfield:ident: $hname:literal),* $(,)?) => {
        /// Every built-in type, created once per interpreter.
        pub struct Types {
            pub object: Rc<Type>,
            pub type_: Rc<Type>,
            $(pub $field: Rc<Type>,)*
            $(pub $hfield: Rc<Type>,)*
            /// Exception classes by name.
            pub exceptions: HashMap<&'static str, Rc<Type>>,
            pub base_exception: Rc<Type>,
            pub exception: Rc<Type>,
            pub type_error: Rc<Type>,
            pub value_error: Rc<Type>,
            pub attribute_error: Rc<Type>,
            pub name_error: Rc<Type>,
            pub unbound_local_error: Rc<Type>,
            pub index_error: Rc<Type>,
            pub key_error: Rc<Type>,
            pub zero_division_error: Rc<Type>,
            pub overflow_error: Rc<Type>,
            pub stop_iteration: Rc<Type>,
            pub runtime_error: Rc<Type>,
            pub recursion_error: Rc<Type>,
            pub not_implemented_error: Rc<Type>,
            pub import_error: Rc<Type>,
            pub module_not_found_error: Rc<Type>,
            pub system_exit: Rc<Type>,
            pub generator_exit: Rc<Type>,
            pub assertion_error: Rc<Type>,
            pub syntax_error: Rc<Type>,
            pub os_error: Rc<Type>,
            pub file_not_found_error: Rc<Type>,
            pub keyboard_interrupt: Rc<Type>,
            pub memory_error: Rc<Type>,
            pub unicode_error: Rc<Type>,
        }

        impl Types {
            pub fn new() -> Types {
                let object = Rc::new(Type::new_builtin("object", Layout::Object, vec![]));
                let type_ = Rc::new(Type::new_builtin("type", Layout::Builtin, vec![object.clone()]));
                $(let $field = Rc::new(Type::new_builtin($name, Layout::Builtin, vec![object.clone()]));)*
                $(let $hfield = Rc::new(Type::new_builtin($hname, Layout::Builtin, vec![object.clone()]));)*
                let mut exceptions = HashMap::new();
                let base_exception = Rc::new(Type::new_builtin(
                    "BaseException",
                    Layout::Exception,
                    vec![object.clone()],
                ));
                exceptions.insert("BaseException", base_exception.clone());
                for (name, parent) in EXCEPTION_TREE {
                    let parent = exceptions[parent].clone();
                    let t = Rc::new(Type::new_builtin(name, Layout::Exception, vec![parent]));
                    exceptions.insert(name, t);
                }
                let e = |n: &str| exceptions[n].clone();
                Types {
                    $($field,)*
                    $($hfield,)*
                    exception: e("Exception"),
                    type_error: e("TypeError"),
                    value_error: e("ValueError"),
                    attribute_error: e("AttributeError"),
                    name_error: e("NameError"),
                    unbound_local_error: e("UnboundLocalError"),
                    index_error: e("IndexError"),
                    key_error: e("KeyError"),
                    zero_division_error: e("ZeroDivisionError"),
                    overflow_error: e("OverflowError"),
                    stop_iteration: e("StopIteration"),
                    runtime_error: e("RuntimeError"),
                    recursion_error: e("RecursionError"),
                    not_implemented_error: e("NotImplementedError"),
                    import_error: e("ImportError"),
                    module_not_found_error: e("ModuleNotFoundError"),
                    system_exit: e("SystemExit"),
                    generator_exit: e("GeneratorExit"),
                    assertion_error: e("AssertionError"),
                    syntax_error: e("SyntaxError"),
                    os_error: e("OSError"),
                    file_not_found_error: e("FileNotFoundError"),
                    keyboard_interrupt: e("KeyboardInterrupt"),
                    memory_error: e("MemoryError"),
                    unicode_error: e("UnicodeError"),
                    base_exception,
                    exceptions,
                    object,
                    type_,
                }
            }

            /// Every built-in non-exception type with its name, for the builtins module.
            pub fn all(&self) -> Vec<Rc<Type>> {
                vec![self.object.clone(), self.type_.clone(), $(self.$field.clone(),)*]
            }
        }
    };
}

builtin_types! {
    int: "int",
    bool_: "bool",
    float: "float",
    str: "str",
    bytes: "bytes",
    bytearray: "bytearray",
    list: "list",
    tuple: "tuple",
    dict: "dict",
    set: "set",
    frozenset: "frozenset",
    range: "range",
    slice: "slice",
    function: "function",
    builtin_function: "builtin_function_or_method",
    method: "method",
    module: "module",
    generator: "generator",
    none: "NoneType",
    not_implemented: "NotImplementedType",
    ellipsis: "ellipsis",
    cell: "cell",
    property: "property",
    staticmethod: "staticmethod",
    classmethod: "classmethod",
    iterator: "iterator",
    super_: "super",
    dict_keys: "dict_keys",
    dict_values: "dict_values",
    dict_items: "dict_items",
    code: "code",
    enumerate: "enumerate",
    zip: "zip",
    map: "map",
    filter: "filter",
    reversed: "reversed";
    // Types scripts can reach only through `type(x)`: not names in `builtins`.
    hidden:
    list_iterator: "list_iterator",
    list_reverseiterator: "list_reverseiterator",
    tuple_iterator: "tuple_iterator",
    range_iterator: "range_iterator",
    longrange_iterator: "longrange_iterator",
    str_iterator: "str_iterator",
    str_ascii_iterator: "str_ascii_iterator",
    bytes_iterator: "bytes_iterator",
    dict_keyiterator: "dict_keyiterator",
    dict_valueiterator: "dict_valueiterator",
    dict_itemiterator: "dict_itemiterator",
    set_iterator: "set_iterator",
    callable_iterator: "callable_iterator",
}

/// Each built-in exception after its parent, as CPython's hierarchy has them.
const EXCEPTION_TREE: &[(&str, &str)] = &[
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("Exception", "BaseException"),
    ("StopIteration", "Exception"),
    ("StopAsyncIteration", "Exception"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("FileNotFoundError", "OSError"),
    ("FileExistsError", "OSError"),
    ("PermissionError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("Warning", "Exception"),
    ("UserWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
];

impl Default for Types {
    fn default() -> Types {
        Types::new()
    }
}

impl Types {
    /// The exception names in hierarchy order (for the builtins module).
    pub fn exception_names() -> impl Iterator<Item = &'static str> {
        std::iter::once("BaseException").chain(EXCEPTION_TREE.iter().map(|(n, _)| *n))
    }

    /// The class of a value.
    #[inline]
    pub fn type_of<'v>(&'v self, v: &'v Value) -> &'v Rc<Type> {
        use Value::*;
        match v {
            Undefined | None => &self.none,
            NotImplemented => &self.not_implemented,
            Ellipsis => &self.ellipsis,
            Bool(_) => &self.bool_,
            Int(_) | BigInt(_) => &self.int,
            Float(_) => &self.float,
            Str(_) => &self.str,
            Bytes(b) => {
                if b.mutable {
                    &self.bytearray
                } else {
                    &self.bytes
                }
            }
            List(_) => &self.list,
            Tuple(_) => &self.tuple,
            Dict(_) => &self.dict,
            Set(s) => {
                if s.frozen {
                    &self.frozenset
                } else {
                    &self.set
                }
            }
            Range(_) => &self.range,
            Slice(_) => &self.slice,
            Function(_) => &self.function,
            Builtin(_) => &self.builtin_function,
            // A built-in function bound to its object is still a built-in function.
            Method(m) if matches!(m.func, Builtin(_)) => &self.builtin_function,
            Method(_) => &self.method,
            Type(_) => &self.type_,
            Instance(i) => &i.class,
            Module(_) => &self.module,
            Generator(_) => &self.generator,
            Iter(it) => it.class(self),
            Cell(_) => &self.cell,
            Property(_) => &self.property,
            Decorated(d) => {
                if d.is_class {
                    &self.classmethod
                } else {
                    &self.staticmethod
                }
            }
            Opaque(o) => &o.class,
        }
    }
}
