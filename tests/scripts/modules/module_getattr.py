# A module-level __getattr__ (PEP 562) serves the names a module lacks, for attribute
# access and `from ... import`, and its AttributeError is what a missing name raises.
import _lazy_names
from _lazy_names import lazy_two

print(_lazy_names.eager, _lazy_names.lazy_one, lazy_two, _lazy_names.made)
print(_lazy_names.lazy_one, _lazy_names.made)
try:
    _lazy_names.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    from _lazy_names import other
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
print(getattr(_lazy_names, "nope", "default"), hasattr(_lazy_names, "lazy_three"))
