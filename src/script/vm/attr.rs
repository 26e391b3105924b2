//! Attribute access: instances (descriptors, the instance dict, `__getattr__`), classes,
//! modules, functions, and the methods of built-in types.

use super::inline_cache::{InlineCache, NO_HINT};
use super::{PyResult, Vm};
use crate::script::builtins::SuperObject;
use crate::script::object::{BoundMethod, Instance, Layout, Str, Type, Value};
use std::cell::Cell;
use std::rc::Rc;

/// The attributes an exception keeps in its exception state rather than its `__dict__`:
/// storing one goes through [`Vm::generic_setattr`].
const EXCEPTION_FIELDS: [&str; 4] = ["args", "__cause__", "__context__", "__suppress_context__"];

impl Vm {
    /// A special method looked up on the type only (as the interpreter does for dunders).
    #[inline]
    pub fn lookup_special(&self, v: &Value, name: &Str) -> Option<Value> {
        self.types.type_of(v).lookup(name)
    }

    /// The special method `name` of an instance or native object when its class has one
    /// of its own: defined in script code, or a native module type's builtin. The builtins
    /// of `object`, `BaseException` and built-in base types give `None`: callers handle
    /// those inline.
    pub fn own_special(&self, v: &Value, name: &Str) -> Option<Value> {
        let m = self.lookup_special(v, name)?;
        match &m {
            Value::Builtin(b) => (matches!(v, Value::Opaque(_))
                && !matches!(b.owner, Some("object" | "BaseException")))
            .then_some(m),
            _ => Some(m),
        }
    }

    /// Calls a special method found by [`Vm::lookup_special`] with `receiver` bound.
    pub fn call_bound(&self, method: &Value, receiver: &Value, args: &[Value]) -> PyResult<Value> {
        match method {
            Value::Decorated(d) if !d.is_class => self.call(&d.func, args, &[]),
            Value::Decorated(d) => {
                let class = Value::Type(self.types.type_of(receiver).clone());
                self.call_with_first(&d.func, class, args, &[])
            }
            _ => self.call_with_first(method, receiver.clone(), args, &[]),
        }
    }

    /// `obj.name(*args)`.
    pub fn call_method(&self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let name = Rc::new(Str::new(name));
        let (f, receiver) = self.load_method(obj, &name)?;
        match receiver {
            Some(r) => self.call_with_first(&f, r, args, &[]),
            None => self.call(&f, args, &[]),
        }
    }

