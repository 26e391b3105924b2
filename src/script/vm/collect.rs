//! The cycle collector: reference counting frees everything except reference cycles, and
//! this finds the cycles among containers and breaks them.
//!
//! Containers that can take part in a cycle (lists, tuples holding containers, dicts,
//! instances, cells, functions, bound methods) are registered by weak reference: most when
//! they are made, lists and plain instances once they first hold something that could lead
//! back to them (a list of strings can never be part of a cycle). A collection is CPython's trial deletion: each candidate starts with its
//! strong count, every reference from one candidate to another is subtracted, and whatever
//! is left over is a reference from outside (a register, a module, a Rust handle). Those
//! candidates and everything they reach are alive; the rest is garbage held only by itself,
//! and clearing its contents lets the counts fall to zero.
//!
//! It only ever errs towards keeping: a reference it cannot see (from an untracked object,
//! from a container it cannot borrow, or from a contents vector shared with another owner)
//! counts as external. So a bug of omission leaks; it never frees what is still reachable.
//!
//! Young objects (registered since the last collection) are collected on their own most of
//! the time, as in CPython's generations: a young collection ignores references from old
//! objects, which can only make it keep more.

use super::Vm;
use crate::script::object::attrs::Attrs;
use crate::script::object::{BoundMethod, Cell, Dict, Function, Instance, List, Tuple, Value};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// Registrations that make a young collection due.
pub const YOUNG_THRESHOLD: usize = 20_000;

/// A registered container.
enum Tracked {
    List(Weak<List>),
    Tuple(Weak<Tuple>),
    Dict(Weak<Dict>),
    Instance(Weak<Instance>),
    Cell(Weak<Cell>),
    Function(Weak<Function>),
    Method(Weak<BoundMethod>),
}

/// A container held for the duration of a collection.
enum Node {
    List(Rc<List>),
    Tuple(Rc<Tuple>),
    Dict(Rc<Dict>),
    Instance(Rc<Instance>),
    Cell(Rc<Cell>),
    Function(Rc<Function>),
    Method(Rc<BoundMethod>),
}

/// Young registrations are swept of containers already freed by reference counting every
/// this many registrations.
const SWEEP_EVERY: usize = 1024;

#[derive(Default)]
struct Registry {
    young: Vec<Tracked>,
    /// `young[..swept]` was alive at the last sweep; only the rest is swept next.
    swept: usize,
    old: Vec<Tracked>,
    /// `old.len()` after the last full collection: a full one is due when it has doubled.
    old_after_full: usize,
    scheduled: bool,
    disabled: bool,
    collections: u64,
    collected: u64,
}

thread_local! {
    static REGISTRY: RefCell<Registry> = RefCell::new(Registry::default());
}

impl Registry {
    /// Drops the registrations of young containers that reference counting already freed.
    /// Most containers die young: their memory is then released while it is still in
    /// cache, instead of waiting for the next collection, and the young count (like
    /// CPython's) is of containers still alive.
    fn sweep_young(&mut self) {
        let from = self.swept;
        let mut kept = from;
        for i in from..self.young.len() {
            if self.young[i].is_alive() {
                self.young.swap(kept, i);
                kept += 1;
            }
        }
        self.young.truncate(kept);
        self.swept = kept;
    }
}

fn track(t: Tracked) {
    let _ = REGISTRY.try_with(|r| {
        let Ok(mut r) = r.try_borrow_mut() else {
            return;
        };
        r.young.push(t);
        if r.young.len() - r.swept >= SWEEP_EVERY {
            r.sweep_young();
        }
        if r.young.len() >= YOUNG_THRESHOLD && !r.scheduled && !r.disabled {
            r.scheduled = true;
            // At the next safe point of the dispatch loop: no container is borrowed there.
            super::finalize::defer(|vm| {
                vm.collect_cycles(false);
            });
        }
    });
}

pub fn track_list(l: &Rc<List>) {
    track(Tracked::List(Rc::downgrade(l)));
}

/// Tuples of atomic values (numbers, strings) can never be part of a cycle.
pub fn track_tuple(t: &Rc<Tuple>) {
    if t.items.iter().any(|v| node_ptr(v).is_some()) {
        track(Tracked::Tuple(Rc::downgrade(t)));
    }
}

