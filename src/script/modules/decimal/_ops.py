"""The operator methods of decimal.Decimal and its transcendental functions.

Kept apart from decimal/__init__.py only for size: `install` receives the decimal
module's globals (this module's functions use them as their own) and attaches the
methods to Decimal.

exp, ln, log10 and non-integer powers work on integers scaled by 10**P ("fixed
point").  Each result comes with an error bound of a few units; the value is rounded
only when both ends of that error interval round to the same digits, otherwise the
computation is repeated with more guard digits (Ziv's strategy), so results are
correctly rounded with ROUND_HALF_EVEN as CPython's are.
"""


def install(g):
    globals().update(g)
    D = g["Decimal"]
    for name, fn in _METHODS.items():
        setattr(D, name, fn)


def _binop(op, name, reflected=False):
    # Mixing with float or str raises CPython's TypeError naming 'decimal.Decimal';
    # unknown types get NotImplemented so they may implement the operation.
    if reflected:
        def method(self, other):
            o = _convert(other)
            if o is None:
                if isinstance(other, _FOREIGN):
                    raise _type_error(op, other, self)
                return NotImplemented
            return getattr(o, name)(self)
    else:
        def method(self, other):
            o = _convert(other)
            if o is None:
                if isinstance(other, _FOREIGN):
                    raise _type_error(op, self, other)
                return NotImplemented
            return getattr(self, name)(o)
    return method


def _add(self, other):
    o = _convert(other)
    if o is None:
        if isinstance(other, _FOREIGN):
            raise _type_error("+", self, other)
        return NotImplemented
    return self._ctx_add(o)


def _mul(self, other):
    o = _convert(other)
    if o is None:
        if isinstance(other, _FOREIGN):
            raise _type_error("*", self, other)
        return NotImplemented
    return self._ctx_multiply(o)


def _truediv(self, other):
    o = _convert(other)
    if o is None:
        if isinstance(other, _FOREIGN):
            raise _type_error("/", self, other)
        return NotImplemented
    return self._ctx_divide(o)


def _pow(self, other, modulo=None):
    o = _convert(other)
    if o is None:
        if isinstance(other, _FOREIGN):
            raise _type_error("** or pow()", self, other)
        return NotImplemented
    return self._ctx_power(o, modulo)


def _rpow(self, other, modulo=None):
    o = _convert(other)
    if o is None:
        if isinstance(other, _FOREIGN):
            raise _type_error("** or pow()", other, self)
        return NotImplemented
    return o._ctx_power(self, modulo)


# ---------------------------------------------------------------- fixed-point kernels

def _ctx_halfeven(ctx):
    return ctx._with_rounding(ROUND_HALF_EVEN)


def _ln_core(M, W):
    """ln(M / 10**W) * 10**W for M > 0, error a few units."""
    S = 10 ** W
    # Ten square roots bring the argument within 0.25% of 1, where the atanh series
    # ln(y) = 2*atanh((y-1)/(y+1)) gains about six digits per term.
    r = 10
    guard = 10 ** 5
    W2 = W + 5
    S2 = S * guard
    y = M * guard
    for _ in range(r):
        y = _math.isqrt(y * S2)
    z = (y - S2) * S2 // (y + S2)
    z2 = z * z // S2
    total = 0
    term = z
    k = 1
    while term:
        total += term // k
        term = term * z2 // S2
        k += 2
    return (total << (r + 1)) // guard


_LN10_CACHE = {}


def _ln10(W):
    v = _LN10_CACHE.get(W)
    if v is None:
        v = _ln_core(10 * 10 ** W, W)
        _LN10_CACHE[W] = v
    return v


def _ln_fixed(c, e, P):
    """ln(c * 10**e) * 10**P (c > 0), error at most a few units."""
    n = _ndigits(c)
    k = e + n - 1  # c*10**e == m * 10**k with m in [1, 10)
    W = P + 4 + _ndigits(abs(k))
    shift = W - (n - 1)
    M = c * 10 ** shift if shift >= 0 else c // 10 ** -shift
    v = _ln_core(M, W) + k * _ln10(W)
    return v // 10 ** (W - P)


