"""Answers every operation with an error code that is not in spec/errors.md (the reset with ok)."""
import fakepeer

for _, request in fakepeer.requests():
    if request.get("op") == "reset":
        fakepeer.send({"in_reply_to": request["id"], "ok": True})
    else:
        fakepeer.send({"in_reply_to": request["id"], "error": "OOPS"})
