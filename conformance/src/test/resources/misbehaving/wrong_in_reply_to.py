"""Answers request 0 properly, then replies with in_reply_to off by one."""
import fakepeer

for index, request in fakepeer.requests():
    reply = fakepeer.well_formed(request)
    if index > 0:
        reply["in_reply_to"] = request["id"] + 1
    fakepeer.send(reply)