def _exp_small(X, P):
    """exp(X / 10**P) * 10**P for |X / 10**P| below about 2."""
    W = P + 6
    S = 10 ** W
    x = X * 10 ** 6
    s = 8  # exp(x) = exp(x / 2**s) ** (2**s): the series then converges fast
    x = x >> s if x >= 0 else -((-x) >> s)
    total = S
    term = S
    i = 1
    while term:
        term = term * x // (S * i)
        total += term
        i += 1
    for _ in range(s):
        total = total * total // S
    return total // 10 ** 6


def _exp_fixed(T, P):
    """exp(T / 10**P) as (coefficient, exponent) with a relative error of a few units
    in the last of about P digits."""
    nest = abs(T) // (10 ** P * 2) + 1
    Q = P + _ndigits(nest) + 2
    TQ = T * 10 ** (Q - P)
    L = _ln10(Q)
    n = (2 * TQ + L) // (2 * L)  # nearest multiple of ln(10)
    R = (TQ - n * L) // 10 ** (Q - P)
    return _exp_small(R, P), n - P


def _ziv_round(sign, V, exp, err, ctx):
    """Round V*10**exp (error < err units) to ctx with ROUND_HALF_EVEN if the error
    cannot change the result; None when more digits are needed."""
    prec = ctx._prec
    lo, hi = V - err, V + err
    nd = _ndigits(hi)
    if lo <= 0 or _ndigits(lo) != nd or nd < prec + 3:
        return None
    drop = nd - prec
    if _round_int(sign, lo, drop, ROUND_HALF_EVEN)[0] != _round_int(
            sign, hi, drop, ROUND_HALF_EVEN)[0]:
        return None
    # The sticky digit keeps the result inexact (the value is never exactly V).
    return _fix(sign, V * 10 + 1, exp - 1, _ctx_halfeven(ctx))


# ---------------------------------------------------------------- transcendental

def _exp(self, context=None):
    ctx = context or getcontext()
    r = _check_nans(self, None, ctx)
    if r is not None:
        return r
    if self._special:
        return _mk(0, 0, 0) if self._sign else self
    if self._int == 0:
        return _mk(0, 1, 0)
    prec = ctx._prec
    adj = self.adjusted()
    hctx = _ctx_halfeven(ctx)
    if adj >= _ndigits(max(ctx._Emax, -ctx.Etiny())) + 1:
        if self._sign:
            return _fix(0, 1, ctx.Etiny() - 2, hctx)
        return _fix(0, 1, ctx._Emax + 1, hctx)
    if adj < -(prec + 2):
        # |x| is below half an ulp of 1: exp(x) is 1 nudged towards x's sign.
        k = prec + 3
        return _fix(0, 10 ** k + (-1 if self._sign else 1), -k, hctx)
    guard = 12
    while True:
        P = prec + guard
        shift = self._exp + P
        T = self._int * 10 ** shift if shift >= 0 else self._int // 10 ** -shift
        if self._sign:
            T = -T
        V, e = _exp_fixed(T, P)
        res = _ziv_round(0, V, e, 1000, ctx)
        if res is not None:
            return res
        guard *= 2


def _ln(self, context=None):
    ctx = context or getcontext()
    r = _check_nans(self, None, ctx)
    if r is not None:
        return r
    if self._special:
        if self._sign:
            return ctx._invalid()
        return self
    if self._int == 0:
        return _mk(1, 0, "F", "F")
    if self._sign:
        return ctx._invalid()
    if self._int * 10 ** max(self._exp, 0) == 10 ** max(-self._exp, 0):
        return _mk(0, 0, 0)  # ln(1) == 0 exactly
    return _log_common(self, ctx, False)


def _log_common(x, ctx, base10):
    prec = ctx._prec
    P = prec + 10
    err = 100
    while True:
        L = _ln_fixed(x._int, x._exp, P + 3)
        if base10:
            L = L * 10 ** (P + 3) // _ln10(P + 3)
        L //= 1000
        sign = 1 if L < 0 else 0
        mag = -L if sign else L
        need = prec + 8 - _ndigits(mag)
        if need > 0:
            P += need  # result close to 0: more fraction digits for prec significant
            continue
        res = _ziv_round(sign, mag, -P, err, ctx)
        if res is not None:
            return res
        P += prec


