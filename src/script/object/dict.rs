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
