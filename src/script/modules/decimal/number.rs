//! The decimal number itself: sign, coefficient and exponent (or a special value), the
//! context it is rounded to, and the one rounding rule every operation ends with.
//!
//! Arithmetic follows the General Decimal Arithmetic specification as CPython's `decimal`
//! (libmpdec) implements it: an operation computes the exact result, or enough digits of
//! it plus a sticky digit, and rounds once with [`Dec::fix`]. Operations never fail:
//! exceptional cases give a NaN or a clamped value and record conditions in [`Conds`],
//! which the script layer turns into flags and trapped exceptions.

use num_bigint::BigUint;
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};
use std::cell::RefCell;
use std::rc::Rc;

/// What kind of value a [`Dec`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Finite,
    Infinite,
    /// A quiet NaN; its diagnostic payload is the coefficient.
    NaN,
    /// A signalling NaN; its diagnostic payload is the coefficient.
    SNaN,
}

/// A decimal value: `(-1)**sign * coef * 10**exp` when finite.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dec {
    /// True for negative values (and -0, -Infinity, -NaN).
    pub sign: bool,
    pub kind: Kind,
    /// The digits; the payload of a NaN; zero for an infinity.
    pub coef: BigUint,
    /// The exponent of a finite value; zero otherwise.
    pub exp: i64,
}

/// The eight rounding modes, in CPython's order of `decimal.ROUND_*` listings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rounding {
    Up,
    Down,
    Ceiling,
    Floor,
    HalfUp,
    HalfDown,
    HalfEven,
    ZeroFiveUp,
}

impl Rounding {
    pub const ALL: [Rounding; 8] = [
        Rounding::Up,
        Rounding::Down,
        Rounding::Ceiling,
        Rounding::Floor,
        Rounding::HalfUp,
        Rounding::HalfDown,
        Rounding::HalfEven,
        Rounding::ZeroFiveUp,
    ];

    /// The `decimal.ROUND_*` string naming the mode.
    pub fn name(self) -> &'static str {
        match self {
            Rounding::Up => "ROUND_UP",
            Rounding::Down => "ROUND_DOWN",
            Rounding::Ceiling => "ROUND_CEILING",
            Rounding::Floor => "ROUND_FLOOR",
            Rounding::HalfUp => "ROUND_HALF_UP",
            Rounding::HalfDown => "ROUND_HALF_DOWN",
            Rounding::HalfEven => "ROUND_HALF_EVEN",
            Rounding::ZeroFiveUp => "ROUND_05UP",
        }
    }

    pub fn from_name(s: &str) -> Option<Rounding> {
        Rounding::ALL.into_iter().find(|r| r.name() == s)
    }
}

/// The arithmetic part of a context: what results are rounded to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ctx {
    pub prec: i64,
    pub rounding: Rounding,
    pub emin: i64,
    pub emax: i64,
    /// IEEE clamping: exponents are kept at most `etop()`.
    pub clamp: bool,
}

impl Ctx {
    /// The exponent of the smallest subnormal.
    pub fn etiny(&self) -> i64 {
        self.emin - self.prec + 1
    }

    /// The largest exponent a full-precision value may have.
    pub fn etop(&self) -> i64 {
        self.emax - self.prec + 1
    }

    /// This context with another rounding mode.
    pub fn with_rounding(&self, rounding: Rounding) -> Ctx {
        Ctx { rounding, ..*self }
    }
}

/// The conditions an operation raised, one bit each at libmpdec's bit positions: the order
/// of the bits is the order `Context.__repr__` lists the flags in, and an `InvalidOperation`
/// flag set by a condition is listed where that condition's bit is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Conds(pub u32);

