//! `object`, `type`, `super`, exceptions, descriptors (`property`, `staticmethod`,
//! `classmethod`), and the methods of generators, iterators and functions.

use super::{arity, class_method, function, kwarg, method, str_arg};
use crate::script::object::class::c3_merge;
use crate::script::object::misc::{Opaque, Property, StaticOrClassMethod};
use crate::script::object::{Kwargs, Layout, Str, Type, Value};
use crate::script::vm::generator::Resume;
use crate::script::vm::{PyResult, Vm};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

fn singleton(vm: &Vm, a: &[Value], k: Kwargs<'_>, v: Value) -> PyResult<Value> {
    if a.len() > 1 || !k.is_empty() {
        return Err(vm.type_error(format!("{} takes no arguments", vm.type_name(&v))));
    }
    Ok(v)
}

pub fn install(vm: &Vm) {
    let t = &vm.types;
    method(&t.object, "__init__", |_, _, _| Ok(Value::None));
    // The singletons' types return their one instance.
    method(&t.none, "__new__", |vm, a, k| {
        singleton(vm, a, k, Value::None)
    });
    method(&t.not_implemented, "__new__", |vm, a, k| {
        singleton(vm, a, k, Value::NotImplemented)
    });
    method(&t.ellipsis, "__new__", |vm, a, k| {
        singleton(vm, a, k, Value::Ellipsis)
    });
    method(&t.object, "__new__", |vm, a, _| match a.first() {
        // A plain object: allocate it here, since `new_instance` would call the class's
        // own `__new__` (which is typically what is calling us, via `super()`).
        Some(Value::Type(t))
            if t.builtin_base()
                .is_some_and(|c| Rc::ptr_eq(&c, &vm.types.object)) =>
        {
            Ok(Value::instance(crate::script::object::Instance::new(
                t.clone(),
            )))
        }
        Some(Value::Type(t)) => vm.new_instance(t, &[], &[]),
        _ => Err(vm.type_error("object.__new__(X): X is not a type object")),
    });
    method(&t.object, "__repr__", |vm, a, _| {
        let v = a.first().cloned().unwrap_or_default();
        Ok(Value::string(vm.default_repr(&v)))
    });
    method(&t.object, "__str__", |vm, a, _| {
        Ok(Value::string(vm.repr(&a[0])?))
    });
    method(&t.object, "__eq__", |_, a, _| {
        Ok(if a.len() == 2 && a[0].is(&a[1]) {
            Value::bool(true)
        } else {
            Value::NotImplemented
        })
    });
    method(&t.object, "__ne__", |vm, a, _| {
        arity(vm, "__ne__", a, 2, 2)?;
        let r = vm.compare(crate::script::compile::code::CmpOp::Eq, &a[0], &a[1])?;
        Ok(match r {
            Value::NotImplemented => Value::NotImplemented,
            v => Value::bool(!vm.truthy(&v)?),
        })
    });
    method(&t.object, "__hash__", |_, a, _| {
        Ok(Value::Int((a[0].heap_ptr().unwrap_or(0) >> 4) as i64))
    });
    method(&t.object, "__setattr__", |vm, a, _| {
        arity(vm, "__setattr__", a, 3, 3)?;
        let (Value::Instance(inst), Value::Str(name)) = (&a[0], &a[1]) else {
            return vm
                .set_attr(&a[0], &attr(vm, &a[1])?, a[2].clone())
                .map(|_| Value::None);
        };
        vm.generic_setattr(&a[0], inst, name, a[2].clone())?;
        Ok(Value::None)
    });
    method(&t.object, "__delattr__", |vm, a, _| {
        arity(vm, "__delattr__", a, 2, 2)?;
        let name = attr(vm, &a[1])?;
        match &a[0] {
            Value::Instance(i) => match i.remove_attr(&name) {
                Some(_) => Ok(Value::None),
                None => Err(vm.no_attribute(&a[0], &name)),
            },
            v => vm.del_attr(v, &name).map(|_| Value::None),
        }
    });
    method(&t.object, "__getattribute__", |vm, a, _| {
        arity(vm, "__getattribute__", a, 2, 2)?;
        vm.get_attr(&a[0], &attr(vm, &a[1])?)
    });
    method(&t.object, "__format__", |vm, a, _| {
        arity(vm, "__format__", a, 2, 2)?;
        let spec = str_arg(vm, "__format__", &a[1])?;
        if !spec.as_str().is_empty() {
            return Err(vm.type_error(format!(
                "unsupported format string passed to {}.__format__",
                vm.type_name(&a[0])
            )));
        }
        Ok(Value::string(vm.str(&a[0])?))
    });
    class_method(&t.object, "__init_subclass__", |_, _, _| Ok(Value::None));
    method(&t.object, "__dir__", |vm, a, _| {
        vm.call(&vm.builtins.get("dir").unwrap_or_default(), &a[..1], &[])
    });

    method(&t.type_, "__new__", type_new);
    method(&t.type_, "__call__", |vm, a, k| match a.first() {
        Some(Value::Type(t)) => vm.instantiate(t, &a[1..], k),
        _ => Err(vm.type_error("descriptor '__call__' requires a 'type' object")),
    });
    method(&t.type_, "mro", |vm, a, _| match a.first() {
        Some(Value::Type(t)) => Ok(Value::list(t.mro().into_iter().map(Value::Type).collect())),
        _ => Err(vm.type_error("mro() needs a type")),
    });
    method(&t.type_, "__subclasses__", |_, _, _| {
        Ok(Value::list(vec![]))
    });
    method(&t.type_, "__instancecheck__", |vm, a, _| {
        arity(vm, "__instancecheck__", a, 2, 2)?;
        Ok(Value::bool(super::functions::isinstance(vm, &a[1], &a[0])?))
    });

    // Exceptions.
    let base = &t.base_exception;
    method(base, "__new__", |vm, a, _| match a.first() {
        Some(Value::Type(t)) => {
            let inst = crate::script::object::Instance::new(t.clone());
            if let Some(exc) = &inst.exc {
                *exc.args.borrow_mut() = Value::tuple(a[1..].to_vec());
            }
            Ok(Value::Instance(Rc::new(inst)))
        }
        _ => Err(vm.type_error("BaseException.__new__(X): X is not a type object")),
    });
    method(base, "__init__", |vm, a, k| {
        if let (Some(v), false) = (a.first(), k.is_empty()) {
            vm.exception_keywords(vm.types.type_of(v), k)?;
        }
        if let Some(Value::Instance(i)) = a.first() {
            if let Some(exc) = &i.exc {
                *exc.args.borrow_mut() = Value::tuple(a[1..].to_vec());
            }
        }
        Ok(Value::None)
    });
    method(base, "__str__", |vm, a, _| match a.first() {
        Some(Value::Instance(i)) => {
            let args = vm.exc_args(i);
            Ok(Value::string(match args.items.len() {
                0 => String::new(),
                1 => vm.str(&args.items[0])?,
                _ => vm.repr(&Value::Tuple(args))?,
            }))
        }
        _ => Ok(Value::str("")),
    });
    method(base, "__repr__", |vm, a, _| match a.first() {
        Some(v @ Value::Instance(i)) => {
            let args = vm.exc_args(i);
            let name = vm.types.type_of(v).name();
            Ok(Value::string(if args.len() == 1 {
                format!("{}({})", name.as_str(), vm.repr(&args.items[0])?)
            } else {
                format!("{}{}", name.as_str(), vm.repr(&Value::Tuple(args))?)
            }))
        }
        _ => Ok(Value::str("")),
    });
    method(base, "with_traceback", |vm, a, _| {
        if let (Some(Value::Instance(exc)), Some(tb)) = (a.first(), a.get(1)) {
            vm.set_traceback(exc, tb)?;
        }
        Ok(a[0].clone())
    });
    // `ImportError(msg, name=..., path=...)` keeps `name` and `path` as attributes.
    method(&t.import_error, "__new__", |vm, a, k| {
        let Some(Value::Type(cls)) = a.first() else {
            return Err(vm.type_error("ImportError.__new__(X): X is not a type object"));
        };
        super::only_kwargs(vm, "ImportError", k, &["name", "path"])?;
        let exc = vm.new_exception(cls, a[1..].to_vec());
        for key in ["name", "path"] {
            exc.set_attr(
                vm.intern(key),
                kwarg(k, key).cloned().unwrap_or(Value::None),
            );
        }
        Ok(Value::Instance(exc))
    });
    method(base, "add_note", |_, _, _| Ok(Value::None));

    // Descriptors.
    method(&t.property, "__new__", |vm, a, k| {
        let get = |i: usize, name: &str| {
            a.get(i)
                .or_else(|| kwarg(k, name))
                .cloned()
                .unwrap_or(Value::None)
        };
        let getter = get(1, "fget");
        let mut doc = get(4, "doc");
        if doc.is_none() && !getter.is_none() {
            doc = vm.get_attr(&getter, &vm.names.doc).unwrap_or(Value::None);
        }
        Ok(Value::Property(Rc::new(Property {
            getter,
            setter: get(2, "fset"),
            deleter: get(3, "fdel"),
            doc,
            name: RefCell::new(None),
        })))
    });
    fn with_accessor(vm: &Vm, a: &[Value], which: u8) -> PyResult<Value> {
        let (Some(Value::Property(p)), Some(f)) = (a.first(), a.get(1)) else {
            return Err(vm.type_error("property accessor needs a function"));
        };
        let mut np = Property {
            getter: p.getter.clone(),
            setter: p.setter.clone(),
            deleter: p.deleter.clone(),
            doc: p.doc.clone(),
            name: RefCell::new(p.name.borrow().clone()),
        };
        match which {
            0 => np.getter = f.clone(),
            1 => np.setter = f.clone(),
            _ => np.deleter = f.clone(),
        }
        Ok(Value::Property(Rc::new(np)))
    }
    method(&t.property, "__set_name__", |vm, a, _| {
        match (a.first(), a.get(2)) {
            (Some(Value::Property(p)), Some(Value::Str(name))) => {
                *p.name.borrow_mut() = Some(name.clone());
                Ok(Value::None)
            }
            _ => Err(vm.type_error("__set_name__() takes 2 arguments")),
        }
    });
    method(&t.property, "getter", |vm, a, _| with_accessor(vm, a, 0));
    method(&t.property, "setter", |vm, a, _| with_accessor(vm, a, 1));
    method(&t.property, "deleter", |vm, a, _| with_accessor(vm, a, 2));
    method(&t.property, "__get__", |vm, a, _| {
        match (a.first(), a.get(1)) {
            (Some(Value::Property(p)), Some(obj)) if !obj.is_none() => {
                vm.call(&p.getter, std::slice::from_ref(obj), &[])
            }
            (Some(p), _) => Ok(p.clone()),
            _ => Err(vm.type_error("__get__ needs arguments")),
        }
    });
    method(&t.staticmethod, "__new__", |vm, a, _| {
        arity(vm, "staticmethod", a, 2, 2)?;
        Ok(Value::Decorated(Rc::new(StaticOrClassMethod {
            func: a[1].clone(),
            is_class: false,
        })))
    });
    method(&t.classmethod, "__new__", |vm, a, _| {
        arity(vm, "classmethod", a, 2, 2)?;
        Ok(Value::Decorated(Rc::new(StaticOrClassMethod {
            func: a[1].clone(),
            is_class: true,
        })))
    });
    method(&t.super_, "__new__", super_new);

    // Generators and iterators.
    method(&t.generator, "__next__", |vm, a, _| match a.first() {
        Some(Value::Generator(g)) => vm.generator_send(g, Resume::Send(Value::None)),
        _ => Err(vm.type_error("__next__ needs a generator")),
    });
    method(&t.generator, "__iter__", |_, a, _| Ok(a[0].clone()));
    method(&t.generator, "send", |vm, a, _| {
        match (a.first(), a.get(1)) {
            (Some(Value::Generator(g)), Some(v)) => vm.generator_send(g, Resume::Send(v.clone())),
            _ => Err(vm.type_error("send() takes exactly one argument")),
        }
    });
    method(&t.generator, "throw", |vm, a, _| {
        let Some(Value::Generator(g)) = a.first() else {
            return Err(vm.type_error("throw() needs a generator"));
        };
        let exc = match (a.get(1), a.get(2)) {
            (Some(Value::Type(t)), Some(v)) if !v.is_none() => match v {
                Value::Instance(i) if i.exc.is_some() => i.clone(),
                v => vm.make_raisable(vm.call(
                    &Value::Type(t.clone()),
                    std::slice::from_ref(v),
                    &[],
                )?)?,
            },
            (Some(v), _) => vm.make_raisable(v.clone())?,
            _ => return Err(vm.type_error("throw expected at least 1 argument, got 0")),
        };
        vm.generator_send(g, Resume::Throw(exc))
    });
    method(&t.generator, "close", |vm, a, _| match a.first() {
        Some(Value::Generator(g)) => vm.generator_close(g).map(|_| Value::None),
        _ => Err(vm.type_error("close() needs a generator")),
    });
    method(&t.iterator, "__next__", |vm, a, _| {
        match vm.next(&a[0])? {
            Some(v) => Ok(v),
            None => Err(vm.stop_iteration(Value::None)),
        }
    });
    method(&t.iterator, "__iter__", |_, a, _| Ok(a[0].clone()));
    method(&t.function, "__get__", |vm, a, _| {
        match (a.first(), a.get(1)) {
            (Some(f), Some(obj)) if !obj.is_none() => {
                Ok(Value::Method(Rc::new(crate::script::object::BoundMethod {
                    func: f.clone(),
                    receiver: obj.clone(),
                })))
            }
            (Some(f), _) => Ok(f.clone()),
            _ => Err(vm.type_error("__get__ needs arguments")),
        }
    });
    method(&t.function, "__call__", |vm, a, k| {
        vm.call(&a[0], &a[1..], k)
    });
    function(vm, "globals", |vm, _, _| {
        let main = vm.get_module("__main__");
        match main {
            Some(Value::Module(m)) => Ok(Value::Dict(Rc::new(vm.module_dict(&m)))),
            _ => Ok(Value::Dict(Rc::new(crate::script::object::Dict::new()))),
        }
    });
    function(vm, "locals", |vm, _, _| {
        let main = vm.get_module("__main__");
        match main {
            Some(Value::Module(m)) => Ok(Value::Dict(Rc::new(vm.module_dict(&m)))),
            _ => Ok(Value::Dict(Rc::new(crate::script::object::Dict::new()))),
        }
    });
}

