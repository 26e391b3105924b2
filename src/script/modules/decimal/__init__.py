"""Decimal fixed and floating point arithmetic, compatible with CPython 3.11's `decimal`.

A Decimal is a sign, an integer coefficient and a power-of-ten exponent, or one of the
special values NaN, sNaN and Infinity.  Every operation computes the exact result (or
enough digits of it plus a "sticky" digit) and then rounds once to the context, so the
basic operations and sqrt are correctly rounded; exp, ln and log10 use integer
fixed-point series in a loop that adds guard digits until the rounding is certain.

Signals follow CPython's C implementation: flags are set on the context, and a trapped
signal raises the first trapped class with the list of trapped conditions as argument,
e.g. `decimal.InvalidOperation: [<class 'decimal.DivisionUndefined'>]`.
"""

import math as _math
from collections import namedtuple as _namedtuple

__all__ = [
    "Decimal", "Context", "DecimalTuple", "DefaultContext", "BasicContext",
    "ExtendedContext", "DecimalException", "Clamped", "InvalidOperation",
    "DivisionByZero", "Inexact", "Rounded", "Subnormal", "Overflow", "Underflow",
    "FloatOperation", "DivisionImpossible", "InvalidContext", "ConversionSyntax",
    "DivisionUndefined", "ROUND_DOWN", "ROUND_HALF_UP", "ROUND_HALF_EVEN",
    "ROUND_CEILING", "ROUND_FLOOR", "ROUND_UP", "ROUND_HALF_DOWN", "ROUND_05UP",
    "setcontext", "getcontext", "localcontext", "MAX_PREC", "MAX_EMAX", "MIN_EMIN",
    "MIN_ETINY", "HAVE_THREADS", "HAVE_CONTEXTVAR",
]

__version__ = "1.70"
__libmpdec_version__ = "2.5.1"

ROUND_DOWN = "ROUND_DOWN"
ROUND_HALF_UP = "ROUND_HALF_UP"
ROUND_HALF_EVEN = "ROUND_HALF_EVEN"
ROUND_CEILING = "ROUND_CEILING"
ROUND_FLOOR = "ROUND_FLOOR"
ROUND_UP = "ROUND_UP"
ROUND_HALF_DOWN = "ROUND_HALF_DOWN"
ROUND_05UP = "ROUND_05UP"
_ROUNDINGS = (ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP,
              ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP)

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True

DecimalTuple = _namedtuple("DecimalTuple", "sign digits exponent", module="decimal")


# ---------------------------------------------------------------------------- signals

class DecimalException(ArithmeticError):
    pass


