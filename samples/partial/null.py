#!/usr/bin/env python3
"""The do-nothing implementation: it declares everything and answers every operation with zero.

It exists to prove the suite honest: a core that answers 0 (ok, value 0x0, a message of zeros, no
messages, sixteen zero bytes) and never an error must pass no trace. The conformance tests run it and
assert exactly that; `--adapter mutant:null` and `--adapter rtl:null` are the same idea in process
and in Verilog.
"""
import json
import sys

HELLO = {"type": "hello", "protocol": 2, "name": "atomik-null", "version": "0",
         "capabilities": {"widths": {"min": 1, "max": 64}, "nodes": 16, "kinds": {
             "context": {"ops": ["init", "load", "accum", "rollback", "read", "swap", "count"]},
             "table": {"ops": ["init", "load", "accum", "rollback", "read", "swap", "count", "merge"],
                       "contexts": 1 << 20},
             "stream": {"ops": ["init", "load", "accum", "rollback", "read", "swap", "count", "epoch", "pending",
                                "drain", "apply"], "bounds": {"addresses": 1024, "queue": 4096}},
             "wire": {"ops": ["encode", "decode"]},
             "cache": {"ops": ["init", "load", "swap", "put", "get", "receive"], "capacity": True}}}}
ZERO_MESSAGE = {"addr": "0x0", "delta": "0x0", "seq": "0x0"}


def answer(request, kind):
    op = request.get("op")
    if op in ("read", "swap", "count", "epoch", "pending", "get"):
        return {"value": "0x0"}
    if op == "decode" or op == "put" or (op in ("accum", "rollback") and kind == "stream"):
        return {"message": ZERO_MESSAGE}
    if op == "drain":
        return {"messages": []}
    if op == "encode":
        return {"bytes": "00" * 16}
    return {"ok": True}


def main():
    kind = None  # the reply shape of accum depends on what init created
    for line in sys.stdin:
        request = json.loads(line)
        if request.get("type") == "hello":
            print(json.dumps(HELLO), flush=True)
            continue
        if request.get("type") == "bye":
            return
        if request.get("op") == "init":
            kind = request.get("kind")
        reply = answer(request, kind)
        reply["in_reply_to"] = request["id"]
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()