    pub fn has_attr(&self, obj: &Value, name: &str) -> PyResult<bool> {
        match self.get_attr(obj, &Rc::new(Str::new(name))) {
            Ok(_) => Ok(true),
            Err(e) if e.class().is_subtype(&self.types.attribute_error) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Binds a class attribute found for an instance access.
    fn bind(&self, attr: Value, obj: &Value) -> PyResult<Value> {
        Ok(match attr {
            Value::Function(_) | Value::Builtin(_) => Value::method(attr, obj.clone()),
            Value::Decorated(d) => {
                if d.is_class {
                    Value::Method(Rc::new(BoundMethod {
                        func: d.func.clone(),
                        receiver: Value::Type(self.types.type_of(obj).clone()),
                    }))
                } else {
                    d.func.clone()
                }
            }
            Value::Property(p) => {
                if p.getter.is_none() || p.getter.is_undefined() {
                    let class = self.types.type_of(obj).name();
                    return Err(self.attribute_error(p.missing(class.as_str(), "getter")));
                }
                self.call(&p.getter, std::slice::from_ref(obj), &[])?
            }
            Value::Instance(_) | Value::Opaque(_) => {
                if let Some(get) = self.lookup_special(&attr, &self.names.get) {
                    let owner = Value::Type(self.types.type_of(obj).clone());
                    self.call_bound(&get, &attr, &[obj.clone(), owner])?
                } else {
                    attr
                }
            }
            other => other,
        })
    }

    /// `obj.name`.
    pub fn get_attr(&self, obj: &Value, name: &Rc<Str>) -> PyResult<Value> {
        self.get_attr_hinted(obj, name, &Cell::new(NO_HINT))
    }

    /// [`Vm::get_attr`] with a code object's slot hint (see
    /// [`crate::script::vm::inline_cache`]) for instance attributes and module globals.
    #[inline]
    pub fn get_attr_hinted(
        &self,
        obj: &Value,
        name: &Rc<Str>,
        hint: &Cell<u32>,
    ) -> PyResult<Value> {
        if let Value::Instance(inst) = obj {
            return self.instance_getattr(obj, inst, name, hint);
        }
        self.get_other_attr(obj, name, hint)
    }

    /// `obj.name` on anything but an instance.
    fn get_other_attr(&self, obj: &Value, name: &Rc<Str>, hint: &Cell<u32>) -> PyResult<Value> {
        if let Value::Opaque(o) = obj {
            if let Some(s) = o.downcast::<SuperObject>() {
                return self.super_getattr(s, name);
            }
        }
        match obj {
            Value::Type(t) => self.type_getattr(t, name),
            Value::Module(m) => {
                if let Some(v) = m.get_hinted(name, hint) {
                    return Ok(v);
                }
                match name.as_str() {
                    "__name__" => return Ok(Value::Str(m.name.clone())),
                    "__dict__" => return Ok(Value::Dict(Rc::new(self.module_dict(m)))),
                    _ => {}
                }
                // A module-level `__getattr__` (PEP 562) serves the names it lacks.
                match m.get("__getattr__") {
                    Some(hook) => self.call(&hook, &[Value::Str(name.clone())], &[]),
                    None => Err(self.attribute_error(format!(
                        "module '{}' has no attribute '{}'",
                        m.name.as_str(),
                        name.as_str()
                    ))),
                }
            }
            _ => self.builtin_getattr(obj, name),
        }
    }

    fn instance_getattr(
        &self,
        obj: &Value,
        inst: &Rc<Instance>,
        name: &Rc<Str>,
        hint: &Cell<u32>,
    ) -> PyResult<Value> {
        let class = &inst.class;
        // Without data descriptors the instance dict decides first: one lookup, not a walk
        // of the MRO, for the common case of reading an attribute that is there.
        if self.attr_flags(class).0 {
            if let Some(v) = inst.get_attr_hinted(name, hint) {
                return Ok(v);
            }
        }
        let attr = class.lookup(name);
        if let Some(Value::Property(_)) = &attr {
            return self.bind(attr.unwrap_or_default(), obj);
        }
        if let Some(v) = inst.get_attr(name) {
            return Ok(v);
        }
        if let Some(attr) = attr {
            return self.bind(attr, obj);
        }
        if let Some(v) = self.instance_special_attr(obj, inst, name)? {
            return Ok(v);
        }
        if let Some(ga) = class.lookup(&self.names.getattr) {
            return self.call_bound(&ga, obj, &[Value::Str(name.clone())]);
        }
        Err(self.no_attribute(obj, name))
    }

    fn instance_special_attr(
        &self,
        obj: &Value,
        inst: &Rc<Instance>,
        name: &Str,
    ) -> PyResult<Option<Value>> {
        Ok(Some(match name.as_str() {
            "__class__" => Value::Type(inst.class.clone()),
            "__dict__" if self.slots_of(&inst.class).is_none() => Value::Dict(inst.dict()),
            _ => {
                if let Some(exc) = &inst.exc {
                    match name.as_str() {
                        "args" => return Ok(Some(exc.args.borrow().clone())),
                        "__cause__" => {
                            return Ok(Some(none_if_undefined(exc.cause.borrow().clone())))
                        }
                        "__context__" => {
                            return Ok(Some(none_if_undefined(exc.context.borrow().clone())))
                        }
                        "__suppress_context__" => {
                            return Ok(Some(Value::bool(exc.suppress_context.get())))
                        }
                        "__traceback__" => return Ok(Some(self.traceback_of(inst))),
                        "value" if inst.class.is_subtype(&self.types.stop_iteration) => {
                            let args = self.exc_args(inst);
                            return Ok(Some(args.items.first().cloned().unwrap_or(Value::None)));
                        }
                        "code" if inst.class.is_subtype(&self.types.system_exit) => {
                            let args = self.exc_args(inst);
                            return Ok(Some(match args.items.len() {
                                0 => Value::None,
                                1 => args.items[0].clone(),
                                _ => Value::Tuple(args),
                            }));
                        }
                        "msg" if inst.class.is_subtype(&self.types.syntax_error) => {
                            let args = self.exc_args(inst);
                            return Ok(Some(args.items.first().cloned().unwrap_or(Value::None)));
                        }
                        _ => {}
                    }
                }
                let base = inst.base.borrow().clone();
                if !base.is_undefined() {
                    if let Ok(v) = self.builtin_getattr(&base, &Rc::new(Str::new(name.as_str()))) {
                        // Methods of the built-in base bind to the instance's value.
                        return Ok(Some(v));
                    }
                }
                let _ = obj;
                return Ok(None);
            }
        }))
    }

    #[cold]
    pub fn no_attribute(&self, obj: &Value, name: &Str) -> super::Exc {
        self.attribute_error(format!(
            "'{}' object has no attribute '{}'",
            self.type_name(obj),
            name.as_str()
        ))
    }

    fn type_getattr(&self, t: &Rc<Type>, name: &Rc<Str>) -> PyResult<Value> {
        if let Some(attr) = t.lookup(name) {
            return Ok(match attr {
                Value::Decorated(d) if d.is_class => Value::Method(Rc::new(BoundMethod {
                    func: d.func.clone(),
                    receiver: Value::Type(t.clone()),
                })),
                Value::Decorated(d) => d.func.clone(),
                other => other,
            });
        }
        Ok(match name.as_str() {
            "__name__" => Value::Str(t.name()),
            "__qualname__" => Value::Str(t.qualname.borrow().clone()),
            "__module__" => Value::Str(t.module.borrow().clone()),
            "__bases__" => Value::tuple(
                t.bases
                    .borrow()
                    .iter()
                    .map(|b| Value::Type(b.clone()))
                    .collect(),
            ),
            "__base__" => t
                .bases
                .borrow()
                .first()
                .map_or(Value::None, |b| Value::Type(b.clone())),
            "__mro__" => Value::tuple(t.mro().into_iter().map(Value::Type).collect()),
            "__dict__" => Value::Dict(Rc::new(crate::script::object::Dict::from_table(
                t.dict.copy(),
            ))),
            "__doc__" => Value::None,
            "__class__" => Value::Type(self.types.type_.clone()),
            _ => {
                // Attributes of the metaclass (`type`), bound to the class.
                if let Some(attr) = self.types.type_.lookup(name) {
                    return self.bind(attr, &Value::Type(t.clone()));
                }
                return Err(self.attribute_error(format!(
                    "type object '{}' has no attribute '{}'",
                    t.name().as_str(),
                    name.as_str()
                )));
            }
        })
    }

    fn builtin_getattr(&self, obj: &Value, name: &Rc<Str>) -> PyResult<Value> {
        let t = self.types.type_of(obj);
        if let Some(attr) = t.lookup(name) {
            return self.bind(attr, obj);
        }
        let special = match (obj, name.as_str()) {
            (_, "__class__") => Some(Value::Type(t.clone())),
            (Value::Function(f), "__name__") => Some(Value::Str(f.name.borrow().clone())),
            (Value::Function(f), "__qualname__") => Some(Value::Str(f.qualname.borrow().clone())),
            (Value::Function(f), "__module__") => Some(Value::Str(f.module.name.clone())),
            (Value::Function(f), "__defaults__") => Some(if f.defaults.borrow().is_empty() {
                Value::None
            } else {
                Value::tuple(f.defaults.borrow().to_vec())
            }),
            (Value::Function(f), "__closure__") => Some(if f.closure.is_empty() {
                Value::None
            } else {
                Value::tuple(f.closure.iter().map(|c| Value::Cell(c.clone())).collect())
            }),
            (Value::Function(f), "__kwdefaults__") => {
                let code = &f.code;
                let d = crate::script::object::Dict::new();
                for (i, v) in f.kwdefaults.iter().enumerate() {
                    if !v.is_undefined() {
                        d.insert_str(code.varnames[code.argcount as usize + i].clone(), v.clone());
                    }
                }
                Some(if d.is_empty() {
                    Value::None
                } else {
                    Value::Dict(Rc::new(d))
                })
            }
            (Value::Function(f), "__globals__") => {
                Some(Value::Dict(Rc::new(self.module_dict(&f.module))))
            }
            (Value::Function(f), "__annotations__") => {
                // Created on first access and kept, as CPython does.
                let mut d = f.dict.borrow_mut();
                let d = d.get_or_insert_with(Default::default);
                Some(match d.get_str(name) {
                    Some(v) => v,
                    None => {
                        let v = Value::Dict(Rc::new(crate::script::object::Dict::new()));
                        d.insert_str(name.clone(), v.clone());
                        v
                    }
                })
            }
            (Value::Cell(c), "cell_contents") => {
                let v = c.get();
                if v.is_undefined() {
                    return Err(self.value_error("Cell is empty"));
                }
                Some(v)
            }
            (Value::Function(f), "__dict__") => {
                let mut d = f.dict.borrow_mut();
                Some(Value::Dict(d.get_or_insert_with(Default::default).clone()))
            }
            (Value::Function(f), _) => {
                let d = f.dict.borrow();
                match d.as_ref().and_then(|d| d.get_str(name)) {
                    Some(v) => Some(v),
                    None if name.as_str() == "__doc__" => Some(Value::None),
                    None => None,
                }
            }
            (Value::Builtin(b), "__name__" | "__qualname__") => Some(Value::str(b.name)),
            (Value::Method(m), "__self__") => Some(m.receiver.clone()),
            (Value::Method(m), "__func__") => Some(m.func.clone()),
            (Value::Method(m), "__name__" | "__qualname__" | "__doc__") => {
                return self.get_attr(&m.func, name)
            }
            (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "real" | "numerator") => {
                Some(match obj {
                    Value::Bool(b) => Value::Int(b.get() as i64),
                    o => o.clone(),
                })
            }
            (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "imag") => Some(Value::Int(0)),
            (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "denominator") => {
                Some(Value::Int(1))
            }
            (Value::Float(f), "real") => Some(Value::float(f.get())),
            (Value::Float(_), "imag") => Some(Value::float(0.0)),
            (Value::Range(r), "start") => Some(Value::Int(r.start)),
            (Value::Range(r), "stop") => Some(Value::Int(r.stop)),
            (Value::Range(r), "step") => Some(Value::Int(r.step)),
            (Value::Slice(s), "start") => Some(s.start.clone()),
            (Value::Slice(s), "stop") => Some(s.stop.clone()),
            (Value::Slice(s), "step") => Some(s.step.clone()),
            (Value::Property(p), "fget") => Some(p.getter.clone()),
            (Value::Property(p), "fset") => Some(p.setter.clone()),
            (Value::Property(p), "__doc__") => Some(p.doc.clone()),
            (Value::Decorated(d), "__func__") => Some(d.func.clone()),
            (Value::Generator(g), "__name__") => Some(Value::Str(g.name.clone())),
            (Value::Generator(g), "__qualname__") => Some(Value::Str(g.qualname.clone())),
            _ => None,
        };
        special.ok_or_else(|| self.no_attribute(obj, name))
    }

    /// [`Vm::load_method`] through a code object's method cache.
    #[inline]
    pub fn load_method_cached(
        &self,
        obj: &Value,
        name: &Rc<Str>,
        cache: &InlineCache,
        slot: usize,
    ) -> PyResult<(Value, Option<Value>)> {
        let class = match obj {
            Value::Instance(inst) => &inst.class,
            Value::Module(m) => {
                // `math.sqrt(x)`: the function, found through the slot hint.
                if let Some(f) = m.get_hinted(name, cache.slot_hint(slot)) {
                    return Ok((f, None));
                }
                return self.load_method(obj, name);
            }
            Value::Type(_) | Value::Opaque(_) => return self.load_method(obj, name),
            _ => {
                // A built-in type's value: no instance attributes, no class changes.
                let class = self.types.type_of(obj);
                if let Some(method) = cache.builtin_method(slot, class) {
                    return Ok((method, Some(obj.clone())));
                }
                class
            }
        };
        if let Some(hit) = cache.method(slot, class) {
            // An instance attribute of the same name shadows the method.
            let shadowed = match obj {
                Value::Instance(i) if !i.has_shape(hit.unshadowed) => {
                    let shadowed = i.has_attr(name);
                    if let (false, Some(shape)) = (shadowed, i.shape()) {
                        cache.set_unshadowed(slot, shape);
                    }
                    shadowed
                }
                _ => false,
            };
            if !shadowed {
                return Ok((hit.method, Some(obj.clone())));
            }
        }
        let (method, receiver) = self.load_method(obj, name)?;
        if receiver.is_some() {
            cache.set_method(slot, class, &method);
        }
        Ok((method, receiver))
    }

    /// Loads `obj.name` for a call: `(function, Some(receiver))` when it is a method that
    /// can be called with the receiver prepended (no bound-method object is allocated).
    #[inline]
    pub fn load_method(&self, obj: &Value, name: &Rc<Str>) -> PyResult<(Value, Option<Value>)> {
        match obj {
            Value::Instance(inst) => {
                if let Some(attr) = inst.class.lookup(name) {
                    // Script and built-in methods are called with the receiver prepended: no
                    // bound-method object, no argument vector.
                    if matches!(attr, Value::Function(_) | Value::Builtin(_))
                        && !inst.has_attr(name)
                    {
                        return Ok((attr, Some(obj.clone())));
                    }
                }
                Ok((self.get_attr(obj, name)?, None))
            }
            Value::Opaque(o) => {
                // `super().name(...)` on an instance: the function and the instance, with
                // no bound method made in between.
                if let Some(s) = o.downcast::<SuperObject>() {
                    if !matches!(s.receiver, Value::Type(_)) && name.as_str() != "__new__" {
                        if let Some(f @ (Value::Function(_) | Value::Builtin(_))) =
                            self.super_lookup(s, name)
                        {
                            return Ok((f, Some(s.receiver.clone())));
                        }
                    }
                }
                Ok((self.get_attr(obj, name)?, None))
            }
            Value::Type(_) | Value::Module(_) => Ok((self.get_attr(obj, name)?, None)),
            _ => {
                if let Some(attr @ Value::Builtin(_)) = self.types.type_of(obj).lookup(name) {
                    return Ok((attr, Some(obj.clone())));
                }
                Ok((self.get_attr(obj, name)?, None))
            }
        }
    }

    /// [`Vm::set_attr`] with a code object's slot hint for instance dicts.
    #[inline]
    pub fn set_attr_hinted(
        &self,
        obj: &Value,
        name: &Rc<Str>,
        value: Value,
        hint: &Cell<u32>,
    ) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => self.instance_setattr(obj, inst, name, value, hint),
            _ => self.set_attr(obj, name, value),
        }
    }