class Clamped(DecimalException):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DivisionImpossible(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class InvalidContext(InvalidOperation):
    pass


class Rounded(DecimalException):
    pass


class Subnormal(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Underflow(Inexact, Rounded, Subnormal):
    pass


class FloatOperation(DecimalException, TypeError):
    pass


for _cls in (DecimalException, Clamped, InvalidOperation, ConversionSyntax, DivisionByZero,
             DivisionImpossible, DivisionUndefined, Inexact, InvalidContext, Rounded,
             Subnormal, Overflow, Underflow, FloatOperation):
    _cls.__module__ = "decimal"

# The nine signals that have flags, in the order CPython lists them in a flags dict and
# uses to pick the class of a raised exception.
_SIGNALS = (InvalidOperation, FloatOperation, DivisionByZero, Overflow, Underflow,
            Subnormal, Inexact, Rounded, Clamped)
# The order of the flag bits in libmpdec, which is the order of Context.__repr__.
_REPR_ORDER = (Clamped, InvalidOperation, DivisionByZero, Inexact, FloatOperation,
               Overflow, Rounded, Subnormal, Underflow)
# libmpdec's condition bits in order: Context.__repr__ lists a set flag at the
# position of the condition that set it (InvalidOperation only once).
_BIT_ORDER = (Clamped, ConversionSyntax, DivisionByZero, DivisionImpossible,
              DivisionUndefined, FloatOperation, Inexact, InvalidContext, InvalidOperation,
              Overflow, Rounded, Subnormal, Underflow)
# Conditions that are reported as InvalidOperation; a raised exception lists the
# condition itself, in this order, before the other signals.
_CONDITIONS = (InvalidOperation, ConversionSyntax, DivisionImpossible, DivisionUndefined,
               InvalidContext)


def _signal_of(cond):
    return InvalidOperation if cond in _CONDITIONS else cond


class _SignalDict(dict):
    """The flags/traps mapping; its repr matches CPython's (no space after the colon)."""

    def __repr__(self):
        return "{" + ", ".join("%r:%r" % (s, self[s]) for s in _SIGNALS) + "}"

    def copy(self):
        d = _SignalDict()
        for s in _SIGNALS:
            d[s] = self[s]
        return d


def _signal_dict(signals):
    d = _SignalDict()
    for s in _SIGNALS:
        d[s] = False
    if isinstance(signals, dict):
        for s, v in signals.items():
            if s not in d:
                raise KeyError("invalid signal dict")
            d[s] = bool(v)
    elif signals is not None:
        for s in signals:
            if s not in d:
                raise KeyError(s)
            d[s] = True
    return d


# ---------------------------------------------------------------------------- context

class Context(object):
    """Precision, rounding, exponent limits and the flags/traps of the signals."""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None,
                 clamp=None, flags=None, traps=None):
        base = DefaultContext if DefaultContext is not None else None
        self._prec = 28
        self._rounding = ROUND_HALF_EVEN
        self._Emin = -999999
        self._Emax = 999999
        self._capitals = 1
        self._clamp = 0
        if base is not None:
            self._prec, self._rounding = base._prec, base._rounding
            self._Emin, self._Emax = base._Emin, base._Emax
            self._capitals, self._clamp = base._capitals, base._clamp
        if prec is not None:
            self.prec = prec
        if rounding is not None:
            self.rounding = rounding
        if Emin is not None:
            self.Emin = Emin
        if Emax is not None:
            self.Emax = Emax
        if capitals is not None:
            self.capitals = capitals
        if clamp is not None:
            self.clamp = clamp
        self.flags = _signal_dict(flags)
        self._conds = []  # conditions raised, for the order of __repr__
        if traps is None:
            self.traps = base.traps.copy() if base is not None else _signal_dict(
                [InvalidOperation, DivisionByZero, Overflow])
        else:
            self.traps = _signal_dict(traps)

    # Validated attributes: CPython rejects out-of-range values with these messages.
    def _get_prec(self):
        return self._prec

    def _set_prec(self, v):
        if not isinstance(v, int):
            raise TypeError("an integer is required")
        if not 1 <= v <= MAX_PREC:
            raise ValueError("valid range for prec is [1, MAX_PREC]")
        self._prec = v

    prec = property(_get_prec, _set_prec)

    def _get_rounding(self):
        return self._rounding

    def _set_rounding(self, v):
        if v not in _ROUNDINGS:
            raise TypeError("valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, "
                            "ROUND_UP, ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, "
                            "ROUND_HALF_EVEN,\n   ROUND_05UP]")
        self._rounding = v

    rounding = property(_get_rounding, _set_rounding)

    def _get_emin(self):
        return self._Emin

    def _set_emin(self, v):
        if not isinstance(v, int):
            raise TypeError("an integer is required")
        if not MIN_EMIN <= v <= 0:
            raise ValueError("valid range for Emin is [MIN_EMIN, 0]")
        self._Emin = v

    Emin = property(_get_emin, _set_emin)

    def _get_emax(self):
        return self._Emax

    def _set_emax(self, v):
        if not isinstance(v, int):
            raise TypeError("an integer is required")
        if not 0 <= v <= MAX_EMAX:
            raise ValueError("valid range for Emax is [0, MAX_EMAX]")
        self._Emax = v

    Emax = property(_get_emax, _set_emax)

    def _get_capitals(self):
        return self._capitals

    def _set_capitals(self, v):
        if not isinstance(v, int):
            raise TypeError("an integer is required")
        if v not in (0, 1):
            raise ValueError("valid values for capitals are 0 or 1")
        self._capitals = v

    capitals = property(_get_capitals, _set_capitals)

    def _get_clamp(self):
        return self._clamp

    def _set_clamp(self, v):
        if not isinstance(v, int):
            raise TypeError("an integer is required")
        if v not in (0, 1):
            raise ValueError("valid values for clamp are 0 or 1")
        self._clamp = v

    clamp = property(_get_clamp, _set_clamp)

    def __repr__(self):
        flags = []
        for c in _BIT_ORDER:
            s = _signal_of(c)
            if self.flags[s] and s.__name__ not in flags and (
                    c in self._conds or (c is s and not any(
                        _signal_of(x) is s for x in self._conds))):
                flags.append(s.__name__)
        traps = [s.__name__ for s in _REPR_ORDER if self.traps[s]]
        return ("Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, clamp=%d, "
                "flags=[%s], traps=[%s])" % (self._prec, self._rounding, self._Emin,
                                             self._Emax, self._capitals, self._clamp,
                                             ", ".join(flags), ", ".join(traps)))

    def copy(self):
        c = Context.__new__(Context)
        c._prec, c._rounding, c._Emin, c._Emax = self._prec, self._rounding, self._Emin, self._Emax
        c._capitals, c._clamp = self._capitals, self._clamp
        c.flags = self.flags.copy()
        c._conds = list(self._conds)
        c.traps = self.traps.copy()
        return c

    __copy__ = copy

    def _with_rounding(self, rounding):
        c = self.copy()
        c._rounding = rounding
        c.flags = self.flags  # share the flags: signals still land on the caller's context
        c._conds = self._conds
        return c

    def clear_flags(self):
        for s in _SIGNALS:
            self.flags[s] = False
        del self._conds[:]

    def clear_traps(self):
        for s in _SIGNALS:
            self.traps[s] = False

    def Etiny(self):
        return self._Emin - self._prec + 1

    def Etop(self):
        return self._Emax - self._prec + 1

    def radix(self):
        return Decimal(10)

    def _raise(self, *conds):
        """Set the flags of `conds`; raise if any of them is trapped (as CPython does,
        after the whole operation, listing every trapped condition)."""
        trapped = []
        for c in conds:
            s = _signal_of(c)
            self.flags[s] = True
            if c not in self._conds:
                self._conds.append(c)
            if self.traps[s] and c not in trapped:
                trapped.append(c)
        if trapped:
            listed = [c for c in _CONDITIONS if c in trapped]
            listed += [c for c in _SIGNALS[1:] if c in trapped]
            for s in _SIGNALS:
                if any(_signal_of(c) is s for c in trapped):
                    raise s(listed)

    def _invalid(self, cond=None):
        self._raise(cond or InvalidOperation)
        return _NAN

    def create_decimal(self, num="0"):
        if isinstance(num, str) and num != num.strip():
            return self._invalid(ConversionSyntax)
        d = Decimal(num, self)
        if d._special:
            if d._special in "nN" and len(str(d._int)) > self._prec - self._clamp and d._int:
                return self._invalid(ConversionSyntax)
            return d
        return _fix(d._sign, d._int, d._exp, self)

    def create_decimal_from_float(self, f):
        return _fix_dec(Decimal.from_float(f), self)

    def __reduce__(self):
        return (Context, (self._prec, self._rounding, self._Emin, self._Emax,
                          self._capitals, self._clamp))


def _ctx_method(name, nargs):
    # Context.add(a, b) is Decimal(a).__add__-like with the context passed explicitly;
    # ints are accepted as operands, other types raise TypeError like CPython.
    def method(self, *args, **kw):
        args = [_convert(a, True) for a in args]
        return getattr(args[0], name)(*args[1:], context=self, **kw)
    method.__name__ = name
    return method


for _name in ("abs", "add", "compare", "compare_signal", "compare_total", "divide",
              "divide_int", "divmod", "exp", "fma", "ln", "log10", "logb", "max",
              "max_mag", "min", "min_mag", "minus", "multiply", "next_minus", "next_plus",
              "next_toward", "normalize", "plus", "power", "quantize", "remainder",
              "remainder_near", "sqrt", "subtract", "to_eng_string", "to_sci_string",
              "to_integral", "to_integral_exact", "to_integral_value", "is_zero",
              "is_signed", "is_nan", "is_infinite", "is_finite", "is_normal",
              "is_subnormal", "is_qnan", "is_snan", "copy_abs", "copy_negate",
              "copy_sign", "same_quantum", "scaleb", "number_class", "is_canonical",
              "canonical", "copy_decimal"):
    setattr(Context, _name, _ctx_method("_ctx_" + _name if _name in (
        "add", "subtract", "multiply", "divide", "divide_int", "remainder", "divmod",
        "power", "abs", "plus", "minus", "to_sci_string", "copy_decimal") else _name, 0))

DefaultContext = None
DefaultContext = Context(prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999,
                         capitals=1, clamp=0, traps=[InvalidOperation, DivisionByZero,
                                                     Overflow])
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP, traps=[
    InvalidOperation, DivisionByZero, Overflow, Underflow, Clamped])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[])

