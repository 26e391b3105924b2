"""JSON encoding (json.encoder): JSONEncoder and the string escaping CPython uses."""

__all__ = ["JSONEncoder"]

_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}

INFINITY = float("inf")


def py_encode_basestring(s):
    """Return a JSON representation of a Python string (non-ASCII kept as is)."""
    out = ['"']
    for ch in s:
        esc = _ESCAPES.get(ch)
        if esc is not None:
            out.append(esc)
        elif ch < " ":
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def py_encode_basestring_ascii(s):
    """Return an ASCII-only JSON representation of a Python string."""
    out = ['"']
    for ch in s:
        esc = _ESCAPES.get(ch)
        if esc is not None:
            out.append(esc)
            continue
        n = ord(ch)
        if 0x20 <= n < 0x7F:
            out.append(ch)
        elif n < 0x10000:
            out.append("\\u%04x" % n)
        else:
            # Astral characters become a UTF-16 surrogate pair.
            n -= 0x10000
            out.append("\\u%04x\\u%04x" % (0xD800 | (n >> 10), 0xDC00 | (n & 0x3FF)))
    out.append('"')
    return "".join(out)


encode_basestring = py_encode_basestring
encode_basestring_ascii = py_encode_basestring_ascii


class JSONEncoder(object):
    """Extensible JSON <https://json.org> encoder for Python data structures."""

    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None,
                 default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            # With indentation, trailing spaces after commas are dropped.
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        """Implement this in a subclass to serialize other objects."""
        raise TypeError("Object of type %s is not JSON serializable" % o.__class__.__name__)

    def encode(self, o):
        """Return a JSON string representation of a Python data structure."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        return "".join(self.iterencode(o))

    def _floatstr(self, o):
        if o != o:
            text = "NaN"
        elif o == INFINITY:
            text = "Infinity"
        elif o == -INFINITY:
            text = "-Infinity"
        else:
            return float.__repr__(o)
        if not self.allow_nan:
            raise ValueError("Out of range float values are not JSON compliant")
        return text

    def iterencode(self, o, _one_shot=False):
        """Encode the given object and yield each string representation as available."""
        chunks = []
        markers = {} if self.check_circular else None
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        self._encode(o, chunks, markers, indent, 0)
        return iter(chunks)

    def _encode(self, o, out, markers, indent, level):
        if isinstance(o, str):
            out.append(encode_basestring_ascii(o) if self.ensure_ascii else encode_basestring(o))
        elif o is None:
            out.append("null")
        elif o is True:
            out.append("true")
        elif o is False:
            out.append("false")
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(self._floatstr(o))
        elif isinstance(o, (list, tuple)):
            self._encode_list(o, out, markers, indent, level)
        elif isinstance(o, dict):
            self._encode_dict(o, out, markers, indent, level)
        else:
            marker = self._enter(o, markers)
            self._encode(self.default(o), out, markers, indent, level)
            self._leave(marker, markers)

    def _enter(self, o, markers):
        if markers is None:
            return None
        marker = id(o)
        if marker in markers:
            raise ValueError("Circular reference detected")
        markers[marker] = o
        return marker

    def _leave(self, marker, markers):
        if markers is not None:
            del markers[marker]

    def _newline(self, indent, level):
        return "\n" + indent * level

    def _encode_list(self, lst, out, markers, indent, level):
        if not lst:
            out.append("[]")
            return
        marker = self._enter(lst, markers)
        out.append("[")
        if indent is not None:
            level += 1
            separator = self.item_separator + self._newline(indent, level)
            out.append(self._newline(indent, level))
        else:
            separator = self.item_separator
        first = True
        for value in lst:
            if not first:
                out.append(separator)
            first = False
            self._encode(value, out, markers, indent, level)
        if indent is not None:
            level -= 1
            out.append(self._newline(indent, level))
        out.append("]")
        self._leave(marker, markers)

    def _key_string(self, key):
        # Non-string keys are converted the way CPython does; None means "skip".
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return self._floatstr(key)
        if key is True:
            return "true"
        if key is False:
            return "false"
        if key is None:
            return "null"
        if isinstance(key, int):
            return int.__repr__(key)
        if self.skipkeys:
            return None
        raise TypeError("keys must be str, int, float, bool or None, not %s"
                        % key.__class__.__name__)

    def _encode_dict(self, dct, out, markers, indent, level):
        if not dct:
            out.append("{}")
            return
        marker = self._enter(dct, markers)
        out.append("{")
        if indent is not None:
            level += 1
            separator = self.item_separator + self._newline(indent, level)
            out.append(self._newline(indent, level))
        else:
            separator = self.item_separator
        items = sorted(dct.items()) if self.sort_keys else dct.items()
        first = True
        for key, value in items:
            key = self._key_string(key)
            if key is None:
                continue
            if not first:
                out.append(separator)
            first = False
            out.append(encode_basestring_ascii(key) if self.ensure_ascii else encode_basestring(key))
            out.append(self.key_separator)
            self._encode(value, out, markers, indent, level)
        if indent is not None:
            level -= 1
            out.append(self._newline(indent, level))
        out.append("}")
        self._leave(marker, markers)