def _log10(self, context=None):
    ctx = context or getcontext()
    r = _check_nans(self, None, ctx)
    if r is not None:
        return r
    if self._special:
        if self._sign:
            return ctx._invalid()
        return self
    if self._int == 0:
        return _mk(1, 0, "F", "F")
    if self._sign:
        return ctx._invalid()
    c = self._int
    s = str(c)
    if s.rstrip("0") == "1":
        # An exact power of ten: the logarithm is an integer.
        return _fix_dec(_from_int(self._exp + len(s) - 1), ctx)
    return _log_common(self, ctx, True)


def _sqrt(self, context=None):
    ctx = context or getcontext()
    r = _check_nans(self, None, ctx)
    if r is not None:
        return r
    if self._special:
        if self._sign:
            return ctx._invalid()
        return self
    ideal = self._exp // 2
    if self._int == 0:
        return _fix(self._sign, 0, ideal, ctx)
    if self._sign:
        return ctx._invalid()
    c, e = self._int, self._exp
    if e & 1:
        c *= 10
        e -= 1
    nd = _ndigits(c)
    k = ctx._prec + 2 - (nd + 1) // 2
    if k < 0:
        k = 0
    m = c * 10 ** (2 * k)
    s = _math.isqrt(m)
    exp = e // 2 - k
    if s * s == m:
        while exp < ideal and s % 10 == 0:
            s //= 10
            exp += 1
    elif s % 5 == 0:
        s += 1  # sticky digit: the root lies strictly above s
    return _fix(0, s, exp, _ctx_halfeven(ctx))


# ---------------------------------------------------------------- power

def _int_value(d):
    """The integer value of a finite integral Decimal, else None."""
    if d._special:
        return None
    if d._exp >= 0:
        v = d._int * 10 ** d._exp if d._exp < 100 or d._int == 0 else None
        if v is None:
            return None
    else:
        p = 10 ** -d._exp
        if d._int % p:
            return None
        v = d._int // p
    return -v if d._sign else v


def _ctx_power(self, other, modulo=None, context=None):
    ctx = context or getcontext()
    if modulo is not None:
        return _power_mod(self, other, _convert(modulo, True), ctx)
    r = _check_nans(self, other, ctx)
    if r is not None:
        return r
    n = _int_value(other)
    if other._special == "F" or (not other._special and n is None and other._exp >= 0):
        n = None
    if self._special == "F":
        if other._special == "F":
            return _mk(0, 0, 0) if other._sign else _mk(0, 0, "F", "F")
        if other._int == 0:
            return _mk(0, 1, 0)
        sign = self._sign if (n is not None and n & 1) else 0
        if self._sign and n is None:
            return ctx._invalid()
        if other._sign:
            return _mk(sign, 0, 0)
        return _mk(sign, 0, "F", "F")
    if self._int == 0:
        if other._special == "F" or not other._special and other._int:
            if other._sign:
                sign = self._sign if (n is not None and n & 1) else 0
                return _mk(sign, 0, "F", "F")
            sign = self._sign if (n is not None and n & 1) else 0
            return _mk(sign, 0, 0) if n is None else _fix(sign, 0, self._exp * n, ctx)
        return ctx._invalid()  # 0 ** 0
    if other._special == "F":
        cmp1 = self.copy_abs()._cmp(_mk(0, 1, 0))
        if self._sign:
            return ctx._invalid()
        if cmp1 == 0:
            return _fix(0, 10 ** (ctx._prec - 1), 1 - ctx._prec, ctx, [Inexact, Rounded])
        big = (cmp1 > 0) != bool(other._sign)
        return _mk(0, 0, "F", "F") if big else _mk(0, 0, 0)
    if n is None:
        if self._sign:
            return ctx._invalid()
        return _power_real(self, other, ctx)
    return _power_int(self, n, ctx)


def _power_int(x, n, ctx):
    sign = x._sign if n & 1 else 0
    if n == 0:
        return _mk(0, 1, 0)
    c, e = x._int, x._exp
    while c % 10 == 0:
        c //= 10
        e += 1
    nd = _ndigits(c)
    an = abs(n)
    # Rough log10 of the result decides overflow/underflow without huge integers.
    lead = float(str(c)[:15]) / 10.0 ** (min(nd, 15) - 1)
    lg = an * (e + nd - 1 + _math.log10(lead))
    if n < 0:
        lg = -lg
    if lg > ctx._Emax + 2:
        return _fix(sign, 1, ctx._Emax + 1, ctx)
    if lg < ctx.Etiny() - 3:
        return _fix(sign, 1, ctx.Etiny() - 3, ctx)
    if nd * an <= 4 * ctx._prec + 200:
        return _exact_pow(x, n, sign, ctx)
    # A huge exact power: use exp(n * ln x); its digits can not end on a rounding
    # boundary, so the Ziv loop terminates.
    return _power_real(_mk(0, c, e), _from_int(n), ctx, sign)