pub fn track_dict(d: &Rc<Dict>) {
    track(Tracked::Dict(Rc::downgrade(d)));
}

pub fn track_instance(i: &Rc<Instance>) {
    track(Tracked::Instance(Rc::downgrade(i)));
}

/// Whether a container holding `v` could be part of a cycle the collector sees: only
/// references to the kinds it registers count (as for tuples, [`track_tuple`]).
pub fn may_close_cycle(v: &Value) -> bool {
    node_ptr(v).is_some()
}

pub fn track_cell(c: &Rc<Cell>) {
    track(Tracked::Cell(Rc::downgrade(c)));
}

pub fn track_function(f: &Rc<Function>) {
    track(Tracked::Function(Rc::downgrade(f)));
}

pub fn track_method(m: &Rc<BoundMethod>) {
    track(Tracked::Method(Rc::downgrade(m)));
}

/// `gc.enable()` / `gc.disable()`.
pub fn set_enabled(on: bool) {
    REGISTRY.with(|r| r.borrow_mut().disabled = !on);
}

pub fn is_enabled() -> bool {
    REGISTRY.with(|r| !r.borrow().disabled)
}

/// Containers registered since the last collection (`gc.get_count()[0]`).
pub fn young_count() -> usize {
    REGISTRY.with(|r| r.borrow().young.len())
}

/// Containers registered and not yet found dead.
pub fn tracked_count() -> usize {
    REGISTRY.with(|r| {
        let r = r.borrow();
        r.young.len() + r.old.len()
    })
}

/// Collections run and objects they freed, for `__stacklet__.stats()`.
pub fn totals() -> (u64, u64) {
    REGISTRY.with(|r| {
        let r = r.borrow();
        (r.collections, r.collected)
    })
}

fn ptr<T>(rc: &Rc<T>) -> usize {
    Rc::as_ptr(rc) as *const () as usize
}

/// The identity of a value that is a tracked kind of container.
fn node_ptr(v: &Value) -> Option<usize> {
    Some(match v {
        Value::List(r) => ptr(r),
        Value::Tuple(r) => ptr(r),
        Value::Dict(r) => ptr(r),
        Value::Instance(r) => ptr(r),
        Value::Cell(r) => ptr(r),
        Value::Function(r) => ptr(r),
        Value::Method(r) => ptr(r),
        _ => return None,
    })
}

impl Tracked {
    fn is_alive(&self) -> bool {
        match self {
            Tracked::List(w) => w.strong_count() > 0,
            Tracked::Tuple(w) => w.strong_count() > 0,
            Tracked::Dict(w) => w.strong_count() > 0,
            Tracked::Instance(w) => w.strong_count() > 0,
            Tracked::Cell(w) => w.strong_count() > 0,
            Tracked::Function(w) => w.strong_count() > 0,
            Tracked::Method(w) => w.strong_count() > 0,
        }
    }

    fn upgrade(&self) -> Option<Node> {
        Some(match self {
            Tracked::List(w) => Node::List(w.upgrade()?),
            Tracked::Tuple(w) => Node::Tuple(w.upgrade()?),
            Tracked::Dict(w) => Node::Dict(w.upgrade()?),
            Tracked::Instance(w) => Node::Instance(w.upgrade()?),
            Tracked::Cell(w) => Node::Cell(w.upgrade()?),
            Tracked::Function(w) => Node::Function(w.upgrade()?),
            Tracked::Method(w) => Node::Method(w.upgrade()?),
        })
    }
}

impl Node {
    fn ptr(&self) -> usize {
        match self {
            Node::List(r) => ptr(r),
            Node::Tuple(r) => ptr(r),
            Node::Dict(r) => ptr(r),
            Node::Instance(r) => ptr(r),
            Node::Cell(r) => ptr(r),
            Node::Function(r) => ptr(r),
            Node::Method(r) => ptr(r),
        }
    }

    /// Strong references other than the collector's own handle.
    fn refs(&self) -> usize {
        let count = match self {
            Node::List(r) => Rc::strong_count(r),
            Node::Tuple(r) => Rc::strong_count(r),
            Node::Dict(r) => Rc::strong_count(r),
            Node::Instance(r) => Rc::strong_count(r),
            Node::Cell(r) => Rc::strong_count(r),
            Node::Function(r) => Rc::strong_count(r),
            Node::Method(r) => Rc::strong_count(r),
        };
        count - 1
    }

