"""Answers the hello with a reply line instead of a hello."""
import sys
import fakepeer

sys.stdin.readline()
fakepeer.send({"in_reply_to": 0, "ok": True})
for line in sys.stdin:
    pass
