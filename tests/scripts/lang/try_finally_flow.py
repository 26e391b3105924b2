# try/except/else/finally with return, break and continue flowing through finally.

def ret_in_finally():
    try:
        return "try"
    finally:
        print("finally runs before return")


print(ret_in_finally())


def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"


print(finally_overrides())


def finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"


print(finally_swallows())


def else_clause(fail):
    out = []
    try:
        out.append("try")
        if fail:
            raise KeyError("k")
    except KeyError:
        out.append("except")
    else:
        out.append("else")
    finally:
        out.append("finally")
    return out


print(else_clause(False), else_clause(True))

for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)

n = 0
while True:
    try:
        n += 1
        if n > 2:
            break
    finally:
        print("while finally", n)