    fn downgrade(&self) -> Tracked {
        match self {
            Node::List(r) => Tracked::List(Rc::downgrade(r)),
            Node::Tuple(r) => Tracked::Tuple(Rc::downgrade(r)),
            Node::Dict(r) => Tracked::Dict(Rc::downgrade(r)),
            Node::Instance(r) => Tracked::Instance(Rc::downgrade(r)),
            Node::Cell(r) => Tracked::Cell(Rc::downgrade(r)),
            Node::Function(r) => Tracked::Function(Rc::downgrade(r)),
            Node::Method(r) => Tracked::Method(Rc::downgrade(r)),
        }
    }

    /// Calls `f` with the index of every candidate this container holds a strong reference
    /// to, once per reference. An instance's or function's dict that is not a candidate
    /// itself and has no other owner counts as part of its owner; a shared one, and shared
    /// defaults, are left out (their references then count as external). `false` when the
    /// contents are borrowed and cannot be seen.
    fn for_each_child(&self, index: &FxHashMap<usize, usize>, mut f: impl FnMut(usize)) -> bool {
        let mut value = |v: &Value| {
            if let Some(&j) = node_ptr(v).and_then(|p| index.get(&p)) {
                f(j);
            }
        };
        // `false` when the dict is in use.
        let owned_dict = |d: &Rc<Dict>, value: &mut dyn FnMut(&Value)| {
            if index.contains_key(&ptr(d)) {
                value(&Value::Dict(d.clone()));
                true
            } else if Rc::strong_count(d) == 1 {
                d.table.try_for_each(|k, v| {
                    value(k);
                    value(v);
                })
            } else {
                true
            }
        };
        match self {
            Node::List(l) => match l.try_borrow() {
                Some(items) => items.iter().for_each(value),
                None => return false,
            },
            Node::Tuple(t) => t.items.iter().for_each(value),
            Node::Dict(d) => {
                return d.table.try_for_each(|k, v| {
                    value(k);
                    value(v);
                })
            }
            Node::Instance(i) => {
                match i.attrs().try_borrow() {
                    Ok(attrs) => match &*attrs {
                        Attrs::Shaped { values, .. } => values.iter().for_each(&mut value),
                        Attrs::Dict(d) => {
                            if !owned_dict(d, &mut value) {
                                return false;
                            }
                        }
                    },
                    Err(_) => return false,
                }
                match i.base.try_borrow() {
                    Ok(base) => value(&base),
                    Err(_) => return false,
                }
            }
            Node::Cell(c) => match c.value.try_borrow() {
                Ok(v) => value(&v),
                Err(_) => return false,
            },
            Node::Function(func) => {
                match func.defaults.try_borrow() {
                    Ok(defaults) if Rc::strong_count(&defaults) == 1 => {
                        defaults.iter().for_each(&mut value)
                    }
                    Ok(_) => {}
                    Err(_) => return false,
                }
                func.kwdefaults.iter().for_each(&mut value);
                for cell in func.closure.iter() {
                    value(&Value::Cell(cell.clone()));
                }
                match func.dict.try_borrow() {
                    Ok(dict) => {
                        if let Some(d) = dict.as_ref() {
                            if !owned_dict(d, &mut value) {
                                return false;
                            }
                        }
                    }
                    Err(_) => return false,
                }
            }
            Node::Method(m) => {
                value(&m.func);
                value(&m.receiver);
            }
        }
        true
    }

