"""Iterator building blocks, following the semantics documented for CPython's itertools.

Most tools are generator functions wrapped in small classes so that type names and reprs
(e.g. ``count(5)``) match CPython where scripts can observe them."""

__all__ = [
    "accumulate", "chain", "combinations", "combinations_with_replacement", "compress",
    "count", "cycle", "dropwhile", "filterfalse", "groupby", "islice", "pairwise",
    "permutations", "product", "repeat", "starmap", "takewhile", "tee", "zip_longest",
]


class _Iter:
    """Base for the iterator classes: wraps a generator built by the subclass."""

    __slots__ = ("_gen",)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._gen)


def _check_int(value, what):
    if not isinstance(value, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)
    return value


class count(_Iter):
    """Return a count object whose .__next__() method returns consecutive values."""

    __slots__ = ("_n", "_step")

    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not hasattr(type(v), "__add__"):
                raise TypeError("a number is required")
        self._n = start
        self._step = step

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if isinstance(self._step, int) and self._step == 1 and type(self._step) is int:
            return "count(%r)" % (self._n,)
        return "count(%r, %r)" % (self._n, self._step)


class cycle(_Iter):
    """Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely."""

    __slots__ = ()

    def __init__(self, iterable):
        self._gen = self._run(iter(iterable))

    @staticmethod
    def _run(it):
        saved = []
        for element in it:
            yield element
            saved.append(element)
        while saved:
            for element in saved:
                yield element


class repeat(_Iter):
    """repeat(object [,times]) -> create an iterator which returns the object
    for the specified number of times.  If not specified, returns the object
    endlessly."""

    __slots__ = ("_obj", "_times")

    def __init__(self, object, times=None):
        self._obj = object
        if times is not None:
            times = max(0, _check_int(times, "times"))
        self._times = times

    def __next__(self):
        if self._times is None:
            return self._obj
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._obj

    def __length_hint__(self):
        if self._times is None:
            raise TypeError("len() of unsized object")
        return self._times

    def __repr__(self):
        if self._times is None:
            return "repeat(%r)" % (self._obj,)
        return "repeat(%r, %d)" % (self._obj, self._times)


def _add(a, b):
    return a + b


class accumulate(_Iter):
    """Return series of accumulated sums (or other binary function results)."""

    __slots__ = ()

    def __init__(self, iterable, func=None, *, initial=None):
        self._gen = self._run(iter(iterable), _add if func is None else func, initial)

    @staticmethod
    def _run(it, func, initial):
        total = initial
        if initial is None:
            try:
                total = next(it)
            except StopIteration:
                return
        yield total
        for element in it:
            total = func(total, element)
            yield total


class chain(_Iter):
    """Return a chain object whose .__next__() method returns elements from the
    first iterable until it is exhausted, then elements from the next
    iterable, until all of the iterables are exhausted."""

    __slots__ = ()

    def __init__(self, *iterables):
        self._gen = self._run(iter(iterables))

    @staticmethod
    def _run(iterables):
        for it in iterables:
            for element in it:
                yield element

    @classmethod
    def from_iterable(cls, iterable):
        """Alternative chain() constructor taking a single iterable argument that evaluates lazily."""
        self = cls.__new__(cls)
        self._gen = cls._run(iter(iterable))
        return self


class compress(_Iter):
    """Return data elements corresponding to true selector elements."""

    __slots__ = ()

    def __init__(self, data, selectors):
        self._gen = (d for d, s in zip(data, selectors) if s)


class dropwhile(_Iter):
    """Drop items from the iterable while predicate(item) is true."""

    __slots__ = ()

    def __init__(self, predicate, iterable):
        self._gen = self._run(predicate, iter(iterable))

    @staticmethod
    def _run(predicate, it):
        for x in it:
            if not predicate(x):
                yield x
                break
        for x in it:
            yield x


class takewhile(_Iter):
    """Return successive entries from an iterable as long as the predicate evaluates to true for each entry."""

    __slots__ = ()

    def __init__(self, predicate, iterable):
        self._gen = self._run(predicate, iter(iterable))

    @staticmethod
    def _run(predicate, it):
        for x in it:
            if predicate(x):
                yield x
            else:
                break


