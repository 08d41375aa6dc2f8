#!/usr/bin/env python3
"""A software ATOMiK board speaking spec/serial-protocol.md on a serial device (or a pty).

Firmware authors can read it as a reference device; CI runs it on one end of a socat pty pair
and the serial adapter on the other. Fault modes make it misbehave on purpose, so the host's
resynchronisation and its TIMEOUT / FRAMING reports are tested:

  --garble-reply K   flip one byte of the K-th reply frame (1-based), once: the host must resync
  --drop-from K      from the K-th reply frame on (replays too), drop one byte of each: FRAMING
  --silent-after K   answer K requests, then read and ignore everything: host reports TIMEOUT

Python 3 standard library only.
"""
import argparse
import os
import struct
import sys
import termios
import tty

VERSION = 1
HELLO, RESET, INIT, LOAD, ACCUM, ROLLBACK, READ, SWAP, SWAP_SET, COUNT, MERGE = (
    0x01, 0x02, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18)
HELLO_OK, OK, VALUE, ERROR = 0x81, 0x90, 0x91, 0x9E
BAD_WIDTH, BAD_SIZE, ADDRESS_OUT_OF_RANGE, UNSUPPORTED = 1, 2, 3, 8
# Payload length of each request type (frames with another length are dropped as garbled).
PAYLOAD = {HELLO: 0, RESET: 0, INIT: 10, LOAD: 16, ACCUM: 16, ROLLBACK: 16, READ: 8, SWAP: 8,
           SWAP_SET: 16, COUNT: 8, MERGE: 16}
OPS_BITS = {"init": 0, "load": 1, "accum": 2, "rollback": 3, "read": 4, "swap": 5, "count": 6,
            "merge": 7}