    /// Empties a garbage container, moving what it held into `out` (dropped by the caller
    /// once no container is being looked at).
    fn clear(&self, out: &mut Vec<Value>) {
        match self {
            Node::List(l) => {
                if let Some(mut items) = l.try_rearrange() {
                    out.append(&mut items);
                }
            }
            Node::Dict(d) => out.extend(d.table.drain_values()),
            Node::Instance(i) => {
                if let Ok(mut attrs) = i.attrs().try_borrow_mut() {
                    match &mut *attrs {
                        Attrs::Shaped { shape, values } => {
                            out.extend(values.drain(..));
                            *shape = i.class.shape.clone();
                        }
                        Attrs::Dict(d) => {
                            if Rc::strong_count(d) == 1 {
                                out.extend(d.table.drain_values());
                            }
                        }
                    }
                }
                // A dict that is a candidate of its own is cleared as one.
                if let Ok(mut base) = i.base.try_borrow_mut() {
                    out.push(std::mem::take(&mut *base));
                }
            }
            Node::Cell(c) => {
                if let Ok(mut v) = c.value.try_borrow_mut() {
                    out.push(std::mem::take(&mut *v));
                }
            }
            Node::Function(func) => {
                if let Ok(mut defaults) = func.defaults.try_borrow_mut() {
                    if Rc::strong_count(&defaults) == 1 {
                        out.extend(defaults.iter().cloned());
                        *defaults = Rc::from(Vec::new());
                    }
                }
                if let Ok(mut dict) = func.dict.try_borrow_mut() {
                    if dict.as_ref().is_some_and(|d| Rc::strong_count(d) == 1) {
                        if let Some(d) = dict.take() {
                            out.push(Value::Dict(d));
                        }
                    }
                }
            }
            // Immutable: a cycle through one also runs through a mutable container.
            Node::Tuple(_) | Node::Method(_) => {}
        }
    }
}

impl Vm {
    /// Runs a collection (`full`: of every tracked container, else of the young ones) and
    /// returns how many containers were found to be garbage.
    pub fn collect_cycles(&self, full: bool) -> usize {
        let (mut candidates, old) = REGISTRY.with(|r| {
            let mut r = r.borrow_mut();
            r.scheduled = false;
            let full = full || r.old.len() >= 2 * r.old_after_full.max(YOUNG_THRESHOLD);
            let young = std::mem::take(&mut r.young);
            r.swept = 0;
            if full {
                let mut all = std::mem::take(&mut r.old);
                all.extend(young);
                (all, None)
            } else {
                (young, Some(()))
            }
        });
        let full = old.is_none();

        // Live candidates, each once, with the references nobody among them accounts for.
        let mut nodes: Vec<Node> = Vec::with_capacity(candidates.len());
        let mut index: FxHashMap<usize, usize> = FxHashMap::default();
        for t in candidates.drain(..) {
            if let Some(node) = t.upgrade() {
                if let std::collections::hash_map::Entry::Vacant(e) = index.entry(node.ptr()) {
                    e.insert(nodes.len());
                    nodes.push(node);
                }
            }
        }
        drop(candidates);
        let mut external: Vec<isize> = nodes.iter().map(|n| n.refs() as isize).collect();
        for node in &nodes {
            let seen = node.for_each_child(&index, |j| external[j] -= 1);
            if !seen {
                // Its contents are in use right now: keep it and what it holds.
                external[index[&node.ptr()]] = isize::MAX / 2;
            }
        }

        // Whatever an externally referenced candidate reaches is alive.
        let mut alive = vec![false; nodes.len()];
        let mut stack: Vec<usize> = (0..nodes.len()).filter(|&i| external[i] > 0).collect();
        for &i in &stack {
            alive[i] = true;
        }
        while let Some(i) = stack.pop() {
            nodes[i].for_each_child(&index, |j| {
                if !alive[j] {
                    alive[j] = true;
                    stack.push(j);
                }
            });
        }

        let mut garbage_values = Vec::new();
        let mut found = 0;
        for (node, &live) in nodes.iter().zip(&alive) {
            if !live {
                node.clear(&mut garbage_values);
                found += 1;
            }
        }
        let survivors: Vec<Tracked> = nodes
            .iter()
            .zip(&alive)
            .filter(|(_, &live)| live)
            .map(|(n, _)| n.downgrade())
            .collect();
        REGISTRY.with(|r| {
            let mut r = r.borrow_mut();
            r.old.extend(survivors);
            if full {
                r.old_after_full = r.old.len();
            }
            r.collections += 1;
            r.collected += found as u64;
        });
        // Dropping runs destructors, which may queue finalizers; nothing is borrowed now.
        drop(garbage_values);
        drop(nodes);
        self.run_finalizers();
        found
    }
}
