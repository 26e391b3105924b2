//! `str` and `bytes`/`bytearray` storage.
//!
//! A `Str` caches its hash and its length in characters, and remembers whether it is pure
//! ASCII: indexing and slicing an ASCII string are then byte operations, which is the
//! overwhelmingly common case in scripts.

use std::cell::{Cell, RefCell};
use std::hash::Hasher;

pub struct Str {
    text: compact_str::CompactString,
    chars: usize,
    hash: Cell<u64>,
}

thread_local! {
    /// Identifiers seen by the compiler, shared by every code object of the thread.
    static INTERNED: RefCell<rustc_hash::FxHashMap<Box<str>, std::rc::Rc<Str>>> =
        RefCell::new(rustc_hash::FxHashMap::default());
}

/// The thread's one `Str` for the identifier `s`. Attribute, global and keyword names then
/// meet as the same object in every dict, so lookups succeed on a pointer comparison
/// instead of comparing text.
pub fn intern(s: &str) -> std::rc::Rc<Str> {
    INTERNED.with(|table| {
        if let Some(found) = table.borrow().get(s) {
            return found.clone();
        }
        let interned = std::rc::Rc::new(Str::new(s));
        table.borrow_mut().insert(s.into(), interned.clone());
        interned
    })
}

thread_local! {
    /// The one-character ASCII strings, made once: iterating over or indexing text makes
    /// them constantly.
    static ASCII_CHARS: Vec<std::rc::Rc<Str>> =
        (0u8..128).map(|b| std::rc::Rc::new(Str::new(&(b as char).to_string()))).collect();
}

/// The string of one character; ASCII ones are shared.
pub fn of_char(c: char) -> std::rc::Rc<Str> {
    if c.is_ascii() {
        return ASCII_CHARS.with(|chars| chars[c as usize].clone());
    }
    let mut buf = [0u8; 4];
    std::rc::Rc::new(Str::new(c.encode_utf8(&mut buf)))
}

impl Str {
    pub fn new(s: &str) -> Str {
        Str::with_text(compact_str::CompactString::new(s))
    }

    /// A string of text known to be ASCII (a part of an ASCII string): its length is its
    /// character count, with no scan.
    pub fn ascii(s: &str) -> Str {
        debug_assert!(s.is_ascii());
        Str {
            text: compact_str::CompactString::new(s),
            chars: s.len(),
            hash: Cell::new(0),
        }
    }

    pub fn from_string(mut s: String) -> Str {
        // A short string moves inline; a long one keeps its buffer, trimmed when building
        // it left much spare capacity (strings are immutable from here on).
        if s.capacity() - s.len() > s.len() / 4 && s.len() > 24 {
            s.shrink_to_fit();
        }
        Str::with_text(compact_str::CompactString::from(s))
    }

    /// This ASCII string with `f` applied to a copy of its text in place
    /// (`str::make_ascii_uppercase`): the result is ASCII too, so nothing is rescanned.
    pub fn map_ascii(&self, f: impl FnOnce(&mut str)) -> Str {
        debug_assert!(self.is_ascii());
        let mut text = self.text.clone();
        f(text.as_mut_str());
        Str {
            text,
            chars: self.chars,
            hash: Cell::new(0),
        }
    }

    /// `a + b`: built inline when short, with the character count known beforehand.
    pub fn concat(a: &Str, b: &Str) -> Str {
        let mut text = compact_str::CompactString::with_capacity(a.text.len() + b.text.len());
        text.push_str(&a.text);
        text.push_str(&b.text);
        Str {
            text,
            chars: a.chars + b.chars,
            hash: Cell::new(0),
        }
    }

    /// A string of text known to be ASCII (digits, or pieces that are all ASCII): no scan.
    pub fn ascii_text(text: compact_str::CompactString) -> Str {
        debug_assert!(text.is_ascii());
        Str {
            chars: text.len(),
            text,
            hash: Cell::new(0),
        }
    }

    pub fn with_text(text: compact_str::CompactString) -> Str {
        let chars = if text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
        Str {
            text,
            chars,
            hash: Cell::new(0),
        }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length in characters, as `len()` reports it.
    #[inline]
    pub fn char_len(&self) -> usize {
        self.chars
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.chars == self.text.len()
    }

    /// The character at `index` (already bounds-checked by the caller).
    pub fn char_at(&self, index: usize) -> char {
        if self.is_ascii() {
            self.text.as_bytes()[index] as char
        } else {
            self.text.chars().nth(index).unwrap_or('\0')
        }
    }

    /// The substring of characters `start..end`.
    pub fn char_slice(&self, start: usize, end: usize) -> &str {
        if self.is_ascii() {
            &self.text[start..end]
        } else {
            let mut indices = self.text.char_indices().map(|(i, _)| i);
            let from = indices.nth(start).unwrap_or(self.text.len());
            let to = if end > start {
                indices.nth(end - start - 1).unwrap_or(self.text.len())
            } else {
                from
            };
            &self.text[from..to]
        }
    }

    /// The string's hash, computed once.
    #[inline]
    pub fn hash(&self) -> u64 {
        let h = self.hash.get();
        if h != 0 {
            return h;
        }
        let h = hash_bytes(self.text.as_bytes());
        self.hash.set(h);
        h
    }
}

/// The hash of a byte string; never 0 (0 marks "not computed"), never the `-1` bit pattern.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(bytes);
    hasher.write_u8(0xff);
    let h = hasher.finish() >> 1;
    if h == 0 {
        1
    } else {
        h
    }
}

/// `bytes` and `bytearray`: a byte vector that only `bytearray` methods mutate.
pub struct Bytes {
    pub data: RefCell<Vec<u8>>,
    pub mutable: bool,
}

impl Bytes {
    pub fn new(data: Vec<u8>, mutable: bool) -> Bytes {
        Bytes {
            data: RefCell::new(data),
            mutable,
        }
    }
}
