#!/usr/bin/env python3
"""ATOMiK sample adapter in Python 3.11, standard library only.

A complete implementation of the ATOMiK model (contexts, tables, DeltaStreams and the 16-byte wire
format, widths 1..64) speaking the adapter protocol (spec/adapter-protocol.md) on stdin/stdout.
It is meant as a starting point: copy it, replace the model classes with calls into your own
implementation, and run

    ./atomik conformance run --adapter 'process:python3 samples/python/atomik_adapter.py'

Protocol in one paragraph: every line is one JSON object. The runner sends a hello, we answer with
our capabilities; then each request {"id":N,"op":...} gets exactly one reply {"in_reply_to":N,...}
in request order; {"type":"bye"} or end of input ends the conversation. Logs go to stderr only.

Speed: the runner pipelines (sends a whole trace before reading replies), so we read stdin in large
chunks, answer every complete line in the chunk, and write and flush all those replies at once
before the next read, which is the only place we can block. Flushing before every blocking read is
also what makes deadlock impossible: the runner always has every answer to what it has sent.
"""
import json
import os
import sys

NAME, VERSION = "atomik-py", "0.2.0"
U32_MAX = 0xFFFF_FFFF
DEFAULT_STREAM_ADDRESSES = 1024  # STR-CAP-1: bounds we declare, and use when init gives none
DEFAULT_QUEUE = 4096
MAX_CONTEXTS = 1 << 20  # largest table we promise to hold (three Python lists of N ints)
MAX_NODES = 16  # cache nodes one process hosts (spec/trace-format-multinode.md)

# Protocol 2 (spec/adapter-protocol.md): ops per kind, so a partial implementation declares exactly
# what each kind has; `observe` defaults to the check fields whose op the kind declares.
STATEFUL_OPS = ["init", "load", "accum", "rollback", "read", "swap", "count"]
CAPABILITIES = {
    "widths": {"min": 1, "max": 64},
    "nodes": MAX_NODES,
    "kinds": {
        "context": {"ops": STATEFUL_OPS},
        "table": {"ops": STATEFUL_OPS + ["merge"], "contexts": MAX_CONTEXTS},
        "stream": {"ops": STATEFUL_OPS + ["epoch", "pending", "drain", "apply"],
                   "bounds": {"addresses": DEFAULT_STREAM_ADDRESSES, "queue": DEFAULT_QUEUE}},
        "wire": {"ops": ["encode", "decode"]},
        "cache": {"ops": ["init", "load", "swap", "put", "get", "receive"], "capacity": True},
    },
}


