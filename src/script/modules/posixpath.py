"""os.path for POSIX paths: pure string functions, plus queries through os._stat."""

import os

sep = "/"
curdir = "."
pardir = ".."
extsep = "."


def _check(p, func):
    if not isinstance(p, str):
        raise TypeError(f"{func}() argument must be str, not {type(p).__name__}")
    return p


def isabs(p):
    return _check(p, "isabs").startswith("/")


def join(a, *parts):
    path = _check(a, "join")
    for part in parts:
        _check(part, "join")
        if part.startswith("/"):
            path = part
        elif not path or path.endswith("/"):
            path += part
        else:
            path += "/" + part
    return path


def split(p):
    _check(p, "split")
    i = p.rfind("/") + 1
    head, tail = p[:i], p[i:]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head, tail


def basename(p):
    return split(p)[1]


def dirname(p):
    return split(p)[0]


def splitext(p):
    _check(p, "splitext")
    slash = p.rfind("/")
    dot = p.rfind(".")
    if dot > slash:
        # A name made only of leading dots has no extension.
        name_start = slash + 1
        while name_start < dot and p[name_start] == ".":
            name_start += 1
        if name_start < dot:
            return p[:dot], p[dot:]
    return p, ""


def normpath(path):
    _check(path, "normpath")
    if not path:
        return "."
    initial = 0
    if path.startswith("/"):
        initial = 2 if path.startswith("//") and not path.startswith("///") else 1
    parts = []
    for comp in path.split("/"):
        if comp in ("", "."):
            continue
        if comp != ".." or (not initial and not parts) or (parts and parts[-1] == ".."):
            parts.append(comp)
        elif parts:
            parts.pop()
    result = "/" * initial + "/".join(parts)
    return result or "."


def abspath(path):
    if not isabs(path):
        path = join(os.getcwd(), path)
    return normpath(path)


def expanduser(path):
    _check(path, "expanduser")
    if not path.startswith("~"):
        return path
    i = path.find("/", 1)
    if i < 0:
        i = len(path)
    if i != 1:
        return path
    home = os.environ.get("HOME") or os._home()
    if home is None:
        return path
    return (home.rstrip("/") or "/") + path[i:]


def exists(path):
    return os._stat(path) is not None


def isfile(path):
    st = os._stat(path)
    return st is not None and st[0]


def isdir(path):
    st = os._stat(path)
    return st is not None and st[1]


def getsize(path):
    st = os._stat(path)
    if st is None:
        raise FileNotFoundError(2, "No such file or directory", path)
    return st[2]


def getmtime(path):
    st = os._stat(path)
    if st is None:
        raise FileNotFoundError(2, "No such file or directory", path)
    return st[3]
