#!/usr/bin/env python3
"""A partial ATOMiK implementation: its stream has no SWAP and shows neither epoch nor queue length.

Like many real libraries, its contexts and tables are complete (SWAP included) while its DeltaStream
only loads, accumulates, reads, counts, drains and applies. Protocol 2 says exactly that, kind by kind,
so the runner runs every trace whose subject it has: `check` steps on streams compare state and count
and report epoch/pending as "not observed"; traces that need stream SWAP (or whose subject is the
epoch) are skipped with the missing capability as the reason.

    ./atomik conformance run --adapter 'process:python3 samples/partial/stream_no_swap.py'

It reuses the complete Python sample for the model and answers UNSUPPORTED to what it does not declare.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
import atomik_adapter as full  # noqa: E402

STATEFUL = ["init", "load", "accum", "rollback", "read", "swap", "count"]
STREAM = ["init", "load", "accum", "rollback", "read", "count", "drain", "apply"]

full.NAME, full.VERSION = "atomik-py-stream-no-swap", "0.2.0"
full.CAPABILITIES = {
    "widths": {"min": 1, "max": 64},
    "nodes": 1,
    "kinds": {
        "context": {"ops": STATEFUL},
        "table": {"ops": STATEFUL + ["merge"], "contexts": 1024},
        "stream": {"ops": STREAM, "observe": ["state", "count"],
                   "bounds": {"addresses": full.DEFAULT_STREAM_ADDRESSES, "queue": full.DEFAULT_QUEUE}},
        "wire": {"ops": ["encode", "decode"]},
    },
}

_handle = full.Adapter.handle


def handle(self, request):
    """Stream ops this library lacks are refused, as a real one would."""
    if isinstance(self.target, full.DeltaStream) and request.get("op") not in STREAM + ["reset", "encode", "decode"]:
        raise full.Unsupported(f"this stream has no {request.get('op')}")
    if request.get("op") in ("put", "get", "receive"):
        raise full.Unsupported("no cache")
    return _handle(self, request)


full.Adapter.handle = handle

if __name__ == "__main__":
    try:
        full.main()
    except full.BadLine as bad:
        print(f"{full.NAME}: {bad}; stopping", file=sys.stderr)
        sys.exit(2)
