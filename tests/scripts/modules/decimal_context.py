# decimal: contexts, localcontext, flags and traps.
import decimal
from decimal import Decimal, Context, getcontext, setcontext, localcontext

ctx = getcontext()
print(ctx)
print(ctx.prec, ctx.rounding, ctx.Emin, ctx.Emax, ctx.capitals, ctx.clamp, ctx.Etiny(), ctx.Etop())
print(Decimal(1) / 3)
print(ctx.flags[decimal.Inexact], ctx.flags[decimal.Rounded], ctx.flags[decimal.DivisionByZero])
ctx.clear_flags()
print(ctx)
with localcontext() as c:
    c.prec = 5
    print(Decimal(1) / 3, getcontext() is c, c.prec)
print(getcontext().prec, Decimal(1) / 3)
with localcontext(prec=10, rounding=decimal.ROUND_DOWN) as c:
    print(c.prec, c.rounding, Decimal(2) / 3)
    with localcontext(prec=3):
        print(Decimal(2) / 3)
    print(Decimal(2) / 3)
print(getcontext().prec, getcontext().rounding)
c = Context(prec=6, rounding=decimal.ROUND_HALF_UP)
print(c)
print(c.divide(Decimal(1), Decimal(7)), c.add(Decimal("1.0000005"), 0), c.multiply(2, Decimal("1.23456789")),
      c.sqrt(Decimal(2)), c.create_decimal("3.14159265"), c.power(2, 30), c.subtract(1, Decimal("0.0000001")),
      c.plus(Decimal("1.2345678")), c.minus(Decimal(5)), c.abs(Decimal(-3)), c.compare(1, 2), c.quantize(Decimal("1.23456"), Decimal("0.1")))
old = getcontext()
setcontext(c)
print(getcontext() is c, Decimal(1) / 7)
setcontext(old)
print(Decimal(1) / 7)
setcontext(decimal.BasicContext)
print(getcontext())
setcontext(decimal.ExtendedContext)
print(getcontext(), Decimal(1) / 0, Decimal(0) / 0, Decimal(-1).sqrt())
print(getcontext().flags[decimal.DivisionByZero], getcontext().flags[decimal.InvalidOperation])
setcontext(decimal.DefaultContext)
print(getcontext())
c = Context(traps=[decimal.Inexact])
with localcontext(c):
    print(Decimal(1) / 4)
    try:
        Decimal(1) / 3
    except decimal.Inexact as e:
        print("Inexact", e.args)
c2 = Context(prec=4, flags=[], traps=[])
with localcontext(c2) as cc:
    x = Decimal(1) / 0
    print(x, cc.flags[decimal.DivisionByZero], Decimal("1e999999") * 10)
    print(cc)
with localcontext(Emax=10, Emin=-10) as cc:
    try:
        Decimal("1e10") * 100
    except decimal.Overflow as e:
        print("Overflow", e)
    cc.traps[decimal.Overflow] = False
    print(Decimal("1e10") * 100, Decimal("1e-10") / Decimal("1e20"), Decimal("1.5e-10") / 100)
    print(cc.flags[decimal.Underflow], cc.flags[decimal.Subnormal], cc.flags[decimal.Clamped])
with localcontext(prec=3, rounding=decimal.ROUND_FLOOR):
    print(Decimal("1e999999") * 10 if False else Decimal(5) - Decimal(5), Decimal(-1) / 3)
for bad in [dict(prec=0), dict(prec="x"), dict(Emax=-1), dict(rounding="NOPE"), dict(foo=1)]:
    try:
        with localcontext(**bad):
            pass
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(getcontext().copy() is getcontext(), repr(getcontext().copy()) == repr(getcontext()))
print(decimal.MAX_PREC, decimal.MAX_EMAX, decimal.MIN_EMIN, decimal.MIN_ETINY)
# Assigning whole flag/trap mappings, and invalid signals.
c = Context()
try:
    c.flags[5]
except KeyError as e:
    print("KeyError", repr(e.args[0]))
for bad in [5, {decimal.Inexact: True}, {1: 2}]:
    try:
        c.flags = bad
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)
d = dict(c.flags)
d[decimal.Inexact] = True
c.flags = d
c.traps = c.flags
print(c)
try:
    Decimal(1).quantize(Decimal("0.1"), "ROUND_BOGUS")
except TypeError as e:
    print("TypeError", e)