def _exact_pow(x, n, sign, ctx):
    if n > 0:
        return _fix(sign, x._int ** n, x._exp * n, ctx)
    den = _mk(0, x._int ** -n, x._exp * -n)
    r = _mk(0, 1, 0)._ctx_divide(den, ctx)
    return r if not sign else r.copy_negate()


def _power_real(x, y, ctx, sign=0):
    prec = ctx._prec
    guard = 12 + max(0, y.adjusted() + 1)
    hctx = _ctx_halfeven(ctx)
    while True:
        P = prec + guard
        L = _ln_fixed(x._int, x._exp, P + 4)
        T = L * y._int
        T = T * 10 ** y._exp if y._exp >= 0 else T // 10 ** -y._exp
        if y._sign:
            T = -T
        T //= 10 ** 4
        if T > (ctx._Emax + 2) * 2303 * 10 ** P // 1000:
            return _fix(sign, 1, ctx._Emax + 1, hctx)
        if T < (ctx.Etiny() - 3) * 2303 * 10 ** P // 1000:
            return _fix(sign, 1, ctx.Etiny() - 3, hctx)
        V, e = _exp_fixed(T, P)
        res = _ziv_round(sign, V, e, 1000, ctx)
        if res is not None:
            return res
        guard *= 2


def _power_mod(x, y, m, ctx):
    vals = [_int_value(v) for v in (x, y, m)]
    if any(v is None for v in vals) or vals[1] < 0 or vals[2] == 0:
        return ctx._invalid()
    a, b, mod = vals
    r = pow(abs(a), b, abs(mod))
    sign = 1 if (a < 0 and b & 1) else 0
    return _fix(sign, r, 0, ctx)


# ---------------------------------------------------------------- quantize & co

def _quantize(self, exp, rounding=None, context=None):
    exp = _convert(exp, True)
    ctx = context or getcontext()
    rounding = rounding or ctx._rounding
    r = _check_nans(self, exp, ctx)
    if r is not None:
        return r
    if self._special or exp._special:
        if self._special == "F" and exp._special == "F":
            return self
        return ctx._invalid()
    e = exp._exp
    if e > ctx._Emax or e < ctx.Etiny():
        return ctx._invalid()
    if self._int == 0:
        return _mk(self._sign, 0, e)
    if e <= self._exp:
        coef = self._int * 10 ** (self._exp - e)
        if _ndigits(coef) > ctx._prec:
            return ctx._invalid()
        return _mk(self._sign, coef, e)
    drop = e - self._exp
    coef = self._int
    if drop > _ndigits(coef) + 1:
        coef, drop = 1, 2
    coef, inexact = _round_int(self._sign, coef, drop, rounding)
    if _ndigits(coef) > ctx._prec:
        return ctx._invalid()
    conds = [Rounded]
    if coef and e + _ndigits(coef) - 1 < ctx._Emin:
        conds.append(Subnormal)
    if inexact:
        conds.append(Inexact)
    ctx._raise(*conds)
    return _mk(self._sign, coef, e)


def _to_integral(self, rounding=None, context=None, exact=False):
    ctx = context or getcontext()
    r = _check_nans(self, None, ctx)
    if r is not None:
        return r
    if self._special or self._exp >= 0:
        return self
    if self._int == 0:
        return _mk(self._sign, 0, 0)
    coef, inexact = _round_int(self._sign, self._int, -self._exp,
                               rounding or ctx._rounding)
    if exact:
        ctx._raise(*([Rounded, Inexact] if inexact else [Rounded]))
    return _mk(self._sign, coef, 0)


def _to_integral_value(self, rounding=None, context=None):
    return _to_integral(self, rounding, context)


def _to_integral_exact(self, rounding=None, context=None):
    return _to_integral(self, rounding, context, True)


def _normalize(self, context=None):
    ctx = context or getcontext()
    r = _check_nans(self, None, ctx)
    if r is not None:
        return r
    if self._special:
        return self
    d = _fix(self._sign, self._int, self._exp, ctx)
    if d._special:
        return d
    if d._int == 0:
        return _mk(d._sign, 0, 0)
    c, e = d._int, d._exp
    top = ctx.Etop() if ctx._clamp else ctx._Emax
    while c % 10 == 0 and e < top:
        c //= 10
        e += 1
    return _mk(d._sign, c, e)