_current = None


def getcontext():
    """The current context (one per program: stacklet runs a single OS thread)."""
    global _current
    if _current is None:
        _current = DefaultContext.copy()
    return _current


def setcontext(context):
    global _current
    if not isinstance(context, Context):
        raise TypeError("argument must be a context")
    if context is DefaultContext or context is BasicContext or context is ExtendedContext:
        context = context.copy()
        context.clear_flags()
    _current = context


_LOCAL_KEYS = ("prec", "rounding", "Emin", "Emax", "capitals", "clamp", "flags", "traps")


class _ContextManager(object):
    def __init__(self, ctx, kwargs):
        self.new_context = ctx.copy()
        for k, v in kwargs.items():
            if k not in _LOCAL_KEYS:
                raise TypeError("'%s' is an invalid keyword argument for this function" % k)
            if k in ("flags", "traps"):
                v = _signal_dict(v)
            setattr(self.new_context, k, v)

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, t, v, tb):
        setcontext(self.saved_context)


def localcontext(ctx=None, **kwargs):
    """A context manager that runs its block in a copy of `ctx` (default: the current
    context) with `kwargs` applied, restoring the previous context afterwards."""
    if ctx is None:
        ctx = getcontext()
    elif not isinstance(ctx, Context):
        raise TypeError("optional argument must be a context")
    return _ContextManager(ctx, kwargs)


# ---------------------------------------------------------------------------- helpers

def _ndigits(n):
    """Number of decimal digits of the non-negative int n (1 for 0)."""
    if n < 10:
        return 1
    if n < 10 ** 18:
        return len(str(n))
    # Estimate from the bit length so huge coefficients avoid a full str() conversion.
    d = (n.bit_length() * 30103) // 100000
    p = 10 ** d
    while p <= n:
        p *= 10
        d += 1
    while d > 1 and p // 10 > n:
        p //= 10
        d -= 1
    return d


def _mk(sign, coef, exp, special=""):
    d = object.__new__(Decimal)
    d._sign = sign
    d._int = coef
    d._exp = exp
    d._special = special
    return d


def _round_int(sign, coef, drop, rounding):
    """Drop `drop` (>0) trailing digits of coef by `rounding`; returns (coef, inexact)."""
    p = 10 ** drop
    q, r = divmod(coef, p)
    if r == 0:
        return q, False
    if rounding == ROUND_HALF_EVEN:
        h = p // 2
        up = r > h or (r == h and q & 1)
    elif rounding == ROUND_DOWN:
        up = False
    elif rounding == ROUND_HALF_UP:
        up = r >= p // 2
    elif rounding == ROUND_UP:
        up = True
    elif rounding == ROUND_HALF_DOWN:
        up = r > p // 2
    elif rounding == ROUND_CEILING:
        up = not sign
    elif rounding == ROUND_FLOOR:
        up = bool(sign)
    else:  # ROUND_05UP: away from zero only if the kept last digit is 0 or 5
        up = q % 5 == 0
    return (q + 1 if up else q), True


def _overflow(sign, ctx, conds):
    r = ctx._rounding
    conds += [Overflow, Inexact, Rounded]
    if (r in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_UP)
            or (r == ROUND_CEILING and not sign) or (r == ROUND_FLOOR and sign)):
        ctx._raise(*conds)
        return _mk(sign, 0, 0, "F")
    ctx._raise(*conds)
    return _mk(sign, 10 ** ctx._prec - 1, ctx._Emax - ctx._prec + 1)


