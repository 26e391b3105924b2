# SystemExit with a string: the message goes to stderr and the exit status is 1.
print("about to exit")
raise SystemExit("fatal: configuration missing")