fn attr(vm: &Vm, v: &Value) -> PyResult<Rc<Str>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(other)
        ))),
    }
}

/// `type(x)` or `type(name, bases, namespace)`.
fn type_new(vm: &Vm, args: &[Value], kwargs: Kwargs<'_>) -> PyResult<Value> {
    if args.len() == 2 {
        return Ok(Value::Type(vm.types.type_of(&args[1]).clone()));
    }
    if args.len() != 4 {
        return Err(vm.type_error("type() takes 1 or 3 arguments"));
    }
    let name = match &args[1] {
        Value::Str(s) => s.clone(),
        _ => {
            str_arg(vm, "type.__new__", &args[1])?;
            return Err(vm.type_error("type.__new__() argument 1 must be str"));
        }
    };
    let mut bases: Vec<Rc<Type>> = match &args[2] {
        Value::Tuple(t) => t
            .items
            .iter()
            .map(|b| match b {
                Value::Type(t) => Ok(t.clone()),
                other => {
                    Err(vm.type_error(format!("bases must be types, not {}", vm.type_name(other))))
                }
            })
            .collect::<PyResult<_>>()?,
        _ => return Err(vm.type_error("type.__new__() argument 2 must be tuple")),
    };
    let Value::Dict(ns) = &args[3] else {
        return Err(vm.type_error("type.__new__() argument 3 must be dict"));
    };
    for b in &bases {
        if !b.heap
            && matches!(
                b.name().as_str(),
                "bool" | "range" | "slice" | "function" | "generator" | "NoneType"
            )
        {
            return Err(vm.type_error(format!(
                "type '{}' is not an acceptable base type",
                b.name().as_str()
            )));
        }
    }
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|earlier| Rc::ptr_eq(earlier, b)) {
            return Err(vm.type_error(format!("duplicate base class {}", b.name().as_str())));
        }
    }
    if bases.is_empty() {
        bases.push(vm.types.object.clone());
    }
    let mut seqs: Vec<Vec<Rc<Type>>> = bases.iter().map(|b| b.mro()).collect();
    seqs.push(bases.clone());
    let Some(mro) = c3_merge(seqs) else {
        let names: Vec<String> = bases.iter().map(|b| b.name().as_str().to_owned()).collect();
        return Err(vm.type_error(format!(
            "Cannot create a consistent method resolution\norder (MRO) for bases {}",
            names.join(", ")
        )));
    };
    let layout = if bases.iter().any(|b| b.layout == Layout::Exception) {
        Layout::Exception
    } else {
        Layout::Object
    };
    let slots = match ns.get_str(&vm.names.slots) {
        Some(Value::Str(s)) => Some(vec![s].into_boxed_slice()),
        Some(v) => Some(
            vm.collect(&v)?
                .into_iter()
                .filter_map(|x| match x {
                    Value::Str(s) => Some(s),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .into_boxed_slice(),
        ),
        None => None,
    };
    let qualname = match ns.remove_str(&vm.names.qualname) {
        Some(Value::Str(q)) => q,
        _ => name.clone(),
    };
    let module = match ns.get_str(&vm.names.module) {
        Some(Value::Str(m)) => m,
        _ => Rc::new(Str::new("__main__")),
    };
    let dict = crate::script::object::Dict::from_table(ns.copy());
    // A class that defines __eq__ without __hash__ is unhashable.
    if dict.get_str(&vm.names.eq).is_some() && dict.get_str(&vm.names.hash).is_none() {
        dict.insert_str(vm.names.hash.clone(), Value::None);
    }
    // `__init_subclass__` and `__class_getitem__` are implicit class methods.
    for implicit in ["__init_subclass__", "__class_getitem__"] {
        let key = Str::new(implicit);
        if let Some(f @ Value::Function(_)) = dict.get_str(&key) {
            dict.insert_str(
                Rc::new(key),
                Value::Decorated(Rc::new(StaticOrClassMethod {
                    func: f,
                    is_class: true,
                })),
            );
        }
    }
    if let Some(f @ Value::Function(_)) = dict.get_str(&vm.names.new) {
        dict.insert_str(
            vm.names.new.clone(),
            Value::Decorated(Rc::new(StaticOrClassMethod {
                func: f,
                is_class: false,
            })),
        );
    }
    let t = Rc::new(Type {
        name: RefCell::new(name),
        qualname: RefCell::new(qualname),
        module: RefCell::new(module),
        bases: RefCell::new(bases),
        mro_tail: RefCell::new(mro.into_iter().collect()),
        dict,
        layout,
        heap: true,
        slots,
        version: Cell::new(0),
        plan: RefCell::new(None),
        plan_flags: Cell::new(crate::script::object::class::NO_FLAGS),
        number: Cell::new(None),
        attr_hint: Cell::new(0),
        shape: crate::script::object::attrs::Shape::root(),
    });
    let class = Value::Type(t.clone());
    // `__set_name__` on descriptors, then the parent's `__init_subclass__`.
    for (k, v) in t.dict.entries() {
        match (&v, &k) {
            (Value::Property(p), Value::Str(name)) => *p.name.borrow_mut() = Some(name.clone()),
            (Value::Instance(_) | Value::Opaque(_), _) => {
                if let Some(m) = vm.lookup_special(&v, &vm.names.set_name) {
                    vm.call_bound(&m, &v, &[class.clone(), k])?;
                }
            }
            _ => {}
        }
    }
    let parent_init = t
        .mro_tail
        .borrow()
        .iter()
        .find_map(|b| b.dict.get_str(&vm.names.init_subclass));
    if let Some(Value::Decorated(d)) = parent_init {
        let mut all = vec![class.clone()];
        all.extend_from_slice(&[]);
        vm.call(&d.func, &all, kwargs)?;
    } else if !kwargs.is_empty() {
        return Err(vm.type_error(format!(
            "{}.__init_subclass__() takes no keyword arguments",
            t.name().as_str()
        )));
    }
    Ok(class)
}

/// A `super` object: the class to start after, and the instance (or class) bound.
pub struct SuperObject {
    pub start_after: Rc<Type>,
    pub receiver: Value,
}

fn super_new(vm: &Vm, args: &[Value], _: Kwargs<'_>) -> PyResult<Value> {
    let (Some(Value::Type(cls)), Some(obj)) = (args.get(1), args.get(2)) else {
        return Err(vm.runtime_error("super(): no arguments"));
    };
    let ok = match obj {
        Value::Type(t) => t.is_subtype(cls),
        v => vm.types.type_of(v).is_subtype(cls),
    };
    if !ok {
        return Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"));
    }
    Ok(Value::Opaque(Rc::new(Opaque {
        class: vm.types.super_.clone(),
        data: Box::new(SuperObject {
            start_after: cls.clone(),
            receiver: obj.clone(),
        }),
    })))
}

impl Vm {
    /// The class whose MRO a `super` object searches: its receiver when that is a class,
    /// else the receiver's class (`super().__self_class__`).
    fn super_owner<'v>(&'v self, s: &'v SuperObject) -> &'v Rc<Type> {
        match &s.receiver {
            Value::Type(t) => t,
            v => self.types.type_of(v),
        }
    }

    /// The attribute `name` as found through a `super` object, unbound: in the dicts of
    /// the receiver's MRO after the class it starts after. Walked in place, with nothing
    /// allocated: `super().__init__(...)` runs it on every instance made.
    pub fn super_lookup(&self, s: &SuperObject, name: &Str) -> Option<Value> {
        let owner = self.super_owner(s);
        let tail = owner.mro_tail.borrow();
        let mut mro = std::iter::once(owner).chain(tail.iter());
        // Past the class it starts after (nothing at all when that is not in the MRO).
        if !mro.any(|t| Rc::ptr_eq(t, &s.start_after)) {
            return None;
        }
        mro.find_map(|t| t.dict.get_str(name))
    }

    /// Attribute lookup through a `super` object.
    pub fn super_getattr(&self, s: &SuperObject, name: &Rc<Str>) -> PyResult<Value> {
        // `__class__` is the super object's own, as are the names not found along the MRO.
        let found = match name.as_str() {
            "__class__" => None,
            _ => self.super_lookup(s, name),
        };
        let Some(attr) = found else {
            return match name.as_str() {
                "__class__" => Ok(Value::Type(self.types.super_.clone())),
                "__thisclass__" => Ok(Value::Type(s.start_after.clone())),
                "__self__" => Ok(s.receiver.clone()),
                "__self_class__" => Ok(Value::Type(self.super_owner(s).clone())),
                _ => Err(self.attribute_error(format!(
                    "'super' object has no attribute '{}'",
                    name.as_str()
                ))),
            };
        };
        Ok(match attr {
            // `__new__` is a static method: never bound.
            Value::Builtin(_) if name.as_str() == "__new__" => attr,
            Value::Function(_) | Value::Builtin(_) => {
                if matches!(s.receiver, Value::Type(_)) && !matches!(attr, Value::Builtin(_)) {
                    attr
                } else {
                    Value::Method(Rc::new(crate::script::object::BoundMethod {
                        func: attr,
                        receiver: s.receiver.clone(),
                    }))
                }
            }
            Value::Decorated(d) if d.is_class => {
                Value::Method(Rc::new(crate::script::object::BoundMethod {
                    func: d.func.clone(),
                    receiver: Value::Type(self.super_owner(s).clone()),
                }))
            }
            Value::Decorated(d) => d.func.clone(),
            Value::Property(p) => self.call(&p.getter, std::slice::from_ref(&s.receiver), &[])?,
            other => other,
        })
    }
}