impl Conds {
    pub const CLAMPED: u32 = 1 << 0;
    pub const CONVERSION_SYNTAX: u32 = 1 << 1;
    pub const DIVISION_BY_ZERO: u32 = 1 << 2;
    pub const DIVISION_IMPOSSIBLE: u32 = 1 << 3;
    pub const DIVISION_UNDEFINED: u32 = 1 << 4;
    pub const INEXACT: u32 = 1 << 6;
    pub const INVALID_CONTEXT: u32 = 1 << 7;
    pub const INVALID_OPERATION: u32 = 1 << 8;
    pub const FLOAT_OPERATION: u32 = 1 << 10;
    pub const OVERFLOW: u32 = 1 << 11;
    pub const ROUNDED: u32 = 1 << 12;
    pub const SUBNORMAL: u32 = 1 << 13;
    pub const UNDERFLOW: u32 = 1 << 14;
    /// The conditions that are reported as the signal `InvalidOperation`.
    pub const INVALID: u32 = Self::CONVERSION_SYNTAX
        | Self::DIVISION_IMPOSSIBLE
        | Self::DIVISION_UNDEFINED
        | Self::INVALID_CONTEXT
        | Self::INVALID_OPERATION;

    #[inline]
    pub fn raise(&mut self, bits: u32) {
        self.0 |= bits;
    }

    #[inline]
    pub fn has(self, bits: u32) -> bool {
        self.0 & bits != 0
    }
}

thread_local! {
    /// Powers of ten already computed; rounding and digit counting need the same few over
    /// and over, and sharing them saves a copy each time.
    static POW10: RefCell<Vec<Rc<BigUint>>> = RefCell::new(vec![Rc::new(BigUint::from(1u32))]);
}

/// Powers of ten up to this exponent are cached.
const POW10_CACHED: usize = 4096;

/// `10**n`, shared.
pub fn pow10_shared(n: u64) -> Rc<BigUint> {
    if n as usize > POW10_CACHED {
        return Rc::new(num_traits::pow(BigUint::from(10u32), n as usize));
    }
    POW10.with(|cache| {
        let mut cache = cache.borrow_mut();
        while cache.len() <= n as usize {
            let next = cache
                .last()
                .map_or_else(|| BigUint::from(1u32), |p| &**p * 10u32);
            cache.push(Rc::new(next));
        }
        cache[n as usize].clone()
    })
}

/// `f(&10**n)` without touching the reference count of a cached power (digit counting
/// does this for every result). `f` must not compute powers itself.
fn with_pow10<R>(n: u64, f: impl FnOnce(&BigUint) -> R) -> R {
    POW10.with(|cache| {
        let cached = cache.borrow();
        if let Some(p) = cached.get(n as usize) {
            return f(p);
        }
        drop(cached);
        f(&pow10_shared(n))
    })
}

/// `10**n`.
pub fn pow10(n: u64) -> BigUint {
    if n < 20 {
        return BigUint::from(10u64.pow(n as u32));
    }
    (*pow10_shared(n)).clone()
}

/// The number of decimal digits of `n` (1 for zero).
pub fn ndigits(n: &BigUint) -> u64 {
    if let Some(small) = n.to_u64() {
        return small.checked_ilog10().map_or(1, |d| d as u64 + 1);
    }
    // log10(2) ≈ 0.30103: the estimate is the true count or one less.
    let estimate = (n.bits() * 30103 / 100_000).max(1);
    if with_pow10(estimate, |p| n >= p) {
        estimate + 1
    } else {
        estimate
    }
}

impl Dec {
    pub fn finite(sign: bool, coef: BigUint, exp: i64) -> Dec {
        Dec {
            sign,
            kind: Kind::Finite,
            coef,
            exp,
        }
    }

    pub fn zero() -> Dec {
        Dec::finite(false, BigUint::zero(), 0)
    }

    pub fn infinity(sign: bool) -> Dec {
        Dec {
            sign,
            kind: Kind::Infinite,
            coef: BigUint::zero(),
            exp: 0,
        }
    }

    /// The quiet NaN that invalid operations return.
    pub fn nan() -> Dec {
        Dec {
            sign: false,
            kind: Kind::NaN,
            coef: BigUint::zero(),
            exp: 0,
        }
    }

