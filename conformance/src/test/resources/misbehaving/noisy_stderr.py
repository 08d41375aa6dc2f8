"""Writes about 2 MB to stderr before each answer: the runner must drain stderr or both sides block."""
import sys
import fakepeer

for index, request in fakepeer.requests():
    for line in range(20000):
        sys.stderr.write(f"fake log line {index}.{line} " + "x" * 80 + "\n")
    fakepeer.send(fakepeer.well_formed(request))