class filterfalse(_Iter):
    """Return those items of iterable for which function(item) is false."""

    __slots__ = ()

    def __init__(self, function, iterable):
        if function is None:
            function = bool
        self._gen = (x for x in iterable if not function(x))


class starmap(_Iter):
    """Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence."""

    __slots__ = ()

    def __init__(self, function, iterable):
        self._gen = (function(*args) for args in iterable)


class pairwise(_Iter):
    """Return an iterator of overlapping pairs taken from the input iterator."""

    __slots__ = ()

    def __init__(self, iterable):
        self._gen = self._run(iter(iterable))

    @staticmethod
    def _run(it):
        try:
            a = next(it)
        except StopIteration:
            return
        for b in it:
            yield (a, b)
            a = b


class islice(_Iter):
    """islice(iterable, stop) --> islice object
islice(iterable, start, stop[, step]) --> islice object"""

    __slots__ = ()

    def __init__(self, iterable, *args):
        if not 1 <= len(args) <= 3:
            if not args:
                raise TypeError("islice expected at least 2 arguments, got 1")
            raise TypeError("islice expected at most 4 arguments, got %d" % (len(args) + 1))
        s = slice(*args)
        start, stop, step = s.start, s.stop, s.step
        msg = ("Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
        if stop is not None and (not isinstance(stop, int) or stop < 0):
            raise ValueError(msg)
        msg = ("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
        if start is None:
            start = 0
        elif not isinstance(start, int) or start < 0:
            raise ValueError(msg)
        if step is None:
            step = 1
        elif not isinstance(step, int) or step < 1:
            raise ValueError("Step for islice() must be a positive integer or None.")
        self._gen = self._run(iter(iterable), start, stop, step)

    @staticmethod
    def _run(it, start, stop, step):
        # Consume up to `start`, then yield every step-th element below `stop`.
        i = 0
        nexti = start
        if stop is not None and nexti >= stop:
            # CPython still consumes `start` items when start >= stop.
            for _ in range(start):
                try:
                    next(it)
                except StopIteration:
                    return
            return
        for element in it:
            if i == nexti:
                yield element
                nexti += step
                if stop is not None and nexti >= stop:
                    # Consume the skipped items up to stop, as CPython does.
                    while i + 1 < stop:
                        i += 1
                        try:
                            next(it)
                        except StopIteration:
                            return
                    return
            i += 1


class zip_longest(_Iter):
    """Return a zip_longest object whose .__next__() method returns a tuple where
    the i-th element comes from the i-th iterable argument."""

    __slots__ = ()

    def __init__(self, *iterables, fillvalue=None):
        self._gen = self._run([iter(it) for it in iterables], fillvalue)

    @staticmethod
    def _run(iterators, fillvalue):
        num_active = len(iterators)
        if not num_active:
            return
        while True:
            values = []
            for i, it in enumerate(iterators):
                try:
                    value = next(it)
                except StopIteration:
                    num_active -= 1
                    if not num_active:
                        return
                    iterators[i] = repeat(fillvalue)
                    value = fillvalue
                values.append(value)
            yield tuple(values)


class _Grouper(_Iter):
    __slots__ = ()


class groupby(_Iter):
    """make an iterator that returns consecutive keys and groups from the iterable"""

    __slots__ = ("_it", "_keyfunc", "_tgtkey", "_currkey", "_currvalue", "_id")

    def __init__(self, iterable, key=None):
        self._keyfunc = (lambda x: x) if key is None else key
        self._it = iter(iterable)
        self._tgtkey = self._currkey = self._currvalue = _MISSING
        self._id = object()

    def __next__(self):
        # A fresh token invalidates groups handed out earlier, as in CPython.
        self._id = object()
        # Both keys start as the same sentinel, so the first call always reads.
        while self._currkey == self._tgtkey:
            self._currvalue = next(self._it)
            self._currkey = self._keyfunc(self._currvalue)
        self._tgtkey = self._currkey
        grouper = _Grouper.__new__(_Grouper)
        grouper._gen = self._grouper(self._tgtkey, self._id)
        return (self._currkey, grouper)

    def _grouper(self, tgtkey, token):
        while self._id is token and self._currkey == tgtkey:
            yield self._currvalue
            try:
                self._currvalue = next(self._it)
            except StopIteration:
                return
            self._currkey = self._keyfunc(self._currvalue)


_MISSING = object()


class _TeeLink:
    """One cell of the shared buffer: a value and the next cell (filled lazily)."""

    __slots__ = ("value", "next")

    def __init__(self):
        self.next = None


class _tee(_Iter):
    __slots__ = ("_source", "_link")

    def __next__(self):
        link = self._link
        if link.next is None:
            # This copy is the furthest ahead: pull a new value from the source.
            value = next(self._source)
            link.value = value
            link.next = _TeeLink()
        self._link = link.next
        return link.value

    def __copy__(self):
        other = _tee.__new__(_tee)
        other._source = self._source
        other._link = self._link
        return other


_tee.__name__ = "_tee"


def tee(iterable, n=2, /):
    """Returns a tuple of n independent iterators."""
    n = _check_int(n, "n")
    if n < 0:
        raise ValueError("n must be >= 0")
    if n == 0:
        return ()
    it = iter(iterable)
    if isinstance(it, _tee):
        first = it.__copy__()
    else:
        first = _tee.__new__(_tee)
        first._source = it
        first._link = _TeeLink()
    result = [first]
    for _ in range(n - 1):
        result.append(first.__copy__())
    return tuple(result)


class product(_Iter):
    """Cartesian product of input iterables.  Equivalent to nested for-loops."""

    __slots__ = ()

    def __init__(self, *iterables, repeat=1):
        repeat = _check_int(repeat, "repeat")
        if repeat < 0:
            raise ValueError("repeat argument cannot be negative")
        pools = [tuple(pool) for pool in iterables] * repeat
        self._gen = self._run(pools)

    @staticmethod
    def _run(pools):
        result = [[]]
        for pool in pools:
            result = [x + [y] for x in result for y in pool]
        for prod in result:
            yield tuple(prod)


class permutations(_Iter):
    """Return successive r-length permutations of elements in the iterable."""

    __slots__ = ()

    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        n = len(pool)
        if r is None:
            r = n
        else:
            r = _check_int(r, "r")
            if r < 0:
                raise ValueError("r must be non-negative")
        self._gen = self._run(pool, n, r)

    @staticmethod
    def _run(pool, n, r):
        # Lexicographic order of index tuples via the "cycles" algorithm.
        if r > n:
            return
        indices = list(range(n))
        cycles = list(range(n, n - r, -1))
        yield tuple(pool[i] for i in indices[:r])
        while n:
            for i in reversed(range(r)):
                cycles[i] -= 1
                if cycles[i] == 0:
                    indices[i:] = indices[i + 1:] + indices[i:i + 1]
                    cycles[i] = n - i
                else:
                    j = cycles[i]
                    indices[i], indices[-j] = indices[-j], indices[i]
                    yield tuple(pool[i] for i in indices[:r])
                    break
            else:
                return


class combinations(_Iter):
    """Return successive r-length combinations of elements in the iterable."""

    __slots__ = ()

    def __init__(self, iterable, r):
        pool = tuple(iterable)
        r = _check_int(r, "r")
        if r < 0:
            raise ValueError("r must be non-negative")
        self._gen = self._run(pool, r)

    @staticmethod
    def _run(pool, r):
        n = len(pool)
        if r > n:
            return
        indices = list(range(r))
        yield tuple(pool[i] for i in indices)
        while True:
            for i in reversed(range(r)):
                if indices[i] != i + n - r:
                    break
            else:
                return
            indices[i] += 1
            for j in range(i + 1, r):
                indices[j] = indices[j - 1] + 1
            yield tuple(pool[i] for i in indices)


class combinations_with_replacement(_Iter):
    """Return successive r-length combinations of elements in the iterable allowing individual elements to have successive repeats."""

    __slots__ = ()

    def __init__(self, iterable, r):
        pool = tuple(iterable)
        r = _check_int(r, "r")
        if r < 0:
            raise ValueError("r must be non-negative")
        self._gen = self._run(pool, r)

    @staticmethod
    def _run(pool, r):
        n = len(pool)
        if not n and r:
            return
        indices = [0] * r
        yield tuple(pool[i] for i in indices)
        while True:
            for i in reversed(range(r)):
                if indices[i] != n - 1:
                    break
            else:
                return
            indices[i:] = [indices[i] + 1] * (r - i)
            yield tuple(pool[i] for i in indices)
