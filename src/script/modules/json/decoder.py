"""JSON decoding (json.decoder): JSONDecoder and JSONDecodeError, with CPython 3.11's
error messages and positions."""

__all__ = ["JSONDecoder", "JSONDecodeError"]

NaN = float("nan")
PosInf = float("inf")
NegInf = float("-inf")


class JSONDecodeError(ValueError):
    """Subclass of ValueError with the following additional properties:

    msg: The unformatted error message
    doc: The JSON document being parsed
    pos: The start index of doc where parsing failed
    lineno: The line corresponding to pos
    colno: The column corresponding to pos

    """

    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        errmsg = "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


JSONDecodeError.__module__ = "json.decoder"

_CONSTANTS = {"-Infinity": NegInf, "Infinity": PosInf, "NaN": NaN}
_WS = " \t\n\r"
_DIGITS = "0123456789"
_HEX = "0123456789abcdefABCDEF"
_SIMPLE_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f",
                   "n": "\n", "r": "\r", "t": "\t"}


def _skip_ws(s, idx):
    n = len(s)
    while idx < n and s[idx] in _WS:
        idx += 1
    return idx


class _StopAt(Exception):
    """No JSON value starts at this index (becomes "Expecting value")."""

    def __init__(self, idx):
        Exception.__init__(self, idx)
        self.idx = idx


def _unicode_escape(s, pos):
    # pos is the index of the 'u'; the error points there, as in CPython.
    esc = s[pos + 1:pos + 5]
    # CPython's scanner also wants a character after the four digits (the string's
    # closing quote at least): an escape that ends the text is invalid, not unterminated.
    if len(esc) == 4 and pos + 5 < len(s) and all(c in _HEX for c in esc):
        return int(esc, 16)
    raise JSONDecodeError("Invalid \\uXXXX escape", s, pos)


def scanstring(s, end, strict=True):
    """Scan the string s for a JSON string.  end is the index of the character after
    the opening quote.  Returns (str, index after the closing quote)."""
    chunks = []
    begin = end - 1
    n = len(s)
    while True:
        # Copy the run of ordinary characters in one slice.
        start = end
        while end < n:
            c = s[end]
            if c == '"' or c == "\\" or (c < " " and strict):
                break
            end += 1
        if end >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        if end > start:
            chunks.append(s[start:end])
        c = s[end]
        if c == '"':
            return "".join(chunks), end + 1
        if c != "\\":
            raise JSONDecodeError("Invalid control character at", s, end)
        if end + 1 >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        esc = s[end + 1]
        if esc != "u":
            char = _SIMPLE_ESCAPES.get(esc)
            if char is None:
                raise JSONDecodeError("Invalid \\escape", s, end)
            chunks.append(char)
            end += 2
            continue
        uni = _unicode_escape(s, end + 1)
        end += 6
        # A high surrogate followed by an escaped low surrogate is one character.
        if 0xD800 <= uni <= 0xDBFF and s[end:end + 2] == "\\u":
            uni2 = _unicode_escape(s, end + 1)
            if 0xDC00 <= uni2 <= 0xDFFF:
                uni = 0x10000 + (((uni - 0xD800) << 10) | (uni2 - 0xDC00))
                end += 6
        chunks.append(chr(uni))


class JSONDecoder(object):
    """Simple JSON <https://json.org> decoder"""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        """Return the Python representation of ``s`` (a ``str`` instance
        containing a JSON document)."""
        obj, end = self.raw_decode(s, idx=_skip_ws(s, 0))
        end = _skip_ws(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode a JSON document from ``s`` (a ``str`` beginning with
        a JSON document) and return a 2-tuple of the Python
        representation and the index in ``s`` where the document ended."""
        try:
            return self._value(s, idx)
        except _StopAt as err:
            raise JSONDecodeError("Expecting value", s, err.idx) from None

    def _value(self, s, idx):
        if idx >= len(s):
            raise _StopAt(idx)
        c = s[idx]
        if c == '"':
            return scanstring(s, idx + 1, self.strict)
        if c == "{":
            return self._object(s, idx + 1)
        if c == "[":
            return self._array(s, idx + 1)
        if c == "n" and s[idx:idx + 4] == "null":
            return None, idx + 4
        if c == "t" and s[idx:idx + 4] == "true":
            return True, idx + 4
        if c == "f" and s[idx:idx + 5] == "false":
            return False, idx + 5
        if c == "N" and s[idx:idx + 3] == "NaN":
            return self.parse_constant("NaN"), idx + 3
        if c == "I" and s[idx:idx + 8] == "Infinity":
            return self.parse_constant("Infinity"), idx + 8
        if c == "-" and s[idx:idx + 9] == "-Infinity":
            return self.parse_constant("-Infinity"), idx + 9
        return self._number(s, idx)

    def _number(self, s, idx):
        # -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?
        n = len(s)
        end = idx
        if end < n and s[end] == "-":
            end += 1
        if end < n and s[end] == "0":
            end += 1
        elif end < n and s[end] in "123456789":
            while end < n and s[end] in _DIGITS:
                end += 1
        else:
            raise _StopAt(idx)
        is_float = False
        if end + 1 < n and s[end] == "." and s[end + 1] in _DIGITS:
            end += 2
            while end < n and s[end] in _DIGITS:
                end += 1
            is_float = True
        if end < n and s[end] in "eE":
            exp = end + 1
            if exp < n and s[exp] in "+-":
                exp += 1
            if exp < n and s[exp] in _DIGITS:
                while exp < n and s[exp] in _DIGITS:
                    exp += 1
                end = exp
                is_float = True
        text = s[idx:end]
        if is_float:
            return self.parse_float(text), end
        return self.parse_int(text), end

    def _object(self, s, idx):
        pairs = []
        idx = _skip_ws(s, idx)
        if idx < len(s) and s[idx] == "}":
            idx += 1
        else:
            while True:
                if idx >= len(s) or s[idx] != '"':
                    raise JSONDecodeError(
                        "Expecting property name enclosed in double quotes", s, idx)
                key, idx = scanstring(s, idx + 1, self.strict)
                idx = _skip_ws(s, idx)
                if idx >= len(s) or s[idx] != ":":
                    raise JSONDecodeError("Expecting ':' delimiter", s, idx)
                idx = _skip_ws(s, idx + 1)
                try:
                    value, idx = self._value(s, idx)
                except _StopAt as err:
                    raise JSONDecodeError("Expecting value", s, err.idx) from None
                pairs.append((key, value))
                idx = _skip_ws(s, idx)
                if idx < len(s) and s[idx] == "}":
                    idx += 1
                    break
                if idx >= len(s) or s[idx] != ",":
                    raise JSONDecodeError("Expecting ',' delimiter", s, idx)
                idx = _skip_ws(s, idx + 1)
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), idx
        obj = dict(pairs)
        if self.object_hook is not None:
            obj = self.object_hook(obj)
        return obj, idx

    def _array(self, s, idx):
        values = []
        idx = _skip_ws(s, idx)
        if idx < len(s) and s[idx] == "]":
            return values, idx + 1
        while True:
            try:
                value, idx = self._value(s, idx)
            except _StopAt as err:
                raise JSONDecodeError("Expecting value", s, err.idx) from None
            values.append(value)
            idx = _skip_ws(s, idx)
            if idx < len(s) and s[idx] == "]":
                return values, idx + 1
            if idx >= len(s) or s[idx] != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, idx)
            idx = _skip_ws(s, idx + 1)