    pub fn is_finite(&self) -> bool {
        self.kind == Kind::Finite
    }

    pub fn is_nan(&self) -> bool {
        matches!(self.kind, Kind::NaN | Kind::SNaN)
    }

    pub fn is_zero(&self) -> bool {
        self.kind == Kind::Finite && self.coef.is_zero()
    }

    /// The exponent of the most significant digit (finite values only).
    pub fn adjusted(&self) -> i64 {
        if self.is_finite() {
            self.exp + ndigits(&self.coef) as i64 - 1
        } else {
            0
        }
    }

    /// Rounds `self` (finite, exact) to `ctx`, recording what happened in `conds`.
    /// Special values are returned unchanged.
    pub fn fix(self, ctx: &Ctx, conds: &mut Conds) -> Dec {
        if !self.is_finite() {
            return self;
        }
        let Dec {
            sign,
            mut coef,
            mut exp,
            ..
        } = self;
        let prec = ctx.prec;
        let etiny = ctx.etiny();
        let etop = if ctx.clamp { ctx.etop() } else { ctx.emax };
        if coef.is_zero() {
            if exp < etiny {
                exp = etiny;
                conds.raise(Conds::CLAMPED);
            } else if exp > etop {
                exp = etop;
                conds.raise(Conds::CLAMPED);
            }
            return Dec::finite(sign, coef, exp);
        }
        let n = ndigits(&coef) as i64;
        let adj = exp + n - 1;
        if adj > ctx.emax {
            return overflow(sign, ctx, conds);
        }
        let newexp = (exp + n - prec).max(etiny);
        if newexp > exp {
            let mut drop = (newexp - exp) as u64;
            if drop > n as u64 + 1 {
                // Only "nonzero and below half a unit" matters for the rounding.
                coef = BigUint::from(1u32);
                drop = 2;
            }
            let inexact;
            (coef, inexact) = round_int(sign, coef, drop, ctx.rounding);
            exp = newexp;
            conds.raise(Conds::ROUNDED);
            if adj < ctx.emin {
                conds.raise(Conds::SUBNORMAL);
                if inexact {
                    conds.raise(Conds::UNDERFLOW | Conds::INEXACT);
                    if coef.is_zero() {
                        conds.raise(Conds::CLAMPED);
                    }
                }
            } else if inexact {
                conds.raise(Conds::INEXACT);
            }
            if ndigits(&coef) as i64 > prec {
                coef /= 10u32;
                exp += 1;
            }
            if !coef.is_zero() && exp + ndigits(&coef) as i64 - 1 > ctx.emax {
                return overflow(sign, ctx, conds);
            }
        } else if adj < ctx.emin {
            conds.raise(Conds::SUBNORMAL);
        }
        if ctx.clamp && exp > etop {
            coef *= pow10((exp - etop) as u64);
            exp = etop;
            conds.raise(Conds::CLAMPED);
        }
        Dec::finite(sign, coef, exp)
    }

    /// The quiet NaN an operation on this NaN returns: its payload, cut to the digits that
    /// fit the context.
    pub fn quiet_nan(&self, ctx: &Ctx) -> Dec {
        let room = ctx.prec - ctx.clamp as i64;
        let mut payload = self.coef.clone();
        if !payload.is_zero() && ndigits(&payload) as i64 > room {
            payload = if room > 0 {
                payload % pow10(room as u64)
            } else {
                BigUint::zero()
            };
        }
        Dec {
            sign: self.sign,
            kind: Kind::NaN,
            coef: payload,
            exp: 0,
        }
    }

    /// The result of an operation with a NaN operand, or `None` when neither is a NaN.
    /// A signalling NaN raises InvalidOperation and wins over a quiet one.
    pub fn check_nans(a: &Dec, b: Option<&Dec>, ctx: &Ctx, conds: &mut Conds) -> Option<Dec> {
        let operands = || std::iter::once(a).chain(b);
        if let Some(s) = operands().find(|d| d.kind == Kind::SNaN) {
            conds.raise(Conds::INVALID_OPERATION);
            return Some(s.quiet_nan(ctx));
        }
        operands()
            .find(|d| d.kind == Kind::NaN)
            .map(|q| q.quiet_nan(ctx))
    }
}

