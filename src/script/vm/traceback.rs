//! Traceback and frame objects: read-only views of the entries an exception collected while
//! it propagated (`exc.__traceback__`), and of a suspended greenlet's frames (`gr_frame`).

use super::{PyResult, Vm};
use crate::script::object::class::TraceEntry;
use crate::script::object::misc::Opaque;
use crate::script::object::{Layout, NativeFn, Type, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// `tb` objects: entry `index` of a traceback (outermost first), linking to the next.
struct Traceback {
    entries: Rc<[TraceEntry]>,
    index: usize,
}

/// `tb_frame` / `gr_frame`: what is known about one frame.
struct FrameView {
    /// Its code and position; `None` for a frame known only to exist (`f_code` and
    /// `f_lineno` are then missing).
    entry: Option<TraceEntry>,
    /// The calling frame (None for the outermost one, or when not known).
    back: Value,
    /// A snapshot of the frame's variables (None when not known: an empty dict).
    locals: Value,
}

struct CodeView {
    entry: TraceEntry,
}

struct Classes {
    traceback: Rc<Type>,
    frame: Rc<Type>,
    code: Rc<Type>,
}

thread_local! {
    static CLASSES: RefCell<Option<Rc<Classes>>> = const { RefCell::new(None) };
}

fn getter(t: &Rc<Type>, name: &'static str, f: NativeFn) {
    crate::script::builtins::property(t, name, f, None, None);
}

fn data<'a, T: 'static>(vm: &Vm, a: &'a [Value]) -> PyResult<&'a T> {
    match a.first() {
        Some(Value::Opaque(o)) => o
            .downcast::<T>()
            .ok_or_else(|| vm.type_error("descriptor applied to the wrong object")),
        _ => Err(vm.type_error("descriptor applied to the wrong object")),
    }
}

fn classes(vm: &Vm) -> Rc<Classes> {
    CLASSES.with(|c| {
        if let Some(c) = &*c.borrow() {
            return c.clone();
        }
        let make = |name: &str| {
            Rc::new(Type::new_builtin(
                name,
                Layout::Builtin,
                vec![vm.types.object.clone()],
            ))
        };
        let made = Rc::new(Classes {
            traceback: make("traceback"),
            frame: make("frame"),
            code: make("code"),
        });
        getter(&made.traceback, "tb_next", |vm, a, _| {
            let tb = data::<Traceback>(vm, a)?;
            Ok(if tb.index + 1 < tb.entries.len() {
                make_tb(vm, tb.entries.clone(), tb.index + 1)
            } else {
                Value::None
            })
        });
        getter(&made.traceback, "tb_lineno", |vm, a, _| {
            let tb = data::<Traceback>(vm, a)?;
            let e = &tb.entries[tb.index];
            Ok(Value::Int(e.code.line_of(e.pc) as i64))
        });
        getter(&made.traceback, "tb_lasti", |vm, a, _| {
            let tb = data::<Traceback>(vm, a)?;
            Ok(Value::Int(tb.entries[tb.index].pc as i64 * 2))
        });
        getter(&made.traceback, "tb_frame", |vm, a, _| {
            let tb = data::<Traceback>(vm, a)?;
            let entry = tb.entries[tb.index].clone();
            Ok(opaque(
                classes(vm).frame.clone(),
                FrameView {
                    entry: Some(entry),
                    back: Value::None,
                    locals: Value::None,
                },
            ))
        });
        getter(&made.frame, "f_lineno", |vm, a, _| {
            let e = frame_entry(vm, a, "f_lineno")?;
            Ok(Value::Int(e.code.line_of(e.pc) as i64))
        });
        getter(&made.frame, "f_back", |vm, a, _| {
            Ok(data::<FrameView>(vm, a)?.back.clone())
        });
        getter(&made.frame, "f_locals", |vm, a, _| {
            Ok(match &data::<FrameView>(vm, a)?.locals {
                Value::None => Value::Dict(Rc::new(crate::script::object::Dict::new())),
                locals => locals.clone(),
            })
        });
        getter(&made.frame, "f_code", |vm, a, _| {
            let entry = frame_entry(vm, a, "f_code")?.clone();
            Ok(opaque(classes(vm).code.clone(), CodeView { entry }))
        });
        getter(&made.code, "co_name", |vm, a, _| {
            Ok(Value::Str(data::<CodeView>(vm, a)?.entry.code.name.clone()))
        });
        getter(&made.code, "co_qualname", |vm, a, _| {
            Ok(Value::Str(
                data::<CodeView>(vm, a)?.entry.code.qualname.clone(),
            ))
        });
        getter(&made.code, "co_filename", |vm, a, _| {
            Ok(Value::str(
                &data::<CodeView>(vm, a)?.entry.code.source.filename,
            ))
        });
        getter(&made.code, "co_firstlineno", |vm, a, _| {
            Ok(Value::Int(
                data::<CodeView>(vm, a)?.entry.code.first_line as i64,
            ))
        });
        *c.borrow_mut() = Some(made.clone());
        made
    })
}

/// The code and position of a frame object, for the attribute `what`.
fn frame_entry<'a>(vm: &Vm, a: &'a [Value], what: &str) -> PyResult<&'a TraceEntry> {
    data::<FrameView>(vm, a)?
        .entry
        .as_ref()
        .ok_or_else(|| vm.attribute_error(format!("'frame' object has no attribute '{what}'")))
}

