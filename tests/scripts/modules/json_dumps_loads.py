# json_dumps_loads
import json
print(json.dumps([1, 2.5, 1e16, -0.0, float('inf'), "a\"\\\n\t\x01é€😀", None, True, {"b": 1, 2: [], 1.5: {}, None: 0, False: 1}]))
print(json.dumps({"z": [1, {"y": []}], "a": {}}, indent=2, sort_keys=True))
print(json.dumps([1,[2,3]], indent=0))
print(json.dumps({"a": [1,2]}, separators=(',', ':'), ensure_ascii=False), json.dumps("é😀", ensure_ascii=False))
print(json.dumps((1,2), indent="\t"))
print(json.dumps(set([1]), default=sorted))
for bad in [lambda: json.dumps(object()), lambda: json.dumps({(1,): 2}), lambda: json.dumps(float('nan'), allow_nan=False)]:
    try: bad()
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
l = []; l.append(l)
try: json.dumps(l)
except ValueError as e: print(e)
print(json.dumps({(1,): 2, "a": 1}, skipkeys=True))
print(json.loads('{"a": [1, 2.5, -3e2, true, false, null, "x\\u00e9\\n"], "b": {}}'))
print(json.loads('[1, 2]', parse_int=str), json.loads('{"a":1,"b":2}', object_pairs_hook=list))
print(json.loads(b'[1]'), json.loads('{"a":1}', object_hook=lambda d: sorted(d)))
print(issubclass(json.JSONDecodeError, ValueError), json.decoder.JSONDecodeError is json.JSONDecodeError)
from json.decoder import JSONDecodeError
print(JSONDecodeError.__name__)
try: json.loads(5)
except TypeError as e: print(e)
