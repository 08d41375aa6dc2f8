"""Shared plumbing for the misbehaving fake adapters used by ProcessAdapter's fault tests.

Each fake imports this module, answers the handshake (or not), and overrides how one request is
answered. A well-formed answer is a trivially shaped reply: the fakes test the transport, not ATOMiK.
"""
import json
import sys

HELLO = {"type": "hello", "protocol": 1, "name": "fake", "version": "0",
         "capabilities": {"kinds": ["context", "table", "stream", "wire"], "widths": {"min": 1, "max": 64},
                          "contexts": 16, "stream_addresses": 16, "queue": 16, "nodes": 1,
                          "ops": ["init", "load", "accum", "read", "swap", "count"]}}

VALUE_OPS = {"read", "swap", "count", "epoch", "pending"}


def well_formed(request):
    """A reply of the right shape for the request's op (the value is always 0)."""
    op = request.get("op")
    if op in VALUE_OPS:
        return {"in_reply_to": request["id"], "value": "0x0"}
    return {"in_reply_to": request["id"], "ok": True}


def send(obj_or_text):
    text = obj_or_text if isinstance(obj_or_text, str) else json.dumps(obj_or_text)
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def requests(send_hello=True):
    """Yields (index, request) for every request after the handshake, index counting from 0."""
    first = sys.stdin.readline()
    if not first:
        return
    if send_hello:
        send(HELLO)
    index = 0
    for line in sys.stdin:
        request = json.loads(line)
        if request.get("type") == "bye":
            return
        yield index, request
        index += 1