fn opaque<T: 'static>(class: Rc<Type>, data: T) -> Value {
    Value::Opaque(Rc::new(Opaque {
        class,
        data: Box::new(data),
    }))
}

fn make_tb(vm: &Vm, entries: Rc<[TraceEntry]>, index: usize) -> Value {
    opaque(classes(vm).traceback.clone(), Traceback { entries, index })
}

impl Vm {
    /// Frame objects for the frames of a suspended execution state: the innermost one,
    /// whose `f_back` chain ends at the outermost with None.
    pub fn suspended_frames(&self, st: &super::frame::ExecState) -> PyResult<Value> {
        let mut back = Value::None;
        // A frame's registers are in the register file of the nearest generator frame at
        // or below it (or the state's first one): the running generator's is the state's
        // own, each other one is held by the generator running above it. Generators
        // delegating with their frames off the stack (just below the delegate standing
        // for them) keep their own register files, and get their frame objects too.
        let running: Vec<_> = st
            .generators
            .iter()
            .filter(|g| !g.is_delegating())
            .collect();
        let mut delegating = st.generators.iter();
        let mut generators_below = 0;
        for f in st.frames.iter() {
            if f.kind == super::frame::FrameKind::Generator {
                for g in delegating.by_ref() {
                    if !g.is_delegating() {
                        break;
                    }
                    let saved = g.frame.borrow();
                    // Suspended at its `yield from`, not past it.
                    let pc = saved.pc + 1;
                    back = self.frame_view(&saved.regs, &saved.func, 0, pc, back)?;
                }
                generators_below += 1;
            }
            let holder = running.get(generators_below).map(|g| g.frame.borrow());
            let regs = match &holder {
                Some(saved) => &saved.regs,
                None => &st.regs,
            };
            back = self.frame_view(regs, &f.func, f.base as usize, f.pc, back)?;
        }
        Ok(back)
    }

    /// A frame object for the frame of `func` with registers from `base` in `regs`,
    /// resumed at `pc`, called from `back`.
    fn frame_view(
        &self,
        regs: &[Value],
        func: &Rc<crate::script::object::Function>,
        base: usize,
        pc: u32,
        back: Value,
    ) -> PyResult<Value> {
        let code = func.code.clone();
        let locals = self.namespace(regs, &code, base, &func.module, 1)?;
        let entry = TraceEntry {
            code,
            // The saved pc is past the call the frame is suspended in.
            pc: pc.saturating_sub(1),
        };
        Ok(opaque(
            classes(self).frame.clone(),
            FrameView {
                entry: Some(entry),
                back,
                locals,
            },
        ))
    }

    /// A frame object for frames that exist but cannot be looked at (a greenlet suspended
    /// inside native code): `f_back` is None, `f_code` and `f_lineno` are missing.
    pub fn unknown_frame(&self) -> Value {
        opaque(
            classes(self).frame.clone(),
            FrameView {
                entry: None,
                back: Value::None,
                locals: Value::None,
            },
        )
    }

    /// `exc.with_traceback(tb)`: the exception's traceback becomes `tb` (None clears it).
    pub fn set_traceback(&self, exc: &crate::script::object::Instance, tb: &Value) -> PyResult<()> {
        let Some(state) = &exc.exc else {
            return Ok(());
        };
        let entries: crate::script::object::class::TraceEntries = match tb {
            Value::None => Default::default(),
            Value::Opaque(o) => match o.downcast::<Traceback>() {
                // Stored innermost first; a traceback object runs outermost first.
                Some(t) => t.entries[t.index..].iter().rev().cloned().collect(),
                None => return Err(self.type_error("__traceback__ must be a traceback or None")),
            },
            _ => return Err(self.type_error("__traceback__ must be a traceback or None")),
        };
        *state.traceback.borrow_mut() = entries;
        Ok(())
    }

    /// `exc.__traceback__`: None before it is raised, else the outermost entry.
    pub fn traceback_of(&self, exc: &crate::script::object::Instance) -> Value {
        let Some(state) = &exc.exc else {
            return Value::None;
        };
        let tb = state.traceback.borrow();
        if tb.is_empty() {
            return Value::None;
        }
        // Entries are recorded innermost first; traceback objects go outermost first.
        let entries: Rc<[TraceEntry]> = tb.iter().rev().cloned().collect();
        make_tb(self, entries, 0)
    }
}
