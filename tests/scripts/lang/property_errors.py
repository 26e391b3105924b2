# The AttributeErrors of properties without a getter, setter or deleter name the attribute the property was assigned to in a class body (__set_name__), and only then.
class C:
    x = property(None)
    y = property(lambda s: 1)
c = C()
for f in (lambda: c.x, lambda: setattr(c, 'y', 1), lambda: delattr(c, 'y')):
    try: f()
    except AttributeError as e: print(e)
C.z = property(None)
for f in (lambda: c.z, lambda: setattr(c, 'z', 1), lambda: delattr(c, 'z')):
    try: f()
    except AttributeError as e: print(e)
class D:
    a = property(lambda s: 1)
    b = a
d = D()
try: d.b = 2
except AttributeError as e: print(e)
class E:
    @property
    def v(self):
        return 5
    @v.setter
    def v(self, val):
        print("set", val)
e = E()
e.v = 3
try:
    del e.v
except AttributeError as err:
    print(err)
print(e.v, type(E.__dict__["v"]).__name__)
p = property(lambda s: 1)
p.__set_name__(E, "manual")
E.w = p
try:
    e.w = 1
except AttributeError as err:
    print(err)
