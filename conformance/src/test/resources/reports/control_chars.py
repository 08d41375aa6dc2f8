"""An adapter whose name, stderr and replies carry ANSI colour sequences and raw control bytes.

The reports must stay readable: JUnit XML well-formed, JSON valid. Context traces get a read reply
that is not hex, stream traces crash after writing raw bytes 0x00-0x1f to stderr, table traces get an
error code that is not one, everything else is answered ok.
"""
import json
import sys

RAW = bytes(b for b in range(0x20) if b != 0x0A)
ANSI = "\x1b[31mred\x1b[0m"


def send(text):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def noise(where):
    sys.stderr.buffer.write(ANSI.encode() + b" " + where.encode() + b" " + RAW + b"\n")
    sys.stderr.flush()


if not sys.stdin.readline():
    sys.exit(0)
noise("starting")
# json.dumps escapes the controls (\u001b), so the line is valid JSON; the lone surrogate is written as
# an escape too, so the name the runner decodes holds one.
name = json.dumps("fake " + ANSI + "\x00\x07\x1f")[:-1] + '\\ud800"'
send('{"type":"hello","protocol":1,"name":' + name + ',"version":' + json.dumps("0\x1b[1m") + ','
     '"capabilities":{"kinds":["context","table","stream","wire"],"widths":{"min":1,"max":64},'
     '"contexts":16,"stream_addresses":16,"queue":16,"nodes":1,'
     '"ops":["init","load","accum","read","swap","count","merge","drain","encode","decode","check"]}}')
kind = None
for line in sys.stdin:
    request = json.loads(line)
    if request.get("type") == "bye":
        break
    rid = request["id"]
    op = request.get("op")
    if op == "init":
        kind = request.get("kind")
    if kind == "stream":
        noise("crashing")
        sys.exit(3)
    if kind == "context" and op == "read":
        send(json.dumps({"in_reply_to": rid, "value": "0x\x1b[31m1\x00"}))
    elif kind == "table" and op == "init":
        send(json.dumps({"in_reply_to": rid, "error": "\x1b[1mNOPE\x07"}))
    elif op in ("read", "swap", "count"):
        send(json.dumps({"in_reply_to": rid, "value": "0x0"}))
    else:
        send(json.dumps({"in_reply_to": rid, "ok": True}))
