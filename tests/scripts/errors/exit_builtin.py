# The exit() built-in raises SystemExit; it can be caught, and an uncaught one ends the script.
try:
    exit(7)
except SystemExit as e:
    print("caught SystemExit", e.code)
print("exiting for real")
exit(5)