class AtomikError(Exception):
    """A failed operation, reported as one of the codes of spec/errors.md (ERR-CODES-1)."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


class Unsupported(Exception):
    """A request we cannot map (an op before init, an op the current kind lacks): answered UNSUPPORTED."""


def mask_of(width):
    """VAL-WIDTH-1: 1 <= W <= 64, else BAD_WIDTH. VAL-MASK-1: inputs are masked to W bits."""
    if not isinstance(width, int) or isinstance(width, bool) or not 1 <= width <= 64:
        raise AtomikError("BAD_WIDTH")
    return (1 << width) - 1


# ---------------------------------------------------------------------------------------------
# The model. Every method either succeeds or raises AtomikError having changed nothing
# (ERR-ATOMIC-1): all checks come before the first assignment.
# ---------------------------------------------------------------------------------------------

class Context:
    """spec/context.md: reference R, accumulator A, delta count C; the state is R xor A."""

    def __init__(self, width):
        self.mask = mask_of(width)
        self.ref = self.acc = self.count = 0  # CTX-INIT-1

    def load(self, value):  # CTX-LOAD-1
        self.ref, self.acc, self.count = value & self.mask, 0, 0

    def accum(self, delta):  # CTX-ACCUM-1; ROLLBACK is the same operation (CTX-ROLLBACK-1)
        self.acc ^= delta & self.mask
        self.count += 1

    def read(self):  # CTX-READ-1
        return self.ref ^ self.acc

    def swap(self, value=None):  # CTX-SWAP-1, CTX-SWAP-2
        state = self.ref ^ self.acc
        self.ref = state if value is None else value & self.mask
        self.acc = self.count = 0
        return state


class Table:
    """spec/table.md: N independent contexts at addresses 0..N-1, held as three parallel lists."""

    def __init__(self, width, size):
        self.mask = mask_of(width)  # ERR-ORDER-1: width before size
        if not isinstance(size, int) or isinstance(size, bool) or size < 1:
            raise AtomikError("BAD_SIZE")  # TBL-SIZE-1
        if size > MAX_CONTEXTS:
            raise Unsupported(f"table of {size} contexts; we declared at most {MAX_CONTEXTS}")
        self.refs, self.accs, self.counts = [0] * size, [0] * size, [0] * size

    def index(self, addr):  # TBL-ADDR-1
        if addr >= len(self.refs):
            raise AtomikError("ADDRESS_OUT_OF_RANGE")
        return addr

    def load(self, addr, value):
        i = self.index(addr)
        self.refs[i], self.accs[i], self.counts[i] = value & self.mask, 0, 0

    def accum(self, addr, delta):
        i = self.index(addr)
        self.accs[i] ^= delta & self.mask
        self.counts[i] += 1

    def read(self, addr):
        i = self.index(addr)
        return self.refs[i] ^ self.accs[i]

    def swap(self, addr, value=None):
        i = self.index(addr)
        state = self.refs[i] ^ self.accs[i]
        self.refs[i] = state if value is None else value & self.mask
        self.accs[i] = self.counts[i] = 0
        return state

    def merge(self, dst, src):  # CTX-MERGE-1: read the source before writing (dst may equal src)
        d, s = self.index(dst), self.index(src)
        acc, count = self.accs[s], self.counts[s]
        self.accs[d] ^= acc
        self.counts[d] += count

    def count(self, addr):
        return self.counts[self.index(addr)]


def check_stream_address(addr):  # STR-SPARSE-1
    if addr > U32_MAX:
        raise AtomikError("ADDRESS_OUT_OF_RANGE")


class DeltaStream:
    """spec/stream.md: a sparse u32 address space, an epoch, a seq counter and an outbound queue."""

    def __init__(self, width, addresses, queue):
        self.mask = mask_of(width)
        for bound in (addresses, queue):
            if not isinstance(bound, int) or isinstance(bound, bool) or bound < 1:
                raise AtomikError("BAD_SIZE")
        self.cells = {}  # addr -> [ref, acc, count]; an untouched address reads as 0
        self.max_addresses, self.max_queue = addresses, queue
        self.epoch = self.last_seq = 0
        self.queue = []  # (addr, delta, seq) in issue order

    def cell(self, addr):
        """The cell of a valid address, created if needed; CAPACITY_EXCEEDED when full (STR-CAP-1)."""
        check_stream_address(addr)
        cell = self.cells.get(addr)
        if cell is None:
            if len(self.cells) >= self.max_addresses:
                raise AtomikError("CAPACITY_EXCEEDED")
            cell = self.cells[addr] = [0, 0, 0]
        return cell

    def load(self, addr, value):  # STR-LOAD-1: a new epoch, no message
        cell = self.cell(addr)
        cell[0], cell[1], cell[2] = value & self.mask, 0, 0
        self.epoch += 1

    def swap(self, addr, value=None):  # STR-SWAP-1
        cell = self.cell(addr)
        state = cell[0] ^ cell[1]
        cell[0], cell[1], cell[2] = (state if value is None else value & self.mask), 0, 0
        self.epoch += 1
        return state

    def accum(self, addr, delta):  # STR-ACCUM-1, STR-SEQ-1; every check before any change
        check_stream_address(addr)
        if addr not in self.cells and len(self.cells) >= self.max_addresses:
            raise AtomikError("CAPACITY_EXCEEDED")
        if len(self.queue) >= self.max_queue:
            raise AtomikError("CAPACITY_EXCEEDED")
        if self.last_seq == U32_MAX:
            raise AtomikError("SEQ_EXHAUSTED")
        cell = self.cell(addr)
        masked = delta & self.mask
        cell[1] ^= masked
        cell[2] += 1
        self.last_seq += 1
        self.queue.append((addr, masked, self.last_seq))
        return addr, masked, self.last_seq

    def read(self, addr):
        check_stream_address(addr)
        cell = self.cells.get(addr)
        return 0 if cell is None else cell[0] ^ cell[1]

    def count(self, addr):
        check_stream_address(addr)
        cell = self.cells.get(addr)
        return 0 if cell is None else cell[2]

    def drain(self):  # STR-DRAIN-1
        drained, self.queue = self.queue, []
        return drained

    def apply(self, addr, delta, seq):  # STR-APPLY-1: no message, no seq, no epoch change
        check_message(addr, seq)  # a peer's message must be a valid message first (WIRE-RANGE-1)
        cell = self.cell(addr)
        cell[1] ^= delta & self.mask
        cell[2] += 1


class CacheNode:
    """spec/replication.md, REP-CACHE-1: one node of the replicated cache. put LOADs locally and
    returns the message (addr, old xor new, next seq) for the peers; receive is APPLY. No
    de-duplication here: the delivery layer (the runner, in a trace) filters repeats (NG-DUP-1)."""

    def __init__(self, width, capacity=DEFAULT_STREAM_ADDRESSES):
        self.mask = mask_of(width)  # BAD_WIDTH first (ERR-ORDER-1)
        if not isinstance(capacity, int) or capacity < 1:
            raise AtomikError("BAD_SIZE")
        self.capacity = capacity  # the keys this node can hold (init's "capacity")
        self.cells = {}  # addr -> [ref, acc]; an untouched key reads as 0
        self.last_seq = 0

    def cell(self, addr):
        check_stream_address(addr)
        cell = self.cells.get(addr)
        if cell is None:
            if len(self.cells) >= self.capacity:
                raise AtomikError("CAPACITY_EXCEEDED")
            cell = self.cells[addr] = [0, 0]
        return cell

    def put(self, addr, value):  # every check before any change (ERR-ATOMIC-1)
        check_stream_address(addr)
        if addr not in self.cells and len(self.cells) >= self.capacity:
            raise AtomikError("CAPACITY_EXCEEDED")
        if self.last_seq == U32_MAX:
            raise AtomikError("SEQ_EXHAUSTED")
        cell = self.cell(addr)
        old, new = cell[0] ^ cell[1], value & self.mask
        cell[0], cell[1] = new, 0
        self.last_seq += 1
        return addr, old ^ new, self.last_seq

    def get(self, addr):
        check_stream_address(addr)
        cell = self.cells.get(addr)
        return 0 if cell is None else cell[0] ^ cell[1]

    def load(self, addr, value):  # local LOAD, sends nothing (REP-REPAIR-1)
        cell = self.cell(addr)
        cell[0], cell[1] = value & self.mask, 0

    def swap(self, addr, value):  # NG-SWAP-1: local, no message, no seq
        cell = self.cell(addr)
        state = cell[0] ^ cell[1]
        cell[0], cell[1] = value & self.mask, 0
        return state

    def receive(self, addr, delta):  # APPLY of a peer's message
        cell = self.cell(addr)
        cell[1] ^= delta & self.mask


class Cache:
    """Several cache nodes in one process, by name; requests name their node."""

    def __init__(self, width, names, capacity):
        if not isinstance(names, list) or not 1 <= len(names) <= MAX_NODES:
            raise Unsupported(f"nodes must be a list of 1..{MAX_NODES} names, got {names!r}")
        self.nodes = {name: CacheNode(width, capacity) for name in names}

    def node(self, request):
        node = self.nodes.get(request.get("node"))
        if node is None:
            raise Unsupported(f"no node {request.get('node')!r} (init created {list(self.nodes)})")
        return node


# ---------------------------------------------------------------------------------------------
# The wire format (spec/wire.md): addr u32, delta u64, seq u32, big-endian, 16 bytes.
# ---------------------------------------------------------------------------------------------

def check_message(addr, seq):  # WIRE-RANGE-1
    if addr > U32_MAX or not 1 <= seq <= U32_MAX:
        raise AtomikError("VALUE_OUT_OF_RANGE")


def encode(addr, delta, seq):  # WIRE-LEN-1, WIRE-FIELDS-1
    check_message(addr, seq)
    return "%08x%016x%08x" % (addr, delta, seq)


def decode(hex_bytes):  # WIRE-LEN-2, WIRE-RANGE-1
    if len(hex_bytes) != 32:
        raise AtomikError("BAD_LENGTH")
    addr, delta, seq = int(hex_bytes[0:8], 16), int(hex_bytes[8:24], 16), int(hex_bytes[24:32], 16)
    check_message(addr, seq)
    return addr, delta, seq


# ---------------------------------------------------------------------------------------------
# Requests to model calls. Each handler returns the reply's result member as JSON text.
# ---------------------------------------------------------------------------------------------

def hex_operand(request, name):
    """VAL-HEX-1: "0x" and 1 to 16 hex digits, read as an unsigned 64-bit number."""
    text = request.get(name)
    if not isinstance(text, str) or not 3 <= len(text) <= 18 or text[:2] != "0x":
        raise Unsupported(f"{name} must be a hex string like \"0x2a\", got {text!r}")
    try:
        return int(text[2:], 16)
    except ValueError:
        raise Unsupported(f"{name} must be a hex string like \"0x2a\", got {text!r}") from None


def message_json(addr, delta, seq):
    return '{"addr":"0x%x","delta":"0x%x","seq":"0x%x"}' % (addr, delta, seq)


OK = '"ok":true'


class Adapter:
    """Holds the object the last successful init created and maps requests onto it."""

    def __init__(self):
        self.target = None  # a Context, Table or DeltaStream
        self.handlers = {
            "reset": self.reset, "init": self.init, "encode": self.encode, "decode": self.decode,
            "load": self.load, "accum": self.accum, "rollback": self.accum, "read": self.read,
            "swap": self.swap, "merge": self.merge, "count": self.count, "epoch": self.epoch,
            "pending": self.pending, "drain": self.drain, "apply": self.apply,
            "put": self.put, "get": self.get, "receive": self.receive,
        }

    def handle(self, request):
        handler = self.handlers.get(request.get("op"))
        if handler is None:
            raise Unsupported(f"unknown op {request.get('op')!r}")
        return handler(request)

    def expect(self, *kinds):
        """The current object, if it is one of the kinds this op applies to."""
        if not isinstance(self.target, kinds):
            raise Unsupported("this op needs a " + " or ".join(k.__name__ for k in kinds)
                              + (", but nothing was initialised" if self.target is None else
                                 f", not a {type(self.target).__name__}"))
        return self.target

    def reset(self, request):
        self.target = None
        return OK

    def init(self, request):
        kind, width = request.get("kind"), request.get("width")
        if kind == "context":
            created = Context(width)
        elif kind == "table":
            created = Table(width, request.get("size"))
        elif kind == "stream":
            created = DeltaStream(width, request.get("addresses", DEFAULT_STREAM_ADDRESSES),
                                  request.get("queue", DEFAULT_QUEUE))
        elif kind == "cache":
            created = Cache(width, request.get("nodes"), request.get("capacity", DEFAULT_STREAM_ADDRESSES))
        else:
            raise Unsupported(f"init of kind {kind!r}")
        self.target = created  # only after success: a failed init keeps the old object
        return OK

    def load(self, request):
        if isinstance(self.target, Cache):
            self.target.node(request).load(hex_operand(request, "addr"), hex_operand(request, "value"))
            return OK
        target = self.expect(Context, Table, DeltaStream)
        if isinstance(target, Context):
            target.load(hex_operand(request, "value"))
        else:
            target.load(hex_operand(request, "addr"), hex_operand(request, "value"))
        return OK

    def accum(self, request):  # also rollback: XOR is its own inverse (CTX-ROLLBACK-1)
        target = self.expect(Context, Table, DeltaStream)
        delta = hex_operand(request, "delta")
        if isinstance(target, Context):
            target.accum(delta)
            return OK
        if isinstance(target, Table):
            target.accum(hex_operand(request, "addr"), delta)
            return OK
        return '"message":' + message_json(*target.accum(hex_operand(request, "addr"), delta))

    def read(self, request):
        target = self.expect(Context, Table, DeltaStream)
        value = target.read() if isinstance(target, Context) else target.read(hex_operand(request, "addr"))
        return '"value":"0x%x"' % value

    def swap(self, request):
        if isinstance(self.target, Cache):
            node = self.target.node(request)
            return '"value":"0x%x"' % node.swap(hex_operand(request, "addr"), hex_operand(request, "value"))
        target = self.expect(Context, Table, DeltaStream)
        value = hex_operand(request, "value") if "value" in request else None
        if isinstance(target, Context):
            return '"value":"0x%x"' % target.swap(value)
        return '"value":"0x%x"' % target.swap(hex_operand(request, "addr"), value)

    def merge(self, request):
        self.expect(Table).merge(hex_operand(request, "addr"), hex_operand(request, "from"))
        return OK

    def count(self, request):
        target = self.expect(Context, Table, DeltaStream)
        count = target.count if isinstance(target, Context) else target.count(hex_operand(request, "addr"))
        return '"value":"0x%x"' % count

    def epoch(self, request):
        return '"value":"0x%x"' % self.expect(DeltaStream).epoch

    def pending(self, request):
        return '"value":"0x%x"' % len(self.expect(DeltaStream).queue)

    def drain(self, request):
        drained = self.expect(DeltaStream).drain()
        return '"messages":[' + ",".join(message_json(*m) for m in drained) + "]"

    def apply(self, request):
        self.expect(DeltaStream).apply(hex_operand(request, "addr"), hex_operand(request, "delta"),
                                       hex_operand(request, "seq"))
        return OK

    def put(self, request):  # REP-CACHE-1
        node = self.expect(Cache).node(request)
        return '"message":' + message_json(*node.put(hex_operand(request, "addr"), hex_operand(request, "value")))

    def get(self, request):
        node = self.expect(Cache).node(request)
        return '"value":"0x%x"' % node.get(hex_operand(request, "addr"))

    def receive(self, request):  # the 16 wire bytes go through our decoder (WIRE-LEN-2, WIRE-RANGE-1)
        node = self.expect(Cache).node(request)
        text = request.get("bytes")
        if not isinstance(text, str) or any(c not in "0123456789abcdefABCDEF" for c in text):
            raise Unsupported(f"bytes must be hex digits, got {text!r}")
        addr, delta, _seq = decode(text)
        node.receive(addr, delta)
        return OK

    def encode(self, request):
        return '"bytes":"%s"' % encode(hex_operand(request, "addr"), hex_operand(request, "delta"),
                                       hex_operand(request, "seq"))

    def decode(self, request):
        text = request.get("bytes")
        if not isinstance(text, str) or len(text) % 2 or any(c not in "0123456789abcdefABCDEF" for c in text):
            raise Unsupported(f"bytes must be an even number of hex digits, got {text!r}")
        return '"message":' + message_json(*decode(text))


# ---------------------------------------------------------------------------------------------
# The protocol loop.
# ---------------------------------------------------------------------------------------------

def hello_line():
    return json.dumps({"type": "hello", "protocol": 2, "name": NAME, "version": VERSION,
                       "capabilities": CAPABILITIES}, separators=(",", ":"))


class BadLine(Exception):
    """A request line that is not a JSON object with an id: the runner is broken, so we stop."""


def answer(adapter, line):
    """The reply line for one request line, or None when the conversation is over (bye)."""
    try:
        request = json.loads(line)
    except ValueError as error:
        raise BadLine(f"not JSON ({error}): {line[:80]!r}") from None
    if not isinstance(request, dict):
        raise BadLine(f"not a JSON object: {line[:80]!r}")
    if "type" in request:
        if request["type"] == "hello":
            return hello_line()
        if request["type"] == "bye":
            return None
        raise BadLine(f"unknown message type {request['type']!r}")
    if "id" not in request:
        raise BadLine(f"a request without an id: {line[:80]!r}")
    request_id = request["id"]
    try:
        result = adapter.handle(request)
    except AtomikError as error:
        result = '"error":"%s"' % error.code
    except Unsupported as why:
        print(f"{NAME}: request {request_id}: {why}; answering UNSUPPORTED", file=sys.stderr)
        result = '"error":"UNSUPPORTED"'
    return '{"in_reply_to":%s,%s}' % (json.dumps(request_id), result)


def main():
    adapter = Adapter()
    stdin, stdout = sys.stdin.fileno(), sys.stdout.buffer
    pending = b""
    while True:
        chunk = os.read(stdin, 1 << 16)  # the only blocking call; everything answered is flushed
        if not chunk:
            return
        *lines, pending = (pending + chunk).split(b"\n")
        replies = []
        try:
            for line in lines:
                reply = answer(adapter, line)
                if reply is None:  # bye
                    return
                replies.append(reply)
        finally:  # one write and one flush per chunk, also on bye or a bad line
            if replies:
                stdout.write("".join(r + "\n" for r in replies).encode())
                stdout.flush()


if __name__ == "__main__":
    try:
        main()
    except BadLine as bad:
        sys.stdout.flush()
        print(f"{NAME}: {bad}; stopping", file=sys.stderr)
        sys.exit(2)
