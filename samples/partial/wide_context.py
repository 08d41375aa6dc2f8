#!/usr/bin/env python3
"""A partial ATOMiK implementation with wide words: a single context of any width from 1 to 256 bits.

VAL-WIDE-1 puts words wider than 64 bits outside the wire format, not outside conformance: such an
implementation runs every context trace of the widths it declares (1..64 included) and skips the
traces that expect width 65 to be rejected, since for it width 65 is legal. Standard library only;
Python integers have no width, so masking is the whole story (VAL-MASK-1).

    ./atomik conformance run --adapter 'process:python3 samples/partial/wide_context.py'
"""
import json
import sys

MAX_WIDTH = 256
HELLO = {"type": "hello", "protocol": 2, "name": "atomik-wide-context", "version": "0.2.0",
         "capabilities": {"widths": {"min": 1, "max": MAX_WIDTH},
                          "kinds": {"context": {"ops": ["init", "load", "accum", "rollback", "read", "swap",
                                                        "count"]}}}}


class Failure(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


class Context:
    def __init__(self, width):
        if not isinstance(width, int) or isinstance(width, bool) or not 1 <= width <= MAX_WIDTH:
            raise Failure("BAD_WIDTH")
        self.mask = (1 << width) - 1
        self.ref = self.acc = self.count = 0


def value(request, name):
    text = request.get(name)
    if not isinstance(text, str) or not text.lower().startswith("0x"):
        raise Failure("UNSUPPORTED")
    return int(text, 16)


def answer(state, request):
    op = request.get("op")
    if op == "reset":
        state.clear()
        return {"ok": True}
    if op == "init":
        if request.get("kind") != "context":
            raise Failure("UNSUPPORTED")
        state["ctx"] = Context(request.get("width"))
        return {"ok": True}
    ctx = state.get("ctx")
    if ctx is None:
        raise Failure("UNSUPPORTED")
    if op == "load":
        ctx.ref, ctx.acc, ctx.count = value(request, "value") & ctx.mask, 0, 0
        return {"ok": True}
    if op in ("accum", "rollback"):
        ctx.acc ^= value(request, "delta") & ctx.mask
        ctx.count += 1
        return {"ok": True}
    if op == "read":
        return {"value": hex(ctx.ref ^ ctx.acc)}
    if op == "count":
        return {"value": hex(ctx.count)}
    if op == "swap":
        before = ctx.ref ^ ctx.acc
        ctx.ref = value(request, "value") & ctx.mask if "value" in request else before
        ctx.acc = ctx.count = 0
        return {"value": hex(before)}
    raise Failure("UNSUPPORTED")


def main():
    state = {}
    for line in sys.stdin:
        request = json.loads(line)
        if request.get("type") == "hello":
            print(json.dumps(HELLO), flush=True)
            continue
        if request.get("type") == "bye":
            return
        try:
            reply = answer(state, request)
        except Failure as failure:
            reply = {"error": failure.code}
        reply["in_reply_to"] = request["id"]
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()
