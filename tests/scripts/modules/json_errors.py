# json_errors
import json
for s in ['', ' ', '[1,]', '{"a":1,}', '{', '{"a"', '{"a":1', '[1', '"abc', '"a\\', '"a\\x"', '"\\u12"', '"\\u12x4"', '"a\nb"', '01', '1.', '-', '-x', 'nul', 'tru', '[1] x', '{1:2}', '[1,\n2,\n  x]', '1e5', '-0', '-0.0', '1E+2', '\ufeff1', '[] ', 'NaN', '-Infinity', '"\\ud834\\udd1e"', '{"a" 1}', '[1 2]']:
    try:
        r = json.loads(s); print(repr(s), '->', repr(r))
    except json.JSONDecodeError as e:
        print(repr(s), 'ERR', e, '|', e.msg, e.pos, e.lineno, e.colno)
