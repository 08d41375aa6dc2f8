"""A fake adapter for the CLI's live-output tests; its behaviour is the first argument.

hang:  says hello, then reads every request and never answers
die:   reads the hello, complains on stderr and exits 2 without one
crash: says hello, exits 3 at its first request
"""
import json
import sys

HELLO = {"type": "hello", "protocol": 1, "name": "peer", "version": "0",
         "capabilities": {"kinds": ["context"], "widths": {"min": 1, "max": 64}, "contexts": 16,
                          "stream_addresses": 16, "queue": 16, "nodes": 1,
                          "ops": ["init", "load", "accum", "read", "swap", "count"]}}

mode = sys.argv[1]
if not sys.stdin.readline():
    sys.exit(0)
if mode == "die":
    sys.stderr.write("peer: cannot initialise the device\n")
    sys.exit(2)
sys.stdout.write(json.dumps(HELLO) + "\n")
sys.stdout.flush()
for line in sys.stdin:
    if json.loads(line).get("type") == "bye":
        break
    if mode == "crash":
        sys.stderr.write("peer: crashing on purpose\n")
        sys.exit(3)
