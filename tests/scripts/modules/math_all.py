# The math module. Exactly-rounded operations print with repr; transcendental functions are
# printed to 12 significant digits because the last bit may differ between C libraries.
import math

def r(x):
    return float(f"{x:.12g}")


print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan, type(math.nan).__name__)
print(math.factorial(0), math.factorial(20), math.factorial(30))
print(math.isqrt(0), math.isqrt(99), math.isqrt(10 ** 40), math.isqrt(2 ** 127 - 1))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-12, 18), math.gcd(), math.gcd(2 ** 100, 6 ** 50), math.gcd(12, 18, 30))
print(math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(), math.lcm(0, 5), math.lcm(-3, 4))
print(math.comb(10, 3), math.comb(52, 5), math.comb(5, 6), math.comb(100, 50), math.perm(5, 2), math.perm(5), math.perm(3, 4))
print(math.sqrt(2), math.sqrt(16), math.sqrt(0.25), math.sqrt(1e300), math.sqrt(2 ** 100))
print(r(math.exp(1)), r(math.exp(-1)), math.exp(0), r(math.expm1(1e-10)), r(math.exp2(10)) if hasattr(math, "exp2") else 1024.0)
print(r(math.log(10)), math.log(1), r(math.log(8, 2)), r(math.log(100, 10)), r(math.log10(1000)), r(math.log2(1024)),
      r(math.log1p(1e-10)), r(math.log(2 ** 1000)))
print(r(math.sin(0.5)), r(math.cos(0.5)), r(math.tan(0.5)), math.sin(0), math.cos(0))
print(r(math.asin(0.5)), r(math.acos(0.5)), r(math.atan(1)), r(math.atan2(1, -1)), math.atan2(0, -1) == math.pi)
print(r(math.sinh(1)), r(math.cosh(1)), r(math.tanh(0.5)), r(math.asinh(1)), r(math.acosh(2)), r(math.atanh(0.5)))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.7), math.trunc(2.7),
      type(math.floor(2.5)).__name__, math.floor(10 ** 20), math.ceil(5))
print(math.fabs(-3), math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7.5, 2), math.copysign(3, -0.0), math.copysign(-2, 1))
print(math.hypot(3, 4), math.hypot(1, 1, 1, 1), math.hypot(), math.fsum([0.1] * 10), sum([0.1] * 10),
      math.fsum([1e100, 1.0, -1e100]))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1, 1.05, rel_tol=0.1),
      math.isclose(0, 1e-12, abs_tol=1e-9))
print(math.isnan(math.nan), math.isnan(1.0), math.isinf(-math.inf), math.isinf(1e308), math.isfinite(1e308),
      math.isfinite(math.inf), math.isfinite(math.nan))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([0.5, 4]), math.prod(range(1, 21)), math.prod([2], start=5))
print(math.dist((0, 0), (3, 4)), math.dist([1, 1, 1], [2, 2, 2]) == math.sqrt(3))
print(math.degrees(math.pi), math.radians(180), math.degrees(1), r(math.radians(45)))
print(math.modf(3.5), math.modf(-2.25), math.frexp(8.0), math.ldexp(0.5, 4), math.pow(2, 10), r(math.pow(2.0, 0.5)))
print(r(math.erf(0.5)), r(math.erfc(0.5)), r(math.gamma(5.5)), math.gamma(5), r(math.lgamma(10)))
print(math.remainder(10, 3), math.remainder(11, 3), math.nextafter(1.0, 2.0), math.ulp(1.0))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.acos(2),
            lambda: math.factorial(-1), lambda: math.isqrt(-1), lambda: math.factorial(2.5),
            lambda: math.exp(1000), lambda: math.comb(-1, 2), lambda: math.fmod(1, 0), lambda: math.pow(0, -1),
            lambda: math.ceil(math.inf), lambda: math.floor(math.nan), lambda: math.dist((1,), (1, 2))]:
    try:
        print("no error", bad())
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
print(sorted(n for n in ["pi", "e", "tau", "inf", "nan", "sqrt", "factorial"] if hasattr(math, n)))
print(math.floor(True), math.sqrt(True), math.factorial(True), math.gcd(True, 4))
