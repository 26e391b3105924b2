# decimal: quantize, sqrt, exp, ln, log10, to_integral, normalize and friends.
import decimal
from decimal import Decimal, getcontext, localcontext

for v in ["2", "0.25", "100", "1E+7", "0.0001", "10", "1.44", "0", "-0", "1E-7", "3.000", "1E+1000", "inf"]:
    print(v, Decimal(v).sqrt())
for v in ["1", "0", "-1", "0.5", "10", "100", "-20", "1E-10", "2.302585092994045684017991455", "230"]:
    print(v, Decimal(v).exp())
for v in ["1", "2", "10", "0.5", "1E+100", "1.000000001", "3.14159", "1E-50", "0", "inf"]:
    print(v, Decimal(v).ln(), Decimal(v).log10())
for v in ["1000", "0.001", "1E+50", "5", "2"]:
    print(v, Decimal(v).log10())
for p in [5, 40, 60]:
    with localcontext(prec=p):
        print(p, Decimal(2).sqrt(), Decimal(1).exp(), Decimal(3).ln(), Decimal(7).log10(), Decimal(2) ** Decimal("0.5"))
q = Decimal("0.01")
for v in ["1.005", "2.675", "-1.005", "123.4567", "0", "1E+2", "99.995"]:
    d = Decimal(v)
    print(v, d.quantize(q), d.quantize(q, rounding=decimal.ROUND_HALF_UP), d.quantize(Decimal("1E+1")),
          d.quantize(Decimal("1.000")), d.to_integral_value(), d.to_integral_value(rounding=decimal.ROUND_CEILING))
for v in ["120.00", "0.00", "-5E+3", "1.2300", "100", "inf"]:
    print(v, Decimal(v).normalize(), Decimal(v).adjusted())
print(Decimal("3.7").to_integral_exact(), Decimal("-3.5").to_integral(), Decimal("1E+3").to_integral_value())
print(Decimal(1).next_plus(), Decimal(1).next_minus(), Decimal(1).next_toward(2), Decimal(0).next_plus())
print(Decimal("1.23").scaleb(2), Decimal("1234").logb(), Decimal("1.5").same_quantum(Decimal("2.5")),
      Decimal("1.5").same_quantum(Decimal("2.50")))
print(Decimal(10).remainder_near(3), Decimal(11).remainder_near(3), Decimal(10).fma(2, 3))
print(Decimal(1).radix(), Decimal("1e-999999").is_subnormal(), Decimal(1).is_normal(), Decimal("-0").number_class())
