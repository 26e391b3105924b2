//! Text encodings for `str.encode`, `bytes.decode`, `bytes(s, enc)` and `str(b, enc)`:
//! UTF-8, ASCII and Latin-1, with the `strict`, `ignore`, `replace` and `backslashreplace`
//! error handlers, and CPython's error messages.

use crate::script::object::Value;
use crate::script::vm::{Exc, PyResult, Vm};

#[derive(Clone, Copy, PartialEq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    /// The highest code point a single-byte codec maps.
    fn limit(self) -> u32 {
        if self == Codec::Ascii {
            128
        } else {
            256
        }
    }
}

fn codec(vm: &Vm, encoding: Option<&Value>) -> PyResult<Codec> {
    let name = match encoding {
        None | Some(Value::None) => return Ok(Codec::Utf8),
        Some(Value::Str(s)) => s.as_str().to_ascii_lowercase().replace('_', "-"),
        Some(other) => {
            return Err(vm.type_error(format!(
                "encode() argument 'encoding' must be str, not {}",
                vm.type_name(other)
            )))
        }
    };
    match name.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" => Ok(Codec::Utf8),
        "ascii" | "us-ascii" | "646" => Ok(Codec::Ascii),
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" | "8859" | "cp819" | "latin" => {
            Ok(Codec::Latin1)
        }
        _ => Err(vm.new_error(
            &vm.types.exceptions["LookupError"],
            format!("unknown encoding: {name}"),
        )),
    }
}

fn handler(errors: Option<&Value>) -> String {
    match errors {
        Some(Value::Str(s)) => s.as_str().to_owned(),
        _ => "strict".to_owned(),
    }
}

/// `s.encode(encoding, errors)`.
pub fn encode(
    vm: &Vm,
    s: &str,
    encoding: Option<&Value>,
    errors: Option<&Value>,
) -> PyResult<Vec<u8>> {
    let codec = codec(vm, encoding)?;
    if codec == Codec::Utf8 || s.is_ascii() {
        return Ok(s.as_bytes().to_vec());
    }
    let errors = handler(errors);
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        let n = c as u32;
        if n < codec.limit() {
            out.push(n as u8);
            continue;
        }
        match errors.as_str() {
            "ignore" => {}
            "replace" => out.push(b'?'),
            "backslashreplace" => out.extend(escape(n).bytes()),
            _ => {
                // The whole run of unencodable characters is reported.
                let end = chars[i..]
                    .iter()
                    .position(|&c| (c as u32) < codec.limit())
                    .map_or(chars.len(), |p| i + p);
                return Err(encode_error(vm, codec, &chars, i, end));
            }
        }
    }
    Ok(out)
}

fn escape(n: u32) -> String {
    if n <= 0xff {
        format!("\\x{n:02x}")
    } else if n <= 0xffff {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}

fn encode_error(vm: &Vm, codec: Codec, chars: &[char], start: usize, end: usize) -> Exc {
    let what = if end - start == 1 {
        let c: String = chars[start].to_string();
        format!(
            "character {} in position {start}",
            // CPython shows the character escaped, as ascii() would.
            crate::script::vm::format::ascii(&crate::script::vm::repr::str_repr(&c))
        )
    } else {
        format!("characters in position {start}-{}", end - 1)
    };
    vm.new_error(
        &vm.types.exceptions["UnicodeEncodeError"],
        format!(
            "'{}' codec can't encode {what}: ordinal not in range({})",
            codec.name(),
            codec.limit()
        ),
    )
}

/// `b.decode(encoding, errors)`.
pub fn decode(
    vm: &Vm,
    data: &[u8],
    encoding: Option<&Value>,
    errors: Option<&Value>,
) -> PyResult<String> {
    let codec = codec(vm, encoding)?;
    let errors = handler(errors);
    match codec {
        Codec::Latin1 => Ok(data.iter().map(|&b| b as char).collect()),
        Codec::Ascii => {
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 128 {
                    out.push(b as char);
                    continue;
                }
                match errors.as_str() {
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    "backslashreplace" => out.push_str(&format!("\\x{b:02x}")),
                    _ => return Err(decode_error(vm, codec, b, i, "ordinal not in range(128)")),
                }
            }
            Ok(out)
        }
        Codec::Utf8 => {
            let mut out = String::with_capacity(data.len());
            let mut pos = 0;
            for chunk in data.utf8_chunks() {
                out.push_str(chunk.valid());
                pos += chunk.valid().len();
                let bad = chunk.invalid();
                if bad.is_empty() {
                    continue;
                }
                match errors.as_str() {
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    "backslashreplace" => {
                        for b in bad {
                            out.push_str(&format!("\\x{b:02x}"));
                        }
                    }
                    _ => {
                        let first = bad[0];
                        let at_end = pos + bad.len() == data.len();
                        let reason = if (0x80..0xc2).contains(&first) || first > 0xf4 {
                            "invalid start byte"
                        } else if at_end {
                            "unexpected end of data"
                        } else {
                            "invalid continuation byte"
                        };
                        return Err(decode_error(vm, codec, first, pos, reason));
                    }
                }
                pos += bad.len();
            }
            Ok(out)
        }
    }
}

fn decode_error(vm: &Vm, codec: Codec, byte: u8, pos: usize, reason: &str) -> Exc {
    vm.new_error(
        &vm.types.exceptions["UnicodeDecodeError"],
        format!(
            "'{}' codec can't decode byte 0x{byte:02x} in position {pos}: {reason}",
            codec.name()
        ),
    )
}
