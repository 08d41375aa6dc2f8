#!/usr/bin/env python3
"""A partial ATOMiK implementation: an unbounded DeltaStream (and the wire format), nothing else.

STR-CAP-1 is a MAY: a stream need not bound its addresses or queue. This one never reports
CAPACITY_EXCEEDED (it ignores init's `addresses` and `queue`), and says so with `"bounds":"unbounded"`,
so the capacity traces are skipped with that reason instead of failing.

    ./atomik conformance run --adapter 'process:python3 samples/partial/stream_unbounded.py'
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))
import atomik_adapter as full  # noqa: E402

UNBOUNDED = 1 << 62  # no bound a trace can reach

full.NAME, full.VERSION = "atomik-py-stream-unbounded", "0.2.0"
full.CAPABILITIES = {
    "widths": {"min": 1, "max": 64},
    "kinds": {
        "stream": {"ops": ["init", "load", "accum", "rollback", "read", "swap", "count", "epoch", "pending",
                           "drain", "apply"],
                   "bounds": "unbounded"},
        "wire": {"ops": ["encode", "decode"]},
    },
}

_init = full.Adapter.init


def init(self, request):
    """Only streams; bounds a trace gives are accepted (BAD_SIZE still for a bound below 1) and not enforced."""
    if request.get("kind") != "stream":
        raise full.Unsupported(f"no {request.get('kind')}")
    for bound in ("addresses", "queue"):
        value = request.get(bound, 1)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise full.AtomikError("BAD_SIZE")
    return _init(self, dict(request, addresses=UNBOUNDED, queue=UNBOUNDED))


full.Adapter.init = init  # the handler table binds self.init per instance, so this is what runs

if __name__ == "__main__":
    try:
        full.main()
    except full.BadLine as bad:
        print(f"{full.NAME}: {bad}; stopping", file=sys.stderr)
        sys.exit(2)
