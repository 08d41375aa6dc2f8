"""Answers read with the value as a JSON number instead of a hex string (VAL-HEX-1)."""
import fakepeer

for _, request in fakepeer.requests():
    reply = fakepeer.well_formed(request)
    if "value" in reply:
        reply["value"] = 42
    fakepeer.send(reply)
