# decimal: format specs, f-strings, subclasses, hashing and copying of Decimals.

from decimal import Decimal, localcontext, ROUND_DOWN, ROUND_HALF_UP

values = ["1234.5678", "-0.000012345", "1E+3", "0E+2", "-Inf", "NaN", "0.5", "123456789", "-0", "2.5"]
specs = ["", ".2f", ",.2f", ">12.3e", "g", ".0g", "%", ".1%", "012,.2f", "+.3G", "#.0f", ".3", "e",
         ".0e", "^15", "*<10.1f", "_.4f", " .2E", "x"]
for spec in specs:
    row = []
    for v in values:
        try:
            row.append(format(Decimal(v), spec))
        except ValueError as e:
            row.append("ValueError: %s" % e)
    print(repr(spec), row)
price = Decimal("19.995")
print(f"{price:.2f} {price:>10} {price:,.1f} {Decimal('1234567.891'):,.2f}")
with localcontext(rounding=ROUND_DOWN):
    print(format(price, ".2f"), format(Decimal("-1.999"), ".1f"))
with localcontext(rounding=ROUND_HALF_UP, capitals=0):
    print(format(Decimal("2.5"), ".0f"), format(Decimal("1E+20"), ""), Decimal("1E+20"))


class Money(Decimal):
    def __str__(self):
        return "$" + format(self, ".2f")


m = Money("3.14159")
print(type(m).__name__, isinstance(m, Decimal), str(m), m + 1, type(m + 1).__name__, m * 2 > 6)
print(Money.from_float(0.5), type(Money.from_float(0.5)).__name__)
d = Decimal("1.10")
print(hash(d) == hash(Decimal("1.1")), hash(Decimal(5)) == hash(5), hash(Decimal("0.5")) == hash(0.5))
print({Decimal("1.0"): "a", 1: "b"}, len({Decimal(2), Decimal("2.00"), 2.0}))
print(d.__copy__() is d, d.__deepcopy__({}) is d, d.__reduce__())
print(Decimal(d) is d, repr(Decimal(" 12 ")), sorted([Decimal("2"), 1, Decimal("0.5"), 1.5]))
print(sum([Decimal("0.1")] * 10), max(Decimal(1), Decimal("1.0")), min([3, Decimal("2.9")]))
print(round(Decimal("2.675"), 2), round(Decimal("-2.5")), int(Decimal("-7.9")), float(Decimal("0.1")))
import math
print(math.floor(Decimal("-2.5")), math.ceil(Decimal("2.1")), Decimal(7).sqrt(), abs(Decimal("-3")))
print(Decimal("3.14").as_tuple(), Decimal("-Inf").as_tuple(), Decimal("NaN5").as_tuple())