def crc16(data):
    """CRC-16/CCITT-FALSE."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
    return crc


def cobs_encode(data):
    out = bytearray()
    block = bytearray()
    for byte in data:
        if byte == 0:
            out.append(len(block) + 1)
            out += block
            block = bytearray()
        else:
            block.append(byte)
            if len(block) == 254:
                out.append(255)
                out += block
                block = bytearray()
    out.append(len(block) + 1)
    out += block
    return bytes(out)


def cobs_decode(data):
    """The decoded packet, or None when data is not valid COBS (a block runs past the frame)."""
    out = bytearray()
    i = 0
    while i < len(data):
        code = data[i]
        if code == 0 or i + code > len(data):
            return None
        out += data[i + 1:i + code]
        i += code
        if code != 255 and i < len(data):
            out.append(0)
    return bytes(out)


class Table:
    """N contexts of width W: reference, accumulator, delta count (spec/context.md)."""

    def __init__(self, width, size):
        self.mask = (1 << width) - 1
        self.ref = [0] * size
        self.acc = [0] * size
        self.count = [0] * size


class Device:
    def __init__(self, max_width, contexts, ops):
        self.max_width = max_width
        self.contexts = contexts
        self.ops = ops
        self.table = Table(max_width, 1)

    def hello(self):
        mask = sum(1 << OPS_BITS[name] for name in self.ops)
        name, version = b"atomik-serial-emulator", b"1"
        # Protocol 2: one op mask per declared kind (context, then table), so a board can declare
        # SWAP on one kind and not the other; this emulator has the same ops on both.
        return HELLO_OK, (struct.pack(">BBBQBHH", 2, 1, self.max_width, self.contexts, 0b11, mask, mask)
                          + bytes([len(name)]) + name + bytes([len(version)]) + version)

    def execute(self, kind, payload):
        op = {INIT: "init", LOAD: "load", ACCUM: "accum", ROLLBACK: "rollback", READ: "read",
              SWAP: "swap", SWAP_SET: "swap", COUNT: "count", MERGE: "merge"}.get(kind)
        if kind == RESET:
            self.table = Table(self.max_width, 1)
            return OK, b""
        if op not in self.ops:
            return ERROR, bytes([UNSUPPORTED])
        if kind == INIT:
            table_kind, width, size = struct.unpack(">BBQ", payload)
            if width < 1 or width > 64:
                return ERROR, bytes([BAD_WIDTH])
            if table_kind == 2 and size < 1:
                return ERROR, bytes([BAD_SIZE])
            if table_kind not in (1, 2) or width > self.max_width or size > self.contexts:
                return ERROR, bytes([UNSUPPORTED])
            self.table = Table(width, size if table_kind == 2 else 1)
            return OK, b""
        t = self.table
        addr = struct.unpack(">Q", payload[:8])[0]
        second = struct.unpack(">Q", payload[8:16])[0] if len(payload) == 16 else None
        n = len(t.ref)
        if addr >= n or (kind == MERGE and second >= n):
            return ERROR, bytes([ADDRESS_OUT_OF_RANGE])
        if kind == LOAD:
            t.ref[addr], t.acc[addr], t.count[addr] = second & t.mask, 0, 0
        elif kind in (ACCUM, ROLLBACK):
            t.acc[addr] ^= second & t.mask
            t.count[addr] += 1
        elif kind == READ:
            return VALUE, struct.pack(">Q", t.ref[addr] ^ t.acc[addr])
        elif kind in (SWAP, SWAP_SET):
            state = t.ref[addr] ^ t.acc[addr]
            t.ref[addr] = state if kind == SWAP else second & t.mask
            t.acc[addr], t.count[addr] = 0, 0
            return VALUE, struct.pack(">Q", state)
        elif kind == COUNT:
            return VALUE, struct.pack(">Q", t.count[addr])
        elif kind == MERGE:
            src_acc, src_count = t.acc[second], t.count[second]
            t.acc[addr] ^= src_acc
            t.count[addr] += src_count
        return OK, b""


def log(message):
    print("emulator: " + message, file=sys.stderr, flush=True)


def send(fd, wire, sent, args):
    """Writes one reply frame through the fault modes; returns the new count of frames sent."""
    sent += 1
    if args.garble_reply and sent == args.garble_reply:
        wire = bytes([wire[0], wire[1] ^ 0x40]) + wire[2:]
        log("garbled reply frame %d" % sent)
    if args.drop_from and sent >= args.drop_from:
        wire = wire[:2] + wire[3:]     # the line lost a byte
    os.write(fd, wire)
    return sent


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", required=True, help="serial device or pty to serve")
    parser.add_argument("--max-width", type=int, default=64)
    parser.add_argument("--contexts", type=int, default=65536)
    parser.add_argument("--ops", default=",".join(OPS_BITS), help="comma-separated ops to implement")
    parser.add_argument("--garble-reply", type=int, default=0)
    parser.add_argument("--drop-from", type=int, default=0)
    parser.add_argument("--silent-after", type=int, default=0)
    args = parser.parse_args()

    fd = os.open(args.port, os.O_RDWR | os.O_NOCTTY)
    if os.isatty(fd):
        tty.setraw(fd, termios.TCSANOW)   # TCSANOW: keep bytes the host already sent
        attrs = termios.tcgetattr(fd)
        attrs[3] &= ~termios.ECHO
        termios.tcsetattr(fd, termios.TCSANOW, attrs)
    device = Device(args.max_width, args.contexts, set(args.ops.split(",")))
    last = None            # (seq, reply frame bytes) of the last executed request
    sent = 0               # reply frames written so far, replays included
    buffer = bytearray()
    log("serving " + args.port)
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break          # the other end of the pty closed
        if not chunk:
            break
        buffer += chunk
        while 0 in buffer:
            end = buffer.index(0)
            frame, buffer = bytes(buffer[:end]), buffer[end + 1:]
            if not frame:
                continue
            if args.silent_after and sent >= args.silent_after:
                continue
            packet = cobs_decode(frame)
            if packet is None or len(packet) < 5 or packet[0] != VERSION:
                log("dropped a garbled frame")
                continue
            body, crc = packet[:-2], struct.unpack(">H", packet[-2:])[0]
            seq, kind, payload = body[1], body[2], body[3:]
            if crc16(body) != crc or PAYLOAD.get(kind, len(payload)) != len(payload):
                log("dropped a frame with a bad CRC or length")
                continue
            if kind == HELLO:
                last = None
                reply_kind, reply_payload = device.hello()
            elif last is not None and last[0] == seq:
                log("replaying reply to seq %d" % seq)
                sent = send(fd, last[1], sent, args)   # a retransmission: replay, do not execute
                continue
            else:
                reply_kind, reply_payload = device.execute(kind, payload)
            reply = bytes([VERSION, seq, reply_kind]) + reply_payload
            wire = cobs_encode(reply + struct.pack(">H", crc16(reply))) + b"\x00"
            last = (seq, wire)
            sent = send(fd, wire, sent, args)
    log("port closed; exiting")


if __name__ == "__main__":
    main()