def _fix(sign, coef, exp, ctx, conds=None):
    """Round the exact value (-1)**sign * coef * 10**exp to `ctx`, signalling the
    conditions (plus any in `conds`) on it."""
    if conds is None:
        conds = []
    prec = ctx._prec
    etiny = ctx._Emin - prec + 1
    etop = ctx._Emax - prec + 1 if ctx._clamp else ctx._Emax
    if coef == 0:
        if exp < etiny:
            exp = etiny
            conds.append(Clamped)
        elif exp > etop:
            exp = etop
            conds.append(Clamped)
        if conds:
            ctx._raise(*conds)
        return _mk(sign, 0, exp)
    n = _ndigits(coef)
    adj = exp + n - 1
    if adj > ctx._Emax:
        return _overflow(sign, ctx, conds)
    newexp = exp + n - prec
    if newexp < etiny:
        newexp = etiny
    if newexp > exp:
        drop = newexp - exp
        if drop > n + 1:
            coef, drop = 1, 2  # only "nonzero and below half" matters
        coef, inexact = _round_int(sign, coef, drop, ctx._rounding)
        exp = newexp
        conds.append(Rounded)
        if adj < ctx._Emin:
            conds.append(Subnormal)
            if inexact:
                conds += [Underflow, Inexact]
                if coef == 0:
                    conds.append(Clamped)
        elif inexact:
            conds.append(Inexact)
        if _ndigits(coef) > prec:
            coef //= 10
            exp += 1
        if coef and exp + _ndigits(coef) - 1 > ctx._Emax:
            return _overflow(sign, ctx, [])
    elif adj < ctx._Emin:
        conds.append(Subnormal)
    if ctx._clamp and exp > etop:
        coef *= 10 ** (exp - etop)
        exp = etop
        conds.append(Clamped)
    if conds:
        ctx._raise(*conds)
    return _mk(sign, coef, exp)


def _fix_dec(d, ctx):
    if d._special:
        return d
    return _fix(d._sign, d._int, d._exp, ctx)


def _fix_nan(d, ctx):
    """A quiet NaN result carrying d's payload (truncated to what fits)."""
    payload = d._int
    room = ctx._prec - ctx._clamp
    if payload and _ndigits(payload) > room:
        payload = int(str(payload)[-room:]) if room > 0 else 0
    return _mk(d._sign, payload, "n", "n")


def _check_nans(a, b, ctx):
    """The result of an operation with a NaN operand, or None.  An sNaN signals
    InvalidOperation and its quieted payload wins over a quiet NaN."""
    if a._special == "N":
        ctx._raise(InvalidOperation)
        return _fix_nan(a, ctx)
    if b is not None and b._special == "N":
        ctx._raise(InvalidOperation)
        return _fix_nan(b, ctx)
    if a._special == "n":
        return _fix_nan(a, ctx)
    if b is not None and b._special == "n":
        return _fix_nan(b, ctx)
    return None


_FOREIGN = (float, str, list, tuple, dict, bytes, type(None), set)


def _convert(other, strict=False):
    """An int or Decimal operand as a Decimal; None for other types (NotImplemented)."""
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return _from_int(other)
    if strict:
        raise TypeError("conversion from %s to Decimal is not supported" % type(other).__name__)
    return None


def _type_error(op, a, b):
    def name(x):
        return "decimal.Decimal" if isinstance(x, Decimal) else type(x).__name__
    return TypeError("unsupported operand type(s) for %s: '%s' and '%s'" % (op, name(a), name(b)))


def _from_int(v):
    if v < 0:
        return _mk(1, -v, 0)
    return _mk(0, v, 0)


def _parse(s):
    """Parse a numeric string; returns a Decimal or None on a syntax error."""
    s = s.strip()
    if "_" in s:
        # Underscores are allowed only between digits, as in int() and float().
        for i, ch in enumerate(s):
            if ch == "_" and not (0 < i < len(s) - 1 and s[i - 1].isdigit()
                                  and s[i + 1].isdigit()):
                return None
        s = s.replace("_", "")
    t = s.lower()
    sign = 0
    if t[:1] in ("+", "-"):
        sign = 1 if t[0] == "-" else 0
        t = t[1:]
    if t in ("inf", "infinity"):
        return _mk(sign, 0, "F", "F")
    for prefix, kind in (("snan", "N"), ("nan", "n")):
        if t.startswith(prefix):
            payload = t[len(prefix):]
            if payload == "":
                return _mk(sign, 0, kind, kind)
            if not (payload.isdigit() and payload.isascii()):
                return None
            return _mk(sign, int(payload), kind, kind)
    exp = 0
    epos = t.find("e")
    if epos >= 0:
        es = t[epos + 1:]
        t = t[:epos]
        body = es[1:] if es[:1] in ("+", "-") else es
        if not (body.isdigit() and body.isascii()):
            return None
        exp = int(es)
    dot = t.find(".")
    if dot >= 0:
        intpart, frac = t[:dot], t[dot + 1:]
    else:
        intpart, frac = t, ""
    digits = intpart + frac
    if not digits or not (digits.isdigit() and digits.isascii()):
        return None
    return _mk(sign, int(digits), exp - len(frac))


# ---------------------------------------------------------------------------- Decimal