/// The result of an overflow: infinity, or the largest finite value when the rounding
/// mode goes towards zero.
fn overflow(sign: bool, ctx: &Ctx, conds: &mut Conds) -> Dec {
    conds.raise(Conds::OVERFLOW | Conds::INEXACT | Conds::ROUNDED);
    let to_infinity = match ctx.rounding {
        Rounding::HalfUp | Rounding::HalfEven | Rounding::HalfDown | Rounding::Up => true,
        Rounding::Ceiling => !sign,
        Rounding::Floor => sign,
        Rounding::Down | Rounding::ZeroFiveUp => false,
    };
    if to_infinity {
        Dec::infinity(sign)
    } else {
        Dec::finite(sign, pow10(ctx.prec as u64) - 1u32, ctx.etop())
    }
}

/// Drops `drop` (> 0) trailing digits of `coef`, rounding by `rounding`; returns the new
/// coefficient and whether anything nonzero was dropped.
pub fn round_int(sign: bool, coef: BigUint, drop: u64, rounding: Rounding) -> (BigUint, bool) {
    let p = pow10_shared(drop);
    let (q, r) = coef.div_rem(&p);
    if r.is_zero() {
        return (q, false);
    }
    let half = || {
        let twice: BigUint = &r << 1;
        twice.cmp(&*p)
    };
    use std::cmp::Ordering::*;
    let up = match rounding {
        Rounding::HalfEven => match half() {
            Greater => true,
            Equal => q.is_odd(),
            Less => false,
        },
        Rounding::Down => false,
        Rounding::HalfUp => half() != Less,
        Rounding::Up => true,
        Rounding::HalfDown => half() == Greater,
        Rounding::Ceiling => !sign,
        Rounding::Floor => sign,
        Rounding::ZeroFiveUp => (&q % 5u32).is_zero(),
    };
    (if up { q + 1u32 } else { q }, true)
}

impl Dec {
    /// Numeric comparison; `None` when either operand is a NaN.
    pub fn cmp_num(&self, other: &Dec) -> Option<std::cmp::Ordering> {
        use std::cmp::Ordering::*;
        if self.is_nan() || other.is_nan() {
            return None;
        }
        // The sign of the comparison of magnitudes, flipped for negatives.
        let signed =
            |ord: std::cmp::Ordering, negative: bool| if negative { ord.reverse() } else { ord };
        let (a_zero, b_zero) = (self.is_zero(), other.is_zero());
        if a_zero && b_zero {
            return Some(Equal);
        }
        if a_zero {
            return Some(if other.sign { Greater } else { Less });
        }
        if b_zero {
            return Some(if self.sign { Less } else { Greater });
        }
        if self.sign != other.sign {
            return Some(if self.sign { Less } else { Greater });
        }
        let magnitude = match (self.kind, other.kind) {
            (Kind::Infinite, Kind::Infinite) => Equal,
            (Kind::Infinite, _) => Greater,
            (_, Kind::Infinite) => Less,
            _ => {
                let (a_adj, b_adj) = (self.adjusted(), other.adjusted());
                if a_adj != b_adj {
                    a_adj.cmp(&b_adj)
                } else if self.exp == other.exp {
                    self.coef.cmp(&other.coef)
                } else if self.exp > other.exp {
                    (&self.coef * &*pow10_shared((self.exp - other.exp) as u64)).cmp(&other.coef)
                } else {
                    let scaled = &other.coef * &*pow10_shared((other.exp - self.exp) as u64);
                    self.coef.cmp(&scaled)
                }
            }
        };
        Some(signed(magnitude, self.sign))
    }
}
