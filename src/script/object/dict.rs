//! `dict`: an insertion-ordered [`Table`] of keys to values.

use super::table::Table;

#[derive(Default)]
pub struct Dict {
    pub table: Table,
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    /// An empty dict with room for `n` entries before it first grows.
    pub fn with_capacity(n: usize) -> Dict {
        Dict {
            table: Table::with_capacity(n),
        }
    }

    pub fn from_table(table: Table) -> Dict {
        Dict { table }
    }
}

impl std::ops::Deref for Dict {
    type Target = Table;
    fn deref(&self) -> &Table {
        &self.table
    }
}
