# decimal: exceptions raised by trapped signals, their classes and messages.
import decimal
from decimal import Decimal, getcontext, localcontext

print(issubclass(decimal.DivisionByZero, ZeroDivisionError), issubclass(decimal.DivisionByZero, decimal.DecimalException),
      issubclass(decimal.InvalidOperation, ArithmeticError), issubclass(decimal.Overflow, decimal.Inexact),
      issubclass(decimal.FloatOperation, TypeError), issubclass(decimal.DivisionUndefined, ZeroDivisionError),
      issubclass(decimal.ConversionSyntax, decimal.InvalidOperation))
print(decimal.DivisionByZero, decimal.InvalidOperation.__name__)
cases = [
    lambda: Decimal(1) / 0, lambda: Decimal(0) / 0, lambda: Decimal("abc"), lambda: Decimal("1.2.3"),
    lambda: Decimal(-1).sqrt(), lambda: Decimal("NaN") < 1, lambda: Decimal(10) ** 9999999, lambda: Decimal(10) // 0,
    lambda: Decimal(10) % 0, lambda: Decimal(0) % 0, lambda: Decimal(10 ** 40) // 1, lambda: Decimal("sNaN") + 1,
    lambda: Decimal(-1).ln(), lambda: Decimal(0).ln(), lambda: Decimal(1).quantize(Decimal("1e-30")),
    lambda: int(Decimal("inf")), lambda: int(Decimal("nan")), lambda: hash(Decimal("snan")),
    lambda: Decimal("1.5") + 1.5, lambda: Decimal("1") + "a", lambda: 2.5 * Decimal(2), lambda: float(Decimal("snan")),
    lambda: Decimal(-2) ** Decimal("0.5"), lambda: round(Decimal("inf")), lambda: round(Decimal("nan")),
    lambda: Decimal((0, (1, 2), "x")), lambda: Decimal((2, (1,), 0)), lambda: Decimal([1, 2]) if False else Decimal({}),
    lambda: Decimal(0) ** 0, lambda: Decimal("inf") - Decimal("inf"), lambda: Decimal("inf") * 0, lambda: Decimal(0) ** -1,
    lambda: Decimal(5).log10() if False else Decimal(-5).log10(), lambda: divmod(Decimal(1), 0),
    lambda: Decimal("1e999999") * 10, lambda: Decimal(5).quantize(Decimal("inf")),
]
for i, f in enumerate(cases):
    try:
        print(i, repr(f()))
    except Exception as e:
        print(i, type(e).__name__, e)
try:
    Decimal(1) / 0
except ZeroDivisionError as e:
    print("caught as ZeroDivisionError:", type(e).__name__, e.args)
try:
    Decimal("x")
except decimal.DecimalException as e:
    print("caught as DecimalException:", type(e), e)
print(getcontext())
with localcontext() as c:
    c.traps[decimal.DivisionByZero] = False
    c.traps[decimal.InvalidOperation] = False
    print(Decimal(1) / 0, Decimal(-1) / 0, Decimal(0) / 0, Decimal("abc"), Decimal(-4).sqrt(), Decimal("sNaN") * 2)
    print(c.flags[decimal.DivisionByZero], c.flags[decimal.InvalidOperation], c)
with localcontext() as c:
    c.traps[decimal.FloatOperation] = True
    try:
        Decimal(1.5)
    except decimal.FloatOperation as e:
        print("FloatOperation", e)
    try:
        Decimal(1) < 1.5
    except TypeError as e:
        print("FloatOperation as TypeError", e)
    print(Decimal(1) == 1.0)
