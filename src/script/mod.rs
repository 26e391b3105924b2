//! The Python-like interpreter.
