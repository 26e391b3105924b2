# Hand-written JSON tokenizer, recursive-descent parser, validator and pretty-printer, cross-checked with json.
import json

DOC = r'''
{
  "name": "stacklet", "version": [0, 3, 1], "stable": false,
  "authors": [{"name": "Ada", "email": null}, {"name": "Grace \"amazing\" H.", "langs": ["COBOL", "FLOW-MATIC"]}],
  "ratio": -12.5e-1, "big": 12345678901234567890, "unicode": "caf\u00e9 \u2603 tab\there",
  "nested": {"a": {"b": {"c": [[], {}, [1, [2, [3]]]]}}},
  "escapes": "slash\/ back\\ nl\n"
}
'''

BAD = ['{"a": 1,}', '[1, 2', '{"a" 1}', '"unterminated', 'tru', '[01]',
       '{"x": [1, 2]} extra', '"bad \\q escape"']


class JSONError(Exception):
    def __init__(self, msg, pos):
        super().__init__(f"{msg} at offset {pos}")


NUMBER_CHARS = set("+-0123456789.eE")
ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


def tokenize(text):
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in " \t\r\n":
            i += 1
        elif ch in "{}[]:,":
            yield (ch, ch, i)
            i += 1
        elif ch == '"':
            start, i, buf = i, i + 1, []
            while True:
                if i >= n:
                    raise JSONError("unterminated string", start)
                c = text[i]
                if c == '"':
                    i += 1
                    break
                if c == "\\":
                    esc = text[i + 1:i + 2]
                    if esc == "u":
                        buf.append(chr(int(text[i + 2:i + 6], 16)))
                        i += 6
                        continue
                    if esc not in ESCAPES:
                        raise JSONError(f"invalid escape {esc!r}", i)
                    buf.append(ESCAPES[esc])
                    i += 2
                    continue
                buf.append(c)
                i += 1
            yield ("str", "".join(buf), start)
        elif ch in NUMBER_CHARS:
            start = i
            while i < n and text[i] in NUMBER_CHARS:
                i += 1
            raw = text[start:i]
            digits = raw.lstrip("-")
            if len(digits) > 1 and digits[0] == "0" and digits[1].isdigit():
                raise JSONError(f"leading zero in {raw!r}", start)
            try:
                value = float(raw) if any(c in raw for c in ".eE") else int(raw)
            except ValueError:
                raise JSONError(f"bad number {raw!r}", start) from None
            yield ("num", value, start)
        else:
            for word, value in (("true", True), ("false", False), ("null", None)):
                if text.startswith(word, i):
                    yield ("lit", value, i)
                    i += len(word)
                    break
            else:
                raise JSONError(f"unexpected character {ch!r}", i)
    yield ("eof", None, n)


class Parser:
    def __init__(self, text):
        self.tokens = tokenize(text)
        self.advance()

    def advance(self):
        self.kind, self.value, self.pos = next(self.tokens)

    def expect(self, kind):
        if self.kind != kind:
            raise JSONError(f"expected {kind!r}, found {self.kind!r}", self.pos)
        self.advance()

    def parse(self):
        value = self.value_()
        if self.kind != "eof":
            raise JSONError("trailing data", self.pos)
        return value

    def value_(self):
        kind, value = self.kind, self.value
        if kind == "{":
            return self.object_()
        if kind == "[":
            return self.array_()
        if kind in ("str", "num", "lit"):
            self.advance()
            return value
        raise JSONError(f"unexpected {kind!r}", self.pos)

    def object_(self):
        self.expect("{")
        result = {}
        if self.kind == "}":
            return self.advance() or result
        while True:
            if self.kind != "str":
                raise JSONError("object key must be a string", self.pos)
            key = self.value
            self.advance()
            self.expect(":")
            result[key] = self.value_()
            if self.kind == ",":
                self.advance()
                continue
            self.expect("}")
            return result

    def array_(self):
        self.expect("[")
        items = []
        if self.kind == "]":
            return self.advance() or items
        while True:
            items.append(self.value_())
            if self.kind == ",":
                self.advance()
            else:
                self.expect("]")
                return items


def quote(s):
    out = ['"']
    for ch in s:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch in "\n\t":
            out.append("\\n" if ch == "\n" else "\\t")
        elif ord(ch) > 126 or ord(ch) < 32:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def pretty(value, indent=0):
    pad = "  " * indent
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f'{pad}  {quote(k)}: {pretty(v, indent + 1)}' for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        items = [pad + "  " + pretty(v, indent + 1) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    if isinstance(value, str):
        return quote(value)
    return {None: "null", True: "true", False: "false"}.get(value, repr(value)) \
        if value is None or isinstance(value, bool) else repr(value)


def depth(value):
    if isinstance(value, (dict, list)):
        children = value.values() if isinstance(value, dict) else value
        return 1 + max((depth(v) for v in children), default=0)
    return 0


doc = Parser(DOC).parse()
text = pretty(doc)
print(text)
print("matches json.loads:", doc == json.loads(DOC))
print("matches json.dumps(indent=2):", text == json.dumps(doc, indent=2))
print("round trip:", Parser(text).parse() == doc, "depth:", depth(doc), "keys:", sorted(doc))
for bad in BAD:
    try:
        Parser(bad).parse()
        print(f"{bad!r:26} accepted?!")
    except JSONError as exc:
        print(f"{bad!r:26} -> {exc}")
    try:
        print(f"{'':26}    json module accepted {json.loads(bad)!r}")
    except ValueError as exc:
        print(f"{'':26}    json module: {type(exc).__name__}")
