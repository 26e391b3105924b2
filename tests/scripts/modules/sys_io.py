# Interleaving print with sys.stdout.write and output to stderr via print(file=sys.stderr).
import sys

sys.stdout.write("partial ")
print("line")
print("error line 1", file=sys.stderr)
sys.stdout.write("a" + "b" * 3 + "\n")
sys.stderr.write("error line 2\n")
for i in range(3):
    sys.stdout.write(str(i))
sys.stdout.write("\n")
print("end", end="!\n", file=sys.stdout)
print(sys.stdout.write(""), sys.stderr.write(""))