    fn instance_setattr(
        &self,
        obj: &Value,
        inst: &Rc<Instance>,
        name: &Rc<Str>,
        value: Value,
        hint: &Cell<u32>,
    ) -> PyResult<()> {
        let class = &inst.class;
        if self.plain_store(inst, name) {
            let allowed = match &*class.plan.borrow() {
                // Slot names are interned, as are names from code: identity first.
                Some(p) => p.slots.as_ref().is_none_or(|slots| {
                    slots.iter().any(|s| Rc::ptr_eq(s, name))
                        || slots.iter().any(|s| s.as_str() == name.as_str())
                }),
                None => false,
            };
            if allowed {
                inst.set_attr_hinted(name, value, hint);
                return Ok(());
            }
        }
        if let Some(sa) = class.lookup(&self.names.setattr) {
            if !matches!(sa, Value::Builtin(_)) {
                self.call_bound(&sa, obj, &[Value::Str(name.clone()), value])?;
                return Ok(());
            }
        }
        self.generic_setattr(obj, inst, name, value)
    }

    /// `obj.name = value`.
    pub fn set_attr(&self, obj: &Value, name: &Rc<Str>, value: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                self.instance_setattr(obj, inst, name, value, &Cell::new(NO_HINT))
            }
            Value::Type(t) => {
                if !t.heap {
                    return Err(self.type_error(format!(
                        "cannot set '{}' attribute of immutable type '{}'",
                        name.as_str(),
                        t.name().as_str()
                    )));
                }
                t.dict.insert_str(name.clone(), value);
                t.touch();
                crate::script::object::class::bump_class_epoch();
                Ok(())
            }
            Value::Module(m) => {
                m.set(name.as_str(), value);
                Ok(())
            }
            Value::Function(f) => {
                match name.as_str() {
                    "__defaults__" => {
                        let items = match &value {
                            Value::None => Vec::new(),
                            Value::Tuple(t) => t.items.to_vec(),
                            other => {
                                let _ = other;
                                return Err(
                                    self.type_error("__defaults__ must be set to a tuple object")
                                );
                            }
                        };
                        *f.defaults.borrow_mut() = Rc::from(items);
                        return Ok(());
                    }
                    "__name__" | "__qualname__" => {
                        let Value::Str(s) = &value else {
                            return Err(self.type_error(format!(
                                "{} must be set to a string object",
                                name.as_str()
                            )));
                        };
                        let field = if name.as_str() == "__name__" {
                            &f.name
                        } else {
                            &f.qualname
                        };
                        *field.borrow_mut() = s.clone();
                        return Ok(());
                    }
                    _ => {}
                }
                f.dict
                    .borrow_mut()
                    .get_or_insert_with(Default::default)
                    .insert_str(name.clone(), value);
                Ok(())
            }
            // Native modules' objects have no dict: only their properties are assignable.
            Value::Opaque(o) => match o.class.lookup(name) {
                Some(Value::Property(p)) if p.setter.is_none() => {
                    Err(self.attribute_error(p.missing(&self.type_name(obj), "setter")))
                }
                Some(Value::Property(p)) => {
                    self.call(&p.setter, &[obj.clone(), value], &[])?;
                    Ok(())
                }
                _ => Err(self.no_attribute(obj, name)),
            },
            _ => Err(self.no_attribute(obj, name)),
        }
    }

    /// `object.__setattr__`: properties, exception fields, `__slots__`, then the dict.
    pub fn generic_setattr(
        &self,
        obj: &Value,
        inst: &Rc<Instance>,
        name: &Rc<Str>,
        value: Value,
    ) -> PyResult<()> {
        if let Some(attr) = inst.class.lookup(name) {
            match attr {
                Value::Property(p) => {
                    if p.setter.is_none() || p.setter.is_undefined() {
                        let class = inst.class.name();
                        return Err(self.attribute_error(p.missing(class.as_str(), "setter")));
                    }
                    self.call(&p.setter, &[obj.clone(), value], &[])?;
                    return Ok(());
                }
                Value::Instance(_) | Value::Opaque(_) => {
                    if let Some(set) = self.lookup_special(&attr, &self.names.set) {
                        self.call_bound(&set, &attr, &[obj.clone(), value])?;
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        if let Some(exc) = &inst.exc {
            // The names of `EXCEPTION_FIELDS`.
            match name.as_str() {
                "args" => {
                    *exc.args.borrow_mut() = Value::tuple(self.collect(&value)?);
                    return Ok(());
                }
                "__cause__" => {
                    *exc.cause.borrow_mut() = value;
                    exc.suppress_context.set(true);
                    return Ok(());
                }
                "__context__" => {
                    *exc.context.borrow_mut() = value;
                    return Ok(());
                }
                "__suppress_context__" => {
                    exc.suppress_context.set(self.truthy(&value)?);
                    return Ok(());
                }
                _ => {}
            }
        }
        if let Some(slots) = self.attr_plan(&inst.class).slots {
            if !slots.iter().any(|s| s.as_str() == name.as_str()) {
                return Err(self.attribute_error(format!(
                    "'{}' object has no attribute '{}'",
                    inst.class.name().as_str(),
                    name.as_str()
                )));
            }
        }
        inst.set_attr(name.clone(), value);
        Ok(())
    }

    /// The attribute plan of a class, recomputed when some class attribute changed.
    pub fn attr_plan(&self, class: &Rc<Type>) -> crate::script::object::class::AttrPlan {
        self.ensure_plan(class);
        class
            .plan
            .borrow()
            .clone()
            .unwrap_or_else(|| self.compute_plan(class))
    }

    /// The script `__init__` of a class whose instances are plain objects made by
    /// `object.__new__` (the common case of a class statement) or exceptions made by
    /// `BaseException.__new__`, from its cached plan: the loop makes the instance and
    /// runs `__init__` as one of its frames.
    #[inline]
    pub fn plain_init(&self, class: &Rc<Type>) -> Option<Rc<crate::script::object::Function>> {
        self.ensure_plan(class);
        class.plan.borrow().as_ref().and_then(|p| p.init.clone())
    }

    /// Whether instances of `class` are complete as `Instance::with_args` makes them (see
    /// [`AttrPlan::bare`](crate::script::object::class::AttrPlan)), from its cached plan.
    #[inline]
    pub fn bare_class(&self, class: &Rc<Type>) -> bool {
        self.ensure_plan(class);
        class.plan.borrow().as_ref().is_some_and(|p| p.bare)
    }

    /// The `__new__` builtin a built-in class constructs with (not `object`'s), from its
    /// cached plan: calling `int`, `str` or `type` skips the MRO lookup.
    #[inline]
    pub fn builtin_new(&self, class: &Rc<Type>) -> Option<Value> {
        self.ensure_plan(class);
        class
            .plan
            .borrow()
            .as_ref()
            .and_then(|p| p.builtin_new.clone())
    }

    /// Whether storing `name` into `inst` is up to its attributes alone: an instance of a
    /// class with neither data descriptors nor its own `__setattr__`, and for an
    /// exception, a name other than those its exception state keeps.
    #[inline]
    pub fn plain_store(&self, inst: &crate::script::object::Instance, name: &Str) -> bool {
        (inst.exc.is_none() || !EXCEPTION_FIELDS.contains(&name.as_str()))
            && self.attr_flags(&inst.class) == (true, true)
    }

    /// `(no data descriptors, default __setattr__)` of a class, from its cached plan.
    #[inline]
    pub fn attr_flags(&self, class: &Rc<Type>) -> (bool, bool) {
        let epoch = crate::script::object::class::class_epoch();
        let cached = class.plan_flags.get();
        if cached >> 2 == epoch {
            return (cached & 1 != 0, cached & 2 != 0);
        }
        self.ensure_plan(class);
        let flags = match &*class.plan.borrow() {
            Some(p) => (p.no_data_descriptors, p.default_setattr),
            None => (false, false),
        };
        class
            .plan_flags
            .set(epoch << 2 | u64::from(flags.0) | u64::from(flags.1) << 1);
        flags
    }

    #[inline]
    fn ensure_plan(&self, class: &Rc<Type>) {
        let epoch = crate::script::object::class::class_epoch();
        let fresh = class
            .plan
            .borrow()
            .as_ref()
            .is_some_and(|p| p.epoch == epoch);
        if !fresh {
            let plan = self.compute_plan(class);
            *class.plan.borrow_mut() = Some(plan);
        }
    }

    fn compute_plan(&self, class: &Rc<Type>) -> crate::script::object::class::AttrPlan {
        let epoch = crate::script::object::class::class_epoch();
        let mut no_data_descriptors = true;
        for t in class.mro() {
            for v in t.dict.values() {
                let data = match &v {
                    Value::Property(_) => true,
                    Value::Instance(_) | Value::Opaque(_) => {
                        self.lookup_special(&v, &self.names.set).is_some()
                            || self.lookup_special(&v, &Str::new("__delete__")).is_some()
                    }
                    _ => false,
                };
                if data {
                    no_data_descriptors = false;
                }
            }
        }
        let default_setattr = matches!(
            class.lookup(&self.names.setattr),
            Some(Value::Builtin(_)) | None
        ) && matches!(
            class.lookup(&self.names.delattr),
            Some(Value::Builtin(_)) | None
        );
        // Objects from `object.__new__`, and exceptions from `BaseException.__new__`
        // (which the loop reproduces: the arguments become `args`).
        let plain_new = match (class.layout, class.lookup(&self.names.new)) {
            (Layout::Object, Some(new)) => self.is_object_new(&new),
            (Layout::Exception, Some(Value::Builtin(b))) => b.owner == Some("BaseException"),
            _ => false,
        };
        let init_attr = class.lookup(&self.names.init);
        let bare = plain_new && init_attr.as_ref().is_some_and(|i| self.is_object_init(i));
        let init = match init_attr {
            Some(Value::Function(f)) if plain_new => Some(f),
            _ => None,
        };
        let builtin_new = match class.lookup(&self.names.new) {
            Some(new @ Value::Builtin(_)) if !class.heap && !self.is_object_new(&new) => Some(new),
            _ => None,
        };
        crate::script::object::class::AttrPlan {
            epoch,
            builtin_new,
            no_data_descriptors,
            default_setattr,
            // Interned, as the names in code are: the check on every store is then
            // mostly an identity comparison.
            slots: self.slots_of(class).map(|names| {
                names
                    .iter()
                    .map(|n| crate::script::object::str::intern(n.as_str()))
                    .collect()
            }),
            init,
            bare,
        }
    }

    /// The combined `__slots__` of a class, if every class of its MRO declares them.
    fn slots_of(&self, class: &Rc<Type>) -> Option<Vec<Rc<Str>>> {
        let mut all = Vec::new();
        for t in class.mro() {
            if Rc::ptr_eq(&t, &self.types.object) {
                continue;
            }
            if t.layout == Layout::Exception && !t.heap {
                return None;
            }
            all.extend(t.slots.as_ref()?.iter().cloned());
        }
        Some(all)
    }

    /// `del obj.name`.
    pub fn del_attr(&self, obj: &Value, name: &Rc<Str>) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                if let Some(da) = inst.class.lookup(&self.names.delattr) {
                    if !matches!(da, Value::Builtin(_)) {
                        self.call_bound(&da, obj, &[Value::Str(name.clone())])?;
                        return Ok(());
                    }
                }
                if let Some(Value::Property(p)) = inst.class.lookup(name) {
                    if p.deleter.is_none() || p.deleter.is_undefined() {
                        let class = inst.class.name();
                        return Err(self.attribute_error(p.missing(class.as_str(), "deleter")));
                    }
                    self.call(&p.deleter, std::slice::from_ref(obj), &[])?;
                    return Ok(());
                }
                match inst.remove_attr(name) {
                    Some(_) => Ok(()),
                    None => Err(self.no_attribute(obj, name)),
                }
            }
            Value::Type(t) if t.heap => match t.dict.remove_str(name) {
                Some(_) => {
                    t.touch();
                    crate::script::object::class::bump_class_epoch();
                    Ok(())
                }
                None => Err(self.attribute_error(format!(
                    "type object '{}' has no attribute '{}'",
                    t.name().as_str(),
                    name.as_str()
                ))),
            },
            Value::Module(m) => {
                if m.delete(name.as_str()) {
                    Ok(())
                } else {
                    Err(self.attribute_error(format!(
                        "module '{}' has no attribute '{}'",
                        m.name.as_str(),
                        name.as_str()
                    )))
                }
            }
            _ => Err(self.no_attribute(obj, name)),
        }
    }

    /// A module's globals as a new dict (`globals()`, `vars(module)`).
    pub fn module_dict(&self, m: &crate::script::object::Module) -> crate::script::object::Dict {
        let d = crate::script::object::Dict::new();
        for (k, v) in m.items() {
            d.insert_str(k, v);
        }
        d
    }
}

fn none_if_undefined(v: Value) -> Value {
    if v.is_undefined() {
        Value::None
    } else {
        v
    }
}
