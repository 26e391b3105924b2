# sys.exit with an integer sets the exit status; finally blocks still run; nothing on stderr.
import sys

print("before exit")
try:
    sys.exit(3)
finally:
    print("finally runs during exit")
print("not reached")