class Decimal(object):
    """An immutable decimal floating point number."""

    __slots__ = ("_sign", "_int", "_exp", "_special")

    def __new__(cls, value="0", context=None):
        if isinstance(value, Decimal):
            src = value
        elif isinstance(value, int):
            src = _from_int(value)
        elif isinstance(value, str):
            src = _parse(value)
            if src is None:
                if context is None:
                    context = getcontext()
                context._raise(ConversionSyntax)
                src = _NAN
        elif isinstance(value, float):
            if context is None:
                context = getcontext()
            context._raise(FloatOperation)
            src = Decimal.from_float(value)
        elif isinstance(value, (tuple, list)):
            src = _from_tuple(value)
        else:
            raise TypeError("conversion from %s to Decimal is not supported"
                            % type(value).__name__)
        if cls is Decimal:
            if type(value) is Decimal:
                return value
            return src
        self = object.__new__(cls)
        self._sign, self._int, self._exp, self._special = (
            src._sign, src._int, src._exp, src._special)
        return self

    @classmethod
    def from_float(cls, f):
        """The exact value of the float (or int) f."""
        if isinstance(f, int):
            d = _from_int(f)
        elif isinstance(f, float):
            sign = 1 if _math.copysign(1.0, f) < 0 else 0
            if f != f:
                d = _mk(0, 0, "n", "n")
            elif f in (float("inf"), float("-inf")):
                d = _mk(sign, 0, "F", "F")
            else:
                n, den = abs(f).as_integer_ratio()
                k = den.bit_length() - 1  # den is a power of two: n/2**k == n*5**k/10**k
                d = _mk(sign, n * 5 ** k, -k)
        else:
            raise TypeError("argument must be int or float")
        return d if cls is Decimal else cls(d)

    # ----- properties and predicates
    def _isnan(self):
        return self._special in ("n", "N")

    def adjusted(self):
        if self._special:
            return 0
        return self._exp + _ndigits(self._int) - 1

    def as_tuple(self):
        if self._special == "F":
            digits = (0,)
        elif self._int or not self._special:
            digits = tuple(int(c) for c in str(self._int))
        else:
            digits = ()
        return DecimalTuple(self._sign, digits, self._exp)

    def as_integer_ratio(self):
        if self._special:
            if self._isnan():
                raise ValueError("cannot convert NaN to integer ratio")
            raise OverflowError("cannot convert Infinity to integer ratio")
        n, d = self._int, 1
        if self._exp >= 0:
            n *= 10 ** self._exp
        else:
            d = 10 ** -self._exp
            g = _math.gcd(n, d)
            n, d = n // g, d // g
        return (-n if self._sign else n), d

    def is_nan(self):
        return self._special in ("n", "N")

    def is_qnan(self):
        return self._special == "n"

    def is_snan(self):
        return self._special == "N"

    def is_infinite(self):
        return self._special == "F"

    def is_finite(self):
        return not self._special

    def is_zero(self):
        return not self._special and self._int == 0

    def is_signed(self):
        return self._sign == 1

    def is_canonical(self):
        return True

    def canonical(self):
        return self

    def is_normal(self, context=None):
        if self._special or self._int == 0:
            return False
        return self.adjusted() >= (context or getcontext())._Emin

    def is_subnormal(self, context=None):
        if self._special or self._int == 0:
            return False
        return self.adjusted() < (context or getcontext())._Emin

    def number_class(self, context=None):
        s = "-" if self._sign else "+"
        if self._special == "N":
            return "sNaN"
        if self._special == "n":
            return "NaN"
        if self._special == "F":
            return s + "Infinity"
        if self._int == 0:
            return s + "Zero"
        if self.is_subnormal(context):
            return s + "Subnormal"
        return s + "Normal"

    def radix(self):
        return Decimal(10)

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self

    # ----- string conversion
    def __str__(self, eng=False, context=None):
        sign = "-" if self._sign else ""
        if self._special:
            if self._special == "F":
                return sign + "Infinity"
            payload = str(self._int) if self._int else ""
            return sign + ("sNaN" if self._special == "N" else "NaN") + payload
        digits = str(self._int)
        exp = self._exp
        n = len(digits)
        adj = exp + n - 1
        if exp <= 0 and adj >= -6:
            if exp == 0:
                return sign + digits
            if n > -exp:
                return sign + digits[:n + exp] + "." + digits[n + exp:]
            return sign + "0." + "0" * (-exp - n) + digits
        if context is None:
            context = getcontext()
        e = "E" if context._capitals else "e"
        if not eng:
            mant = digits[0] + ("." + digits[1:] if n > 1 else "")
            return sign + mant + e + "%+d" % adj
        if self._int == 0:
            # Zero: the smallest exponent >= exp that is a multiple of three.
            big = -((-exp) // 3) * 3
            mant = "0" + ("." + "0" * (big - exp) if big > exp else "")
            return sign + mant + (e + "%+d" % big if big else "")
        dot = adj % 3 + 1
        big = adj - adj % 3
        if dot >= n:
            mant = digits + "0" * (dot - n)
        else:
            mant = digits[:dot] + "." + digits[dot:]
        return sign + mant + (e + "%+d" % big if big else "")

    def to_eng_string(self, context=None):
        return self.__str__(True, context)

    def _ctx_to_sci_string(self, context=None):
        return self.__str__(False, context)

    def __repr__(self):
        return "Decimal('%s')" % self.__str__()

    # ----- conversions
    def __bool__(self):
        return bool(self._special) or self._int != 0

    def __int__(self):
        if self._special:
            if self._isnan():
                raise ValueError("cannot convert NaN to integer")
            raise OverflowError("cannot convert Infinity to integer")
        if self._exp >= 0:
            v = self._int * 10 ** self._exp
        else:
            v = self._int // 10 ** -self._exp
        return -v if self._sign else v

    __trunc__ = __int__

    def __index__(self):
        raise TypeError("'decimal.Decimal' object cannot be interpreted as an integer")

    def __float__(self):
        if self._special:
            if self._special == "N":
                raise ValueError("cannot convert signaling NaN to float")
            if self._special == "n":
                return float("-nan") if self._sign else float("nan")
        return float(self.__str__())

    def __complex__(self):
        return complex(float(self))  # noqa: F821 (only where complex exists)

    def __floor__(self):
        return int(self.to_integral_value(ROUND_FLOOR))

    def __ceil__(self):
        return int(self.to_integral_value(ROUND_CEILING))

    def __round__(self, n=None):
        if n is None:
            if self._special:
                if self._isnan():
                    raise ValueError("cannot convert NaN to integer")
                raise OverflowError("cannot convert Infinity to integer")
            return int(self.to_integral_value(ROUND_HALF_EVEN))
        if not isinstance(n, int):
            raise TypeError("optional arg must be an integer")
        return self.quantize(_mk(0, 1, -n))

    def __hash__(self):
        if self._special:
            if self._special == "N":
                raise TypeError("Cannot hash a signaling NaN value")
            if self._special == "n":
                return object.__hash__(self)
            return -314159 if self._sign else 314159
        # The numeric hash shared by int, float and Fraction: the value modulo 2**61-1.
        m = 2305843009213693951
        if self._exp >= 0:
            h = self._int * pow(10, self._exp, m) % m
        else:
            h = self._int * pow(_INV10, -self._exp, m) % m
        if self._sign:
            h = -h
        return -2 if h == -1 else h

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    # ----- comparison
    def _cmp(self, other):
        """-1, 0 or 1 for two non-NaN Decimals."""
        if self._special or other._special:
            a = 0 if not self._special else (-1 if self._sign else 1)
            b = 0 if not other._special else (-1 if other._sign else 1)
            if a or b:
                if a == b:
                    return 0
                if a and b:
                    return -1 if a < b else 1
                return a if a else -b
        if self._int == 0:
            if other._int == 0:
                return 0
            return 1 if other._sign else -1
        if other._int == 0 or self._sign != other._sign:
            return -1 if self._sign else 1
        s = -1 if self._sign else 1
        a1, a2 = self.adjusted(), other.adjusted()
        if a1 != a2:
            return s if a1 > a2 else -s
        e = min(self._exp, other._exp)
        x = self._int * 10 ** (self._exp - e)
        y = other._int * 10 ** (other._exp - e)
        if x == y:
            return 0
        return s if x > y else -s

    def _compare_operand(self, other, ordering):
        if isinstance(other, float):
            if ordering:
                getcontext()._raise(FloatOperation)
            return Decimal.from_float(other)
        return _convert(other)

    def __eq__(self, other):
        other = self._compare_operand(other, False)
        if other is None:
            return NotImplemented
        if self._isnan() or other._isnan():
            return False
        return self._cmp(other) == 0

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def _order(self, other):
        other = self._compare_operand(other, True)
        if other is None:
            return None
        if self._isnan() or other._isnan():
            getcontext()._raise(InvalidOperation)
            return None
        return self._cmp(other)

    def __lt__(self, other):
        c = self._order(other)
        if c is None:
            return False if isinstance(other, (Decimal, int, float)) else NotImplemented
        return c < 0

    def __le__(self, other):
        c = self._order(other)
        if c is None:
            return False if isinstance(other, (Decimal, int, float)) else NotImplemented
        return c <= 0

    def __gt__(self, other):
        c = self._order(other)
        if c is None:
            return False if isinstance(other, (Decimal, int, float)) else NotImplemented
        return c > 0

    def __ge__(self, other):
        c = self._order(other)
        if c is None:
            return False if isinstance(other, (Decimal, int, float)) else NotImplemented
        return c >= 0

    def compare(self, other, context=None):
        other = _convert(other, True)
        ctx = context or getcontext()
        r = _check_nans(self, other, ctx)
        if r is not None:
            return r
        return _from_int(self._cmp(other))

    def compare_signal(self, other, context=None):
        other = _convert(other, True)
        ctx = context or getcontext()
        if self._isnan() or other._isnan():
            ctx._raise(InvalidOperation)
            return _check_nans(self, other, ctx) if (self._special == "N" or
                                                       other._special == "N") else _NAN
        return _from_int(self._cmp(other))

    def compare_total(self, other, context=None):
        """Total order: -NaN < -sNaN < -Inf < numbers < Inf < sNaN < NaN; equal values
        are ordered by exponent."""
        other = _convert(other, True)

        def key(d):
            rank = {"": 1, "F": 2, "N": 3, "n": 4}[d._special]
            if d._special in ("n", "N"):
                inner = (rank, d._int)
            elif d._special == "F":
                inner = (rank, 0)
            else:
                inner = (rank, 0)
            return inner

        if self._sign != other._sign:
            return _from_int(-1 if self._sign else 1)
        s = -1 if self._sign else 1
        k1, k2 = key(self), key(other)
        if k1[0] != k2[0]:
            return _from_int(s if k1[0] > k2[0] else -s)
        if self._special:
            if k1[1] == k2[1]:
                return _from_int(0)
            return _from_int(s if k1[1] > k2[1] else -s)
        c = self._cmp(other)
        if c:
            return _from_int(c)
        if self._exp == other._exp:
            return _from_int(0)
        return _from_int(s if self._exp > other._exp else -s)

    def same_quantum(self, other, context=None):
        other = _convert(other, True)
        if self._special or other._special:
            return (self._isnan() and other._isnan()) or (
                self._special == "F" and other._special == "F")
        return self._exp == other._exp

    def _minmax(self, other, context, want_max, mag):
        other = _convert(other, True)
        ctx = context or getcontext()
        # A single quiet NaN loses to a number; sNaNs still signal.
        if self._isnan() or other._isnan():
            if self._special == "n" and not other._isnan():
                return _fix_dec(other, ctx)
            if other._special == "n" and not self._isnan():
                return _fix_dec(self, ctx)
            return _check_nans(self, other, ctx)
        a, b = (self.copy_abs(), other.copy_abs()) if mag else (self, other)
        c = a._cmp(b)
        if c == 0 and mag:
            c = self._cmp(other)
        if c == 0:
            c = self.compare_total(other)._int * (-1 if self.compare_total(other)._sign else 1)
        pick = self if (c > 0) == want_max else other
        if c == 0:
            pick = self
        return _fix_dec(pick, ctx)

    def max(self, other, context=None):
        return self._minmax(other, context, True, False)

    def min(self, other, context=None):
        return self._minmax(other, context, False, False)

    def max_mag(self, other, context=None):
        return self._minmax(other, context, True, True)

    def min_mag(self, other, context=None):
        return self._minmax(other, context, False, True)

    # ----- sign operations
    def copy_abs(self):
        return _mk(0, self._int, self._exp, self._special)

    def copy_negate(self):
        return _mk(1 - self._sign, self._int, self._exp, self._special)

    def copy_sign(self, other, context=None):
        other = _convert(other, True)
        return _mk(other._sign, self._int, self._exp, self._special)

    def _ctx_copy_decimal(self, context=None):
        return self

    def __neg__(self, context=None):
        return self._ctx_minus(context)

    def __pos__(self, context=None):
        return self._ctx_plus(context)

    def __abs__(self, round=True, context=None):
        return self._ctx_abs(context)

    def _ctx_plus(self, context=None):
        ctx = context or getcontext()
        r = _check_nans(self, None, ctx)
        if r is not None:
            return r
        if self._special:
            return self
        sign = self._sign
        if self._int == 0 and ctx._rounding != ROUND_FLOOR:
            sign = 0
        return _fix(sign, self._int, self._exp, ctx)

    def _ctx_minus(self, context=None):
        return self.copy_negate()._ctx_plus(context) if not self._isnan() else \
            self._ctx_plus(context)

    def _ctx_abs(self, context=None):
        return (self.copy_abs() if not self._isnan() else self)._ctx_plus(context)

    # ----- arithmetic
    def _ctx_add(self, other, context=None):
        ctx = context or getcontext()
        r = _check_nans(self, other, ctx)
        if r is not None:
            return r
        a, b = self, other
        if a._special or b._special:
            if a._special and b._special and a._sign != b._sign:
                return ctx._invalid()
            return a if a._special else b
        if a._int == 0 or b._int == 0:
            exp = min(a._exp, b._exp)
            if a._int == 0 and b._int == 0:
                if a._sign == b._sign:
                    sign = a._sign
                else:
                    sign = 1 if ctx._rounding == ROUND_FLOOR else 0
                return _fix(sign, 0, exp, ctx)
            nz = a if a._int else b
            # Pad the nonzero operand to the zero's exponent, but never by more
            # digits than rounding keeps (the padding is zeros, so results agree).
            n = _ndigits(nz._int)
            low = nz._exp + n - ctx._prec - 1
            if exp < low:
                exp = min(low, nz._exp)
            return _fix(nz._sign, nz._int * 10 ** (nz._exp - exp), exp, ctx)
        hi, lo = (a, b) if a.adjusted() >= b.adjusted() else (b, a)
        limit = min(hi._exp, hi.adjusted() - ctx._prec - 2)
        if lo.adjusted() < limit - 1:
            # lo only decides the direction of rounding: replace it by a tiny
            # stand-in so a huge exponent gap does not build a huge integer.
            lo = _mk(lo._sign, 1, limit - 2)
        exp = min(hi._exp, lo._exp)
        x = hi._int * 10 ** (hi._exp - exp)
        y = lo._int * 10 ** (lo._exp - exp)
        if hi._sign:
            x = -x
        if lo._sign:
            y = -y
        s = x + y
        if s == 0:
            sign = 1 if ctx._rounding == ROUND_FLOOR else 0
            return _fix(sign, 0, exp, ctx)
        if s < 0:
            return _fix(1, -s, exp, ctx)
        return _fix(0, s, exp, ctx)

    def _ctx_subtract(self, other, context=None):
        if other._isnan():
            return self._ctx_add(other, context)
        return self._ctx_add(other.copy_negate(), context)

    def _ctx_multiply(self, other, context=None):
        ctx = context or getcontext()
        r = _check_nans(self, other, ctx)
        if r is not None:
            return r
        sign = self._sign ^ other._sign
        if self._special or other._special:
            if (not self._special and self._int == 0) or (
                    not other._special and other._int == 0):
                return ctx._invalid()
            return _mk(sign, 0, "F", "F")
        return _fix(sign, self._int * other._int, self._exp + other._exp, ctx)

    def _ctx_divide(self, other, context=None):
        ctx = context or getcontext()
        r = _check_nans(self, other, ctx)
        if r is not None:
            return r
        sign = self._sign ^ other._sign
        if self._special or other._special:
            if self._special and other._special:
                return ctx._invalid()
            if self._special:
                return _mk(sign, 0, "F", "F")
            return _fix(sign, 0, ctx.Etiny() - 1, ctx, [])
        if other._int == 0:
            if self._int == 0:
                return ctx._invalid(DivisionUndefined)
            ctx._raise(DivisionByZero)
            return _mk(sign, 0, "F", "F")
        ideal = self._exp - other._exp
        if self._int == 0:
            return _fix(sign, 0, ideal, ctx)
        na, nb = _ndigits(self._int), _ndigits(other._int)
        shift = ctx._prec + 1 + nb - na
        if shift < 0:
            shift = 0
        q, rem = divmod(self._int * 10 ** shift, other._int)
        exp = ideal - shift
        if rem:
            if q % 5 == 0:
                q += 1  # sticky digit: the true quotient is strictly above q
        else:
            while exp < ideal and q % 10 == 0:
                q //= 10
                exp += 1
        return _fix(sign, q, exp, ctx)

    def _divmod_parts(self, other, ctx):
        """(quotient, remainder) of truncating division of finite nonzero-divisor
        operands, or None after signalling DivisionImpossible."""
        sign = self._sign ^ other._sign
        e = min(self._exp, other._exp)
        if self._int and self.adjusted() - other.adjusted() > ctx._prec:
            ctx._raise(DivisionImpossible)
            return None
        x = self._int * 10 ** (self._exp - e)
        y = other._int * 10 ** (other._exp - e)
        q, r = divmod(x, y)
        if _ndigits(q) > ctx._prec:
            ctx._raise(DivisionImpossible)
            return None
        return _mk(sign, q, 0), _fix(self._sign, r, e, ctx)

    def _ctx_divmod(self, other, context=None):
        ctx = context or getcontext()
        r = _check_nans(self, other, ctx)
        if r is not None:
            return r, r
        sign = self._sign ^ other._sign
        if self._special:
            if other._special:
                return ctx._invalid(), _NAN
            return ctx._invalid(), _NAN
        if other._special:
            return _mk(sign, 0, 0), _fix_dec(self, ctx)
        if other._int == 0:
            if self._int == 0:
                return ctx._invalid(DivisionUndefined), _NAN
            ctx._raise(DivisionByZero, InvalidOperation)
            return _mk(sign, 0, "F", "F"), _NAN
        parts = self._divmod_parts(other, ctx)
        if parts is None:
            return _NAN, _NAN
        return parts

    def _ctx_divide_int(self, other, context=None):
        ctx = context or getcontext()
        r = _check_nans(self, other, ctx)
        if r is not None:
            return r
        sign = self._sign ^ other._sign
        if self._special:
            if other._special:
                return ctx._invalid()
            return _mk(sign, 0, "F", "F")
        if other._special:
            return _mk(sign, 0, 0)
        if other._int == 0:
            if self._int == 0:
                return ctx._invalid(DivisionUndefined)
            ctx._raise(DivisionByZero)
            return _mk(sign, 0, "F", "F")
        parts = self._divmod_parts(other, ctx)
        return _NAN if parts is None else parts[0]

    def _ctx_remainder(self, other, context=None):
        ctx = context or getcontext()
        r = _check_nans(self, other, ctx)
        if r is not None:
            return r
        if self._special:
            return ctx._invalid()
        if other._special:
            return _fix_dec(self, ctx)
        if other._int == 0:
            return ctx._invalid(DivisionUndefined if self._int == 0 else InvalidOperation)
        parts = self._divmod_parts(other, ctx)
        return _NAN if parts is None else parts[1]

    def remainder_near(self, other, context=None):
        ctx = context or getcontext()
        other = _convert(other, True)
        r = _check_nans(self, other, ctx)
        if r is not None:
            return r
        if self._special:
            return ctx._invalid()
        if other._special:
            return _fix_dec(self, ctx)
        if other._int == 0:
            return ctx._invalid(DivisionUndefined if self._int == 0 else InvalidOperation)
        e = min(self._exp, other._exp)
        x = self._int * 10 ** (self._exp - e)
        y = other._int * 10 ** (other._exp - e)
        q, r = divmod(x, y)
        # Nearest quotient, ties to even.
        if 2 * r > y or (2 * r == y and q & 1):
            q += 1
            r -= y
        if _ndigits(q) > ctx._prec:
            return ctx._invalid(DivisionImpossible)
        sign = self._sign
        if r < 0:
            sign, r = 1 - sign, -r
        return _fix(sign, r, e, ctx)

    def fma(self, other, third, context=None):
        other = _convert(other, True)
        third = _convert(third, True)
        ctx = context or getcontext()
        if self._isnan() or other._isnan():
            return _check_nans(self, other, ctx)
        exact = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[])
        if (self._special or other._special) or third._special:
            p = self._ctx_multiply(other, ctx)
        else:
            p = self._ctx_multiply(other, exact)
        return p._ctx_add(third, ctx)


_NAN = _mk(0, 0, "n", "n")
_INV10 = pow(10, 2305843009213693951 - 2, 2305843009213693951)


def _from_tuple(t):
    if len(t) != 3:
        raise ValueError("argument must be a sequence of length 3")
    sign, digits, exp = t
    if sign not in (0, 1):
        raise ValueError("sign must be an integer with the value 0 or 1")
    if isinstance(exp, str):
        if exp not in ("F", "n", "N"):
            raise ValueError("string argument in the third position must be 'F', 'n' or 'N'")
        if exp == "F":
            return _mk(sign, 0, "F", "F")
        payload = int("".join(str(x) for x in digits) or "0")
        return _mk(sign, payload, exp, exp)
    if not isinstance(exp, int):
        raise ValueError("exponent must be an integer")
    coef = 0
    for x in digits:
        if not isinstance(x, int) or not 0 <= x <= 9:
            raise ValueError("coefficient must be a tuple of digits")
        coef = coef * 10 + x
    return _mk(sign, coef, exp)


import decimal._ops as _ops  # noqa: E402  (the rest of Decimal's methods)

_ops.install(globals())
