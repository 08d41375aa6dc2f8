"""Answers requests 0..k-1, then exits with status 3 on request k (k is the first argument)."""
import sys
import fakepeer

k = int(sys.argv[1])
for index, request in fakepeer.requests():
    if index == k:
        sys.stderr.write(f"fake: crashing on purpose at request {k}\n")
        sys.exit(3)
    fakepeer.send(fakepeer.well_formed(request))