def _logb(self, context=None):
    ctx = context or getcontext()
    r = _check_nans(self, None, ctx)
    if r is not None:
        return r
    if self._special:
        return _mk(0, 0, "F", "F")
    if self._int == 0:
        ctx._raise(DivisionByZero)
        return _mk(1, 0, "F", "F")
    return _fix_dec(_from_int(self.adjusted()), ctx)


def _scaleb(self, other, context=None):
    other = _convert(other, True)
    ctx = context or getcontext()
    r = _check_nans(self, other, ctx)
    if r is not None:
        return r
    n = _int_value(other)
    if n is None or other._exp != 0:
        return ctx._invalid()
    if self._special:
        return self
    return _fix(self._sign, self._int, self._exp + n, ctx)


def _next(self, ctx, up):
    r = _check_nans(self, None, ctx)
    if r is not None:
        return r
    if self._special == "F":
        if bool(self._sign) == up:  # -Inf going up / +Inf going down
            return _mk(self._sign, 10 ** ctx._prec - 1, ctx.Etop())
        return self
    quiet = ctx._with_rounding(ROUND_CEILING if up else ROUND_FLOOR)
    quiet.flags = _signal_dict(None)
    quiet.traps = _signal_dict(None)
    quiet._conds = []
    k = ctx._prec + 2
    if self._int == 0:
        return _mk(0 if up else 1, 1, ctx.Etiny())
    towards_larger = (self._sign == 0) == up
    coef = self._int * 10 ** k + (1 if towards_larger else -1)
    return _fix(self._sign, coef, self._exp - k, quiet)


def _next_plus(self, context=None):
    return _next(self, context or getcontext(), True)


def _next_minus(self, context=None):
    return _next(self, context or getcontext(), False)


def _next_toward(self, other, context=None):
    other = _convert(other, True)
    ctx = context or getcontext()
    r = _check_nans(self, other, ctx)
    if r is not None:
        return r
    c = self._cmp(other)
    if c == 0:
        return self.copy_sign(other)
    return _next(self, ctx, c < 0)


def _divmod_op(self, other):
    o = _convert(other)
    if o is None:
        if isinstance(other, _FOREIGN):
            raise _type_error("divmod()", self, other)
        return NotImplemented
    return self._ctx_divmod(o)


def _rdivmod_op(self, other):
    o = _convert(other)
    if o is None:
        if isinstance(other, _FOREIGN):
            raise _type_error("divmod()", other, self)
        return NotImplemented
    return o._ctx_divmod(self)


def _public(fn):
    # Public two-operand methods accept ints; Context methods pass Decimals already.
    def method(self, other, context=None):
        return fn(self, _convert(other, True), context)
    return method


_METHODS = {
    "__add__": _add,
    "__radd__": _binop("+", "_ctx_add", True),
    "__sub__": _binop("-", "_ctx_subtract"),
    "__rsub__": _binop("-", "_ctx_subtract", True),
    "__mul__": _mul,
    "__rmul__": _binop("*", "_ctx_multiply", True),
    "__truediv__": _truediv,
    "__rtruediv__": _binop("/", "_ctx_divide", True),
    "__floordiv__": _binop("//", "_ctx_divide_int"),
    "__rfloordiv__": _binop("//", "_ctx_divide_int", True),
    "__mod__": _binop("%", "_ctx_remainder"),
    "__rmod__": _binop("%", "_ctx_remainder", True),
    "__divmod__": _divmod_op,
    "__rdivmod__": _rdivmod_op,
    "__pow__": _pow,
    "__rpow__": _rpow,
    "_ctx_power": _ctx_power,
    "exp": _exp,
    "ln": _ln,
    "log10": _log10,
    "sqrt": _sqrt,
    "quantize": _quantize,
    "to_integral": _to_integral_value,
    "to_integral_value": _to_integral_value,
    "to_integral_exact": _to_integral_exact,
    "normalize": _normalize,
    "logb": _logb,
    "scaleb": _scaleb,
    "next_plus": _next_plus,
    "next_minus": _next_minus,
    "next_toward": _next_toward,
}
