# A capture pattern that is not the last case makes the later cases unreachable.
def classify(value):
    match value:
        case [x, y]:
            return "pair"
        case other:
            return "other"
        case None:
            return "none"


print(classify(1))
