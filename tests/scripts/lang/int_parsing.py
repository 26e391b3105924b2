# int(text, base): signs, underscores, base prefixes, the int64 edges, Unicode digits and the errors.
for s in ["0", "-0", "+7", "007", "1_000", " 42 ", "-9223372036854775808", "9223372036854775807", "9223372036854775808", "123456789012345678", "0x1F", "0b101", "0o17", "-+5", "1__0", "_1", "1_", "", " ", "12a", "٣٤"]:
    for base in (10, 0, 16):
        try:
            print(repr(s), base, int(s, base))
        except ValueError as e:
            print(repr(s), base, "ValueError", e)

# Short plain digits take a shortcut: its edges, and the prefixes in either case.
for s in ["-", "-007", "999999999999999999", "-999999999999999999", "1234567890123456789", "0X1f", "0B1", "0O7", "0x", "0_7", "00", "5\n"]:
    for base in (10, 0, 16):
        try:
            print(repr(s), base, int(s, base), int(s) if base == 10 else "")
        except ValueError as e:
            print(repr(s), base, "ValueError", e)
