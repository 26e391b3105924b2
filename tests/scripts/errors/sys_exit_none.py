# sys.exit() with no argument and SystemExit(None) exit with status 0.
import sys

print("exit with no argument")
sys.exit()
