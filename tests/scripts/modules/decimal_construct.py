# decimal: construction from int/str/float/tuple and str()/repr() formatting rules.
from decimal import Decimal, getcontext

for s in ["0", "-0", "1", "-12.50", "1e5", "1E+5", "  3.14  ", "1_000.5", ".5", "5.",
          "0.000001", "0.0000001", "1.23E-7", "123E+2", "-0E-3", "0E+2", "12345678901234567890123456789012",
          "NaN", "-nan", "NaN42", "sNaN", "Infinity", "-inf", "+Inf", "1e-1000", "12.3e-10"]:
    d = Decimal(s)
    print(repr(s), str(d), repr(d), d.as_tuple(), d.adjusted())
for v in [0, 7, -42, 10 ** 40, -(2 ** 70)]:
    print(Decimal(v), repr(Decimal(v)))
for f in [0.1, -0.0, 1.5, 1e-7, 2.5e20, float("inf"), float("-inf"), 1 / 3]:
    print(repr(Decimal(f)), Decimal.from_float(f))
print(Decimal(float("nan")))
for t in [(0, (1, 2, 3), -2), (1, (0,), 5), (0, (), "F"), (1, (4, 2), "n"), (0, (9,), -10)]:
    print(Decimal(t))
print(Decimal(Decimal("1.50")), Decimal("123.456").to_eng_string(), Decimal("1.2E+7").to_eng_string(),
      Decimal("0E+1").to_eng_string(), Decimal("-1.2E-9").to_eng_string(), Decimal("12E-10").to_eng_string())
getcontext().capitals = 0
print(Decimal("1E+20"), Decimal("-3.5E-9"))
getcontext().capitals = 1
for s in ["1", "1.5", "-0", "inf", "nan", "1e10", "0.001"]:
    d = Decimal(s)
    print(s, d.is_nan(), d.is_infinite(), d.is_zero(), d.is_signed(), d.is_finite(), d.number_class())
print(Decimal("2.50").as_integer_ratio(), Decimal(-3).as_integer_ratio())
print(Decimal("1.0") == Decimal("1.00"), hash(Decimal(2)) == hash(2), hash(Decimal("2.5")) == hash(2.5),
      hash(Decimal("0.1")) == hash(0.1), hash(Decimal("-1")), hash(Decimal("1E+3")) == hash(1000), hash(Decimal("inf")))
print(int(Decimal("-3.99")), float(Decimal("1.25")), float(Decimal("-inf")), bool(Decimal("0.00")), bool(Decimal("nan")))
print(str(Decimal("1.23")), format(Decimal("5"), ""), [Decimal("1.1"), Decimal("-2")], {Decimal(1): "one"}[1])
# Strings as libmpdec reads them: underscores dropped, Unicode digits and spaces, and an
# exponent too large for any context (an invalid operation, not a syntax error).
from decimal import getcontext, InvalidOperation
ctx = getcontext()
ctx.traps[InvalidOperation] = False
for s in ["_1", "1__2", "N_aN", "1_000.5_5", "\u0661\u0662\u0663", " 12 ", "\u20031\u2003",
          "1e1000000000000000000", "1e-1000000000000000000", "1e999999999999999999", "12e", "inf_"]:
    ctx.clear_flags()
    d = Decimal(s)
    print(repr(s), repr(d), [x.__name__ for x, v in ctx.flags.items() if v])
for s in ["1_000", " 1", "\u0661\u0662\u0663"]:
    ctx.clear_flags()
    d = ctx.create_decimal(s)
    print("create", repr(s), repr(d), [x.__name__ for x, v in ctx.flags.items() if v])
ctx.traps[InvalidOperation] = True
for s in ["1e1000000000000000000", "x"]:
    try:
        Decimal(s)
    except InvalidOperation as e:
        print(s, e)
