# operator: plain functions, in-place forms, itemgetter/attrgetter/methodcaller.
import operator

print(operator.add(1, 2), operator.sub(5, 3), operator.mul(3, 4), operator.truediv(7, 2))
print(operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 10), operator.neg(5), operator.pos(-3))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq(1, 1), operator.ne(1, 2), operator.ge(1, 2), operator.gt(3, 2))
print(operator.not_(0), operator.truth([]), operator.is_(None, None), operator.is_not(1, None))
print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.inv(5), operator.invert(0))
print(operator.lshift(1, 4), operator.rshift(256, 2), operator.abs(-7), operator.index(True))
print(operator.concat([1], [2]), operator.concat("ab", "cd"), operator.contains([1, 2], 2))
print(operator.countOf([1, 2, 1, 1], 1), operator.indexOf("abc", "c"), operator.getitem({"k": 9}, "k"))
try:
    operator.concat(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    operator.indexOf([1], 5)
except ValueError as e:
    print("ValueError:", e)
d = {}
operator.setitem(d, "a", 1)
operator.setitem(d, "b", 2)
operator.delitem(d, "a")
print(d)
lst = [1]
same = operator.iadd(lst, [2])
print(same is lst, lst, operator.iadd(1, 2), operator.isub(5, 1), operator.imul("ab", 2))
print(operator.iconcat([0], (1,)), operator.ior({1}, {2}), operator.ipow(2, 3), operator.ifloordiv(9, 2))
class Hinted:
    def __length_hint__(self):
        return 4
print(operator.length_hint([1, 2, 3]), operator.length_hint(Hinted(), 7), operator.length_hint(object(), 7))
print(operator.call(max, 3, 9))
print(operator.__add__(2, 2), operator.__lt__(1, 0))

g = operator.itemgetter(1)
print(g("xyz"), g([4, 5]), repr(g))
g2 = operator.itemgetter(0, -1)
print(g2("hello"), repr(g2))
print(sorted([("b", 2), ("a", 3), ("c", 1)], key=operator.itemgetter(1)))


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.inner = None


p = Point(1, 2)
p.inner = Point(10, 20)
a = operator.attrgetter("x")
print(a(p), operator.attrgetter("x", "y")(p), operator.attrgetter("inner.y")(p))
print(repr(operator.attrgetter("inner.y", "x")))
try:
    operator.attrgetter("nope")(p)
except AttributeError as e:
    print("AttributeError:", e)
m = operator.methodcaller("replace", "a", "o")
print(m("banana"), repr(m))
m2 = operator.methodcaller("split", sep=",", maxsplit=1)
print(m2("a,b,c"), repr(m2))
print(list(map(operator.mul, [1, 2, 3], [4, 5, 6])))
