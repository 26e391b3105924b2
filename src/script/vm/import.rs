//! `import`: built-in modules first, then `.py` files on `sys.path`.

use super::{PyResult, Vm};
use crate::script::object::{Module, Str, Value};
use std::rc::Rc;

impl Vm {
    /// `import name`: the module (or, with `top`, the top-level package of a dotted name).
    pub fn import(&self, name: &str, top: bool) -> PyResult<Value> {
        let mut module = Value::None;
        let mut path = String::new();
        let mut first = Value::None;
        for (i, part) in name.split('.').enumerate() {
            if i > 0 {
                path.push('.');
            }
            path.push_str(part);
            module = self.import_one(&path)?;
            if i == 0 {
                first = module.clone();
            }
        }
        Ok(if top { first } else { module })
    }

    fn import_one(&self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.get_module(name) {
            return Ok(m);
        }
        if let Some(m) = crate::script::modules::builtin_module(self, name)? {
            self.set_module(name, m.clone());
            return Ok(m);
        }
        let file = name.replace('.', "/");
        let dirs = crate::script::modules::search_path(self);
        for dir in dirs {
            let base = std::path::Path::new(&dir);
            for candidate in [
                base.join(format!("{file}.py")),
                base.join(&file).join("__init__.py"),
            ] {
                if candidate.is_file() {
                    let text = std::fs::read_to_string(&candidate).map_err(|e| {
                        self.new_error(
                            &self.types.import_error,
                            format!("cannot read {}: {e}", candidate.display()),
                        )
                    })?;
                    let module = Rc::new(Module::new(name));
                    module.set("__name__", Value::str(name));
                    module.set("__file__", Value::string(candidate.display().to_string()));
                    let value = Value::Module(module.clone());
                    // Registered before running, so circular imports see the partial module.
                    self.set_module(name, value.clone());
                    let filename = candidate.display().to_string();
                    if let Err(e) = self.run_source(&module, &filename, &text) {
                        self.remove_module(name);
                        return Err(e);
                    }
                    module.initialized.set(true);
                    return Ok(value);
                }
            }
        }
        let exc = self.new_exception(
            &self.types.module_not_found_error,
            vec![Value::string(format!("No module named '{name}'"))],
        );
        exc.set_attr(Rc::new(Str::new("name")), Value::str(name));
        Err(exc)
    }

    /// `from module import name`.
    pub fn import_from(&self, module: &Value, name: &Rc<Str>) -> PyResult<Value> {
        match self.get_attr(module, name) {
            Ok(v) => Ok(v),
            Err(e) if e.class().is_subtype(&self.types.attribute_error) => {
                if let Value::Module(m) = module {
                    // A submodule not yet imported.
                    let full = format!("{}.{}", m.name.as_str(), name.as_str());
                    if let Ok(sub) = self.import_one(&full) {
                        return Ok(sub);
                    }
                    return Err(self.new_error(
                        &self.types.import_error,
                        format!(
                            "cannot import name '{}' from '{}'{}",
                            name.as_str(),
                            m.name.as_str(),
                            m.get("__file__")
                                .and_then(|f| f.as_str().map(|s| format!(" ({})", s.as_str())))
                                .unwrap_or_else(|| " (unknown location)".to_owned())
                        ),
                    ));
                }
                Err(e)
            }
            Err(e) => Err(e),
        }
    }

    /// `from module import *`.
    pub fn import_star(&self, module: &Value, into: &Module) -> PyResult<()> {
        let Value::Module(m) = module else {
            return Err(self.type_error("import * requires a module"));
        };
        if let Some(all) = m.get("__all__") {
            for name in self.collect(&all)? {
                let n = match &name {
                    Value::Str(s) => s.clone(),
                    _ => continue,
                };
                let v = self.get_attr(module, &n)?;
                into.set(n.as_str(), v);
            }
            return Ok(());
        }
        for (name, v) in m.items() {
            if !name.as_str().starts_with('_') {
                into.set(name.as_str(), v);
            }
        }
        Ok(())
    }
}
