# os and os.path basics: path manipulation, existence queries, errors, directories, environment.
import os, os.path
from os.path import join, splitext
print(os.sep, os.name, os.path is os.path, type(os.getcwd()).__name__)
for p in ["a/b/c.txt", "/usr/lib/", "noext", ".bashrc", "a/.b.tar.gz", "", "/", "//x", "a//b/../c/./d"]:
    print(repr(p), os.path.split(p), os.path.splitext(p), os.path.basename(p), os.path.dirname(p), os.path.normpath(p))
print(join("a", "b", "/c", "d"), join("a/", "b"), os.path.isabs("/x"), os.path.isabs("x"))
print(os.path.exists("os_path_basics.py"), os.path.isfile("os_path_basics.py"), os.path.isdir("."), os.path.exists("nope/nope"))
print(os.path.abspath("x/../y") == os.path.join(os.getcwd(), "y"))
print(os.path.expanduser("~/x") == os.environ["HOME"] + "/x")
try:
    os.remove("definitely_missing_file")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e)
os.mkdir("tmp_os_dir")
print("tmp_os_dir" in os.listdir("."))
os.rmdir("tmp_os_dir")
print(os.getenv("NOPE_NOT_SET", "dflt"), isinstance(os.getpid(), int))
try:
    os.path.getsize("nope")
except FileNotFoundError as e:
    print(e)
