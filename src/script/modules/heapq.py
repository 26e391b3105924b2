"""Binary min-heaps on plain lists: heap[k] <= heap[2k+1] and heap[k] <= heap[2k+2]."""

__all__ = ["heappush", "heappop", "heapify", "heapreplace", "heappushpop",
           "nlargest", "nsmallest", "merge"]


def _sift_up(heap, start, pos):
    # Move heap[pos] towards the root until its parent is not larger.
    item = heap[pos]
    while pos > start:
        parent_pos = (pos - 1) >> 1
        parent = heap[parent_pos]
        if item < parent:
            heap[pos] = parent
            pos = parent_pos
        else:
            break
    heap[pos] = item


def _sift_down(heap, pos):
    # Walk the smaller child down to a leaf, then sift the item back up: fewer
    # comparisons on average than stopping early, and the order CPython produces.
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _sift_up(heap, start, pos)


def heappush(heap, item):
    heap.append(item)
    _sift_up(heap, 0, len(heap) - 1)


def heappop(heap):
    if not heap:
        raise IndexError("index out of range")
    last = heap.pop()
    if heap:
        top = heap[0]
        heap[0] = last
        _sift_down(heap, 0)
        return top
    return last


def heapreplace(heap, item):
    if not heap:
        raise IndexError("index out of range")
    top = heap[0]
    heap[0] = item
    _sift_down(heap, 0)
    return top


def heappushpop(heap, item):
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _sift_down(heap, 0)
    return item


def heapify(x):
    for i in reversed(range(len(x) // 2)):
        _sift_down(x, i)


def nsmallest(n, iterable, key=None):
    if key is None:
        return sorted(iterable)[:n]
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    if key is None:
        return sorted(iterable, reverse=True)[:n]
    return sorted(iterable, key=key, reverse=True)[:n]


def merge(*iterables, key=None, reverse=False):
    entries = []
    for order, it in enumerate(iterables):
        it = iter(it)
        for value in it:
            entries.append([key(value) if key else value, order, value, it])
            break
    if reverse:
        while entries:
            best = max(range(len(entries)), key=lambda i: (entries[i][0], -entries[i][1]))
            entry = entries[best]
            yield entry[2]
            for value in entry[3]:
                entry[0] = key(value) if key else value
                entry[2] = value
                break
            else:
                del entries[best]
        return
    heapify(entries)
    while entries:
        entry = entries[0]
        yield entry[2]
        for value in entry[3]:
            entry[0] = key(value) if key else value
            entry[2] = value
            heapreplace(entries, entry)
            break
        else:
            heappop(entries)
