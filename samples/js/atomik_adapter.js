#!/usr/bin/env node
// ATOMiK sample adapter for Node.js 20, no npm packages.
//
// A complete implementation of the ATOMiK model (contexts, tables, DeltaStreams and the 16-byte
// wire format, widths 1..64) speaking the adapter protocol (spec/adapter-protocol.md) on
// stdin/stdout. Copy it, replace the model classes with calls into your implementation, and run
//
//     ./atomik conformance run --adapter 'process:node samples/js/atomik_adapter.js'
//
// Protocol in one paragraph: every line is one JSON object. The runner sends a hello, we answer
// with our capabilities; then each request {"id":N,"op":...} gets exactly one reply
// {"in_reply_to":N,...} in request order; {"type":"bye"} or end of input ends the conversation.
// Logs go to stderr only.
//
// 64-bit quantities are BigInt: JavaScript numbers lose precision above 2^53 (the reason VAL-HEX-1
// puts every such quantity in a hex string). Speed: the runner pipelines, so each chunk of input is
// answered with one write; the event loop only waits for input after that write, so the runner
// always has every answer to what it has sent and neither side can deadlock.
'use strict';

const NAME = 'atomik-js';
const VERSION = '0.2.0';
const U32_MAX = 0xFFFFFFFFn;
const DEFAULT_STREAM_ADDRESSES = 1024; // STR-CAP-1: bounds we declare, and use when init gives none
const DEFAULT_QUEUE = 4096;
const MAX_CONTEXTS = 1 << 20; // largest table we promise to hold
const MAX_NODES = 16; // cache nodes one process hosts (spec/trace-format-multinode.md)

// Protocol 2 (spec/adapter-protocol.md): ops per kind, so a partial implementation declares exactly
// what each kind has; `observe` defaults to the check fields whose op the kind declares.
const STATEFUL_OPS = ['init', 'load', 'accum', 'rollback', 'read', 'swap', 'count'];
const CAPABILITIES = {
  widths: { min: 1, max: 64 },
  nodes: MAX_NODES,
  kinds: {
    context: { ops: STATEFUL_OPS },
    table: { ops: [...STATEFUL_OPS, 'merge'], contexts: MAX_CONTEXTS },
    stream: {
      ops: [...STATEFUL_OPS, 'epoch', 'pending', 'drain', 'apply'],
      bounds: { addresses: DEFAULT_STREAM_ADDRESSES, queue: DEFAULT_QUEUE },
    },
    wire: { ops: ['encode', 'decode'] },
    cache: { ops: ['init', 'load', 'swap', 'put', 'get', 'receive'], capacity: true },
  },
};

/** A failed operation, reported as one of the codes of spec/errors.md (ERR-CODES-1). */
class AtomikError extends Error {
  constructor(code) { super(code); this.code = code; }
}

/** A request we cannot map (an op before init, an op the current kind lacks): answered UNSUPPORTED. */
class Unsupported extends Error {}

const isSmallInt = (x) => Number.isInteger(x);

/** VAL-WIDTH-1: 1 <= W <= 64, else BAD_WIDTH. VAL-MASK-1: inputs are masked to W bits. */
function maskOf(width) {
  if (!isSmallInt(width) || width < 1 || width > 64) throw new AtomikError('BAD_WIDTH');
  return (1n << BigInt(width)) - 1n;
}

// ---------------------------------------------------------------------------------------------
// The model. Every method either succeeds or throws AtomikError having changed nothing
// (ERR-ATOMIC-1): all checks come before the first assignment.
// ---------------------------------------------------------------------------------------------

/** spec/context.md: reference R, accumulator A, delta count C; the state is R xor A. */
class Context {
  constructor(width) {
    this.mask = maskOf(width);
    this.ref = 0n; this.acc = 0n; this.count = 0; // CTX-INIT-1
  }
  load(value) { this.ref = value & this.mask; this.acc = 0n; this.count = 0; } // CTX-LOAD-1
  accum(delta) { this.acc ^= delta & this.mask; this.count += 1; } // CTX-ACCUM-1, CTX-ROLLBACK-1
  read() { return this.ref ^ this.acc; } // CTX-READ-1
  swap(value) { // CTX-SWAP-1 (no value), CTX-SWAP-2
    const state = this.ref ^ this.acc;
    this.ref = value === undefined ? state : value & this.mask;
    this.acc = 0n; this.count = 0;
    return state;
  }
}

/** spec/table.md: N independent contexts at addresses 0..N-1. */
class Table {
  constructor(width, size) {
    this.mask = maskOf(width); // ERR-ORDER-1: width before size
    if (!isSmallInt(size) || size < 1) throw new AtomikError('BAD_SIZE'); // TBL-SIZE-1
    if (size > MAX_CONTEXTS) throw new Unsupported(`table of ${size} contexts; we declared at most ${MAX_CONTEXTS}`);
    this.refs = new Array(size).fill(0n);
    this.accs = new Array(size).fill(0n);
    this.counts = new Array(size).fill(0);
  }
  index(addr) { // TBL-ADDR-1
    if (addr >= BigInt(this.refs.length)) throw new AtomikError('ADDRESS_OUT_OF_RANGE');
    return Number(addr);
  }
  load(addr, value) { const i = this.index(addr); this.refs[i] = value & this.mask; this.accs[i] = 0n; this.counts[i] = 0; }
  accum(addr, delta) { const i = this.index(addr); this.accs[i] ^= delta & this.mask; this.counts[i] += 1; }
  read(addr) { const i = this.index(addr); return this.refs[i] ^ this.accs[i]; }
  swap(addr, value) {
    const i = this.index(addr);
    const state = this.refs[i] ^ this.accs[i];
    this.refs[i] = value === undefined ? state : value & this.mask;
    this.accs[i] = 0n; this.counts[i] = 0;
    return state;
  }
  merge(dst, src) { // CTX-MERGE-1: read the source before writing (dst may equal src)
    const d = this.index(dst); const s = this.index(src);
    const acc = this.accs[s]; const count = this.counts[s];
    this.accs[d] ^= acc; this.counts[d] += count;
  }
  countAt(addr) { return this.counts[this.index(addr)]; }
}

function checkStreamAddress(addr) { // STR-SPARSE-1
  if (addr > U32_MAX) throw new AtomikError('ADDRESS_OUT_OF_RANGE');
}

/** spec/stream.md: a sparse u32 address space, an epoch, a seq counter and an outbound queue. */
class DeltaStream {
  constructor(width, addresses, queue) {
    this.mask = maskOf(width);
    for (const bound of [addresses, queue]) {
      if (!isSmallInt(bound) || bound < 1) throw new AtomikError('BAD_SIZE');
    }
    this.cells = new Map(); // Number(addr) -> {ref, acc, count}; an untouched address reads as 0
    this.maxAddresses = addresses; this.maxQueue = queue;
    this.epoch = 0; this.lastSeq = 0n;
    this.queue = []; // [addr, delta, seq] in issue order
  }
  /** The cell of a valid address, created if needed; CAPACITY_EXCEEDED when full (STR-CAP-1). */
  cell(addr) {
    checkStreamAddress(addr);
    const key = Number(addr);
    let cell = this.cells.get(key);
    if (cell === undefined) {
      if (this.cells.size >= this.maxAddresses) throw new AtomikError('CAPACITY_EXCEEDED');
      cell = { ref: 0n, acc: 0n, count: 0 };
      this.cells.set(key, cell);
    }
    return cell;
  }
  load(addr, value) { // STR-LOAD-1: a new epoch, no message
    const cell = this.cell(addr);
    cell.ref = value & this.mask; cell.acc = 0n; cell.count = 0;
    this.epoch += 1;
  }
  swap(addr, value) { // STR-SWAP-1
    const cell = this.cell(addr);
    const state = cell.ref ^ cell.acc;
    cell.ref = value === undefined ? state : value & this.mask;
    cell.acc = 0n; cell.count = 0;
    this.epoch += 1;
    return state;
  }
  accum(addr, delta) { // STR-ACCUM-1, STR-SEQ-1; every check before any change
    checkStreamAddress(addr);
    if (!this.cells.has(Number(addr)) && this.cells.size >= this.maxAddresses) throw new AtomikError('CAPACITY_EXCEEDED');
    if (this.queue.length >= this.maxQueue) throw new AtomikError('CAPACITY_EXCEEDED');
    if (this.lastSeq === U32_MAX) throw new AtomikError('SEQ_EXHAUSTED');
    const cell = this.cell(addr);
    const masked = delta & this.mask;
    cell.acc ^= masked; cell.count += 1;
    this.lastSeq += 1n;
    const message = [addr, masked, this.lastSeq];
    this.queue.push(message);
    return message;
  }
  read(addr) {
    checkStreamAddress(addr);
    const cell = this.cells.get(Number(addr));
    return cell === undefined ? 0n : cell.ref ^ cell.acc;
  }
  countAt(addr) {
    checkStreamAddress(addr);
    const cell = this.cells.get(Number(addr));
    return cell === undefined ? 0 : cell.count;
  }
  drain() { const drained = this.queue; this.queue = []; return drained; } // STR-DRAIN-1
  apply(addr, delta, seq) { // STR-APPLY-1: no message, no seq, no epoch change
    checkMessage(addr, seq); // a peer's message must be a valid message first (WIRE-RANGE-1)
    const cell = this.cell(addr);
    cell.acc ^= delta & this.mask; cell.count += 1;
  }
}

/**
 * spec/replication.md, REP-CACHE-1: one node of the replicated cache. put LOADs locally and returns
 * the message [addr, old xor new, next seq] for the peers; receive is APPLY. No de-duplication
 * here: the delivery layer (the runner, in a trace) filters repeats (NG-DUP-1).
 */
class CacheNode {
  constructor(width, capacity = DEFAULT_STREAM_ADDRESSES) {
    this.mask = maskOf(width); // BAD_WIDTH first (ERR-ORDER-1)
    if (!Number.isInteger(capacity) || capacity < 1) throw new AtomikError('BAD_SIZE');
    this.capacity = capacity; // the keys this node can hold (init's "capacity")
    this.cells = new Map(); // Number(addr) -> {ref, acc}; an untouched key reads as 0
    this.lastSeq = 0n;
  }
  cell(addr) {
    checkStreamAddress(addr);
    let cell = this.cells.get(Number(addr));
    if (cell === undefined) {
      if (this.cells.size >= this.capacity) throw new AtomikError('CAPACITY_EXCEEDED');
      cell = { ref: 0n, acc: 0n };
      this.cells.set(Number(addr), cell);
    }
    return cell;
  }
  put(addr, value) { // every check before any change (ERR-ATOMIC-1)
    checkStreamAddress(addr);
    if (!this.cells.has(Number(addr)) && this.cells.size >= this.capacity) throw new AtomikError('CAPACITY_EXCEEDED');
    if (this.lastSeq === U32_MAX) throw new AtomikError('SEQ_EXHAUSTED');
    const cell = this.cell(addr);
    const old = cell.ref ^ cell.acc;
    const now = value & this.mask;
    cell.ref = now; cell.acc = 0n;
    this.lastSeq += 1n;
    return [addr, old ^ now, this.lastSeq];
  }
  get(addr) {
    checkStreamAddress(addr);
    const cell = this.cells.get(Number(addr));
    return cell === undefined ? 0n : cell.ref ^ cell.acc;
  }
  load(addr, value) { const cell = this.cell(addr); cell.ref = value & this.mask; cell.acc = 0n; } // REP-REPAIR-1
  swap(addr, value) { // NG-SWAP-1: local, no message, no seq
    const cell = this.cell(addr);
    const state = cell.ref ^ cell.acc;
    cell.ref = value & this.mask; cell.acc = 0n;
    return state;
  }
  receive(addr, delta) { const cell = this.cell(addr); cell.acc ^= delta & this.mask; } // APPLY
}

/** Several cache nodes in one process, by name; requests name their node. */
class Cache {
  constructor(width, names, capacity) {
    if (!Array.isArray(names) || names.length < 1 || names.length > MAX_NODES) {
      throw new Unsupported(`nodes must be a list of 1..${MAX_NODES} names, got ${JSON.stringify(names)}`);
    }
    this.nodes = new Map(names.map((name) => [name, new CacheNode(width, capacity)]));
  }
  node(r) {
    const node = this.nodes.get(r.node);
    if (node === undefined) throw new Unsupported(`no node ${JSON.stringify(r.node)} (init created ${[...this.nodes.keys()]})`);
    return node;
  }
}

// ---------------------------------------------------------------------------------------------
// The wire format (spec/wire.md): addr u32, delta u64, seq u32, big-endian, 16 bytes.
// ---------------------------------------------------------------------------------------------

function checkMessage(addr, seq) { // WIRE-RANGE-1
  if (addr > U32_MAX || seq < 1n || seq > U32_MAX) throw new AtomikError('VALUE_OUT_OF_RANGE');
}

function encode(addr, delta, seq) { // WIRE-LEN-1, WIRE-FIELDS-1
  checkMessage(addr, seq);
  return addr.toString(16).padStart(8, '0') + delta.toString(16).padStart(16, '0') + seq.toString(16).padStart(8, '0');
}

function decode(hexBytes) { // WIRE-LEN-2, WIRE-RANGE-1
  if (hexBytes.length !== 32) throw new AtomikError('BAD_LENGTH');
  const addr = BigInt('0x' + hexBytes.slice(0, 8));
  const delta = BigInt('0x' + hexBytes.slice(8, 24));
  const seq = BigInt('0x' + hexBytes.slice(24, 32));
  checkMessage(addr, seq);
  return [addr, delta, seq];
}

// ---------------------------------------------------------------------------------------------
// Requests to model calls. Each handler returns the reply's result member as JSON text.
// ---------------------------------------------------------------------------------------------

const HEX_VALUE = /^0x[0-9a-fA-F]{1,16}$/;
const HEX_BYTES = /^(?:[0-9a-fA-F]{2})*$/;

/** VAL-HEX-1: "0x" and 1 to 16 hex digits, read as an unsigned 64-bit number. */
function hexOperand(request, name) {
  const text = request[name];
  if (typeof text !== 'string' || !HEX_VALUE.test(text)) {
    throw new Unsupported(`${name} must be a hex string like "0x2a", got ${JSON.stringify(text)}`);
  }
  return BigInt(text);
}

const hex = (v) => '0x' + v.toString(16);
const messageJson = ([addr, delta, seq]) => `{"addr":"${hex(addr)}","delta":"${hex(delta)}","seq":"${hex(seq)}"}`;
const valueJson = (v) => `"value":"${hex(v)}"`;
const OK = '"ok":true';

/** Holds the object the last successful init created and maps requests onto it. */
class Adapter {
  constructor() {
    this.target = null; // a Context, Table or DeltaStream
    const accum = (r) => this.accum(r); // rollback is accum: XOR is its own inverse (CTX-ROLLBACK-1)
    this.handlers = {
      reset: () => { this.target = null; return OK; },
      init: (r) => this.init(r),
      encode: (r) => `"bytes":"${encode(hexOperand(r, 'addr'), hexOperand(r, 'delta'), hexOperand(r, 'seq'))}"`,
      decode: (r) => {
        if (typeof r.bytes !== 'string' || !HEX_BYTES.test(r.bytes)) {
          throw new Unsupported(`bytes must be an even number of hex digits, got ${JSON.stringify(r.bytes)}`);
        }
        return '"message":' + messageJson(decode(r.bytes));
      },
      load: (r) => this.load(r),
      accum,
      rollback: accum,
      read: (r) => {
        const t = this.expect(Context, Table, DeltaStream);
        return valueJson(t instanceof Context ? t.read() : t.read(hexOperand(r, 'addr')));
      },
      swap: (r) => {
        if (this.target instanceof Cache) {
          return valueJson(this.target.node(r).swap(hexOperand(r, 'addr'), hexOperand(r, 'value')));
        }
        const t = this.expect(Context, Table, DeltaStream);
        const value = 'value' in r ? hexOperand(r, 'value') : undefined;
        return valueJson(t instanceof Context ? t.swap(value) : t.swap(hexOperand(r, 'addr'), value));
      },
      merge: (r) => { this.expect(Table).merge(hexOperand(r, 'addr'), hexOperand(r, 'from')); return OK; },
      count: (r) => {
        const t = this.expect(Context, Table, DeltaStream);
        return valueJson(BigInt(t instanceof Context ? t.count : t.countAt(hexOperand(r, 'addr'))));
      },
      epoch: () => valueJson(BigInt(this.expect(DeltaStream).epoch)),
      pending: () => valueJson(BigInt(this.expect(DeltaStream).queue.length)),
      drain: () => '"messages":[' + this.expect(DeltaStream).drain().map(messageJson).join(',') + ']',
      apply: (r) => {
        this.expect(DeltaStream).apply(hexOperand(r, 'addr'), hexOperand(r, 'delta'), hexOperand(r, 'seq'));
        return OK;
      },
      // REP-CACHE-1: several nodes in this process; the runner owns the network and the de-duplication.
      put: (r) => '"message":' + messageJson(this.expect(Cache).node(r).put(hexOperand(r, 'addr'), hexOperand(r, 'value'))),
      get: (r) => valueJson(this.expect(Cache).node(r).get(hexOperand(r, 'addr'))),
      receive: (r) => { // the 16 wire bytes go through our decoder (WIRE-LEN-2, WIRE-RANGE-1)
        const node = this.expect(Cache).node(r);
        if (typeof r.bytes !== 'string' || !HEX_BYTES.test(r.bytes)) {
          throw new Unsupported(`bytes must be an even number of hex digits, got ${JSON.stringify(r.bytes)}`);
        }
        const [addr, delta] = decode(r.bytes);
        node.receive(addr, delta);
        return OK;
      },
    };
  }

  handle(request) {
    const handler = Object.prototype.hasOwnProperty.call(this.handlers, request.op) ? this.handlers[request.op] : undefined;
    if (handler === undefined) throw new Unsupported(`unknown op ${JSON.stringify(request.op)}`);
    return handler(request);
  }

  /** The current object, if it is one of the kinds this op applies to. */
  expect(...kinds) {
    if (!kinds.some((k) => this.target instanceof k)) {
      throw new Unsupported(`this op needs a ${kinds.map((k) => k.name).join(' or ')}, `
        + (this.target === null ? 'but nothing was initialised' : `not a ${this.target.constructor.name}`));
    }
    return this.target;
  }

  init(r) {
    let created;
    if (r.kind === 'context') created = new Context(r.width);
    else if (r.kind === 'table') created = new Table(r.width, r.size);
    else if (r.kind === 'stream') {
      created = new DeltaStream(r.width, r.addresses === undefined ? DEFAULT_STREAM_ADDRESSES : r.addresses,
        r.queue === undefined ? DEFAULT_QUEUE : r.queue);
    } else if (r.kind === 'cache') created = new Cache(r.width, r.nodes, r.capacity ?? DEFAULT_STREAM_ADDRESSES);
    else throw new Unsupported(`init of kind ${JSON.stringify(r.kind)}`);
    this.target = created; // only after success: a failed init keeps the old object
    return OK;
  }

  load(r) {
    if (this.target instanceof Cache) {
      this.target.node(r).load(hexOperand(r, 'addr'), hexOperand(r, 'value'));
      return OK;
    }
    const t = this.expect(Context, Table, DeltaStream);
    if (t instanceof Context) t.load(hexOperand(r, 'value'));
    else t.load(hexOperand(r, 'addr'), hexOperand(r, 'value'));
    return OK;
  }

  accum(r) {
    const t = this.expect(Context, Table, DeltaStream);
    const delta = hexOperand(r, 'delta');
    if (t instanceof Context) { t.accum(delta); return OK; }
    if (t instanceof Table) { t.accum(hexOperand(r, 'addr'), delta); return OK; }
    return '"message":' + messageJson(t.accum(hexOperand(r, 'addr'), delta));
  }
}

// ---------------------------------------------------------------------------------------------
// The protocol loop.
// ---------------------------------------------------------------------------------------------

/** A request line that is not a JSON object with an id: the runner is broken, so we stop. */
class BadLine extends Error {}

const BYE = Symbol('bye');

/** The reply line for one request line, or BYE when the conversation is over. */
function answer(adapter, line) {
  let request;
  try {
    request = JSON.parse(line);
  } catch (error) {
    throw new BadLine(`not JSON (${error.message}): ${JSON.stringify(line.slice(0, 80))}`);
  }
  if (request === null || typeof request !== 'object' || Array.isArray(request)) {
    throw new BadLine(`not a JSON object: ${JSON.stringify(line.slice(0, 80))}`);
  }
  if ('type' in request) {
    if (request.type === 'hello') {
      return JSON.stringify({ type: 'hello', protocol: 2, name: NAME, version: VERSION, capabilities: CAPABILITIES });
    }
    if (request.type === 'bye') return BYE;
    throw new BadLine(`unknown message type ${JSON.stringify(request.type)}`);
  }
  if (!('id' in request)) throw new BadLine(`a request without an id: ${JSON.stringify(line.slice(0, 80))}`);
  let result;
  try {
    result = adapter.handle(request);
  } catch (error) {
    if (error instanceof AtomikError) {
      result = `"error":"${error.code}"`;
    } else if (error instanceof Unsupported) {
      process.stderr.write(`${NAME}: request ${request.id}: ${error.message}; answering UNSUPPORTED\n`);
      result = '"error":"UNSUPPORTED"';
    } else {
      throw error;
    }
  }
  return `{"in_reply_to":${JSON.stringify(request.id)},${result}}`;
}

function main() {
  const adapter = new Adapter();
  let pending = '';
  let done = false;
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => {
    if (done) return;
    const lines = (pending + chunk).split('\n');
    pending = lines.pop();
    let out = '';
    try {
      for (const line of lines) {
        const reply = answer(adapter, line);
        if (reply === BYE) { done = true; break; }
        out += reply + '\n';
      }
    } catch (error) {
      done = true;
      process.stdout.write(out);
      process.stderr.write(`${NAME}: ${error instanceof BadLine ? error.message : error.stack}; stopping\n`);
      process.exitCode = 2;
      process.stdin.destroy();
      return;
    }
    if (out) process.stdout.write(out); // one write per chunk of input
    if (done) process.stdin.destroy(); // bye: stop reading; Node exits once stdout drains
  });
}

main();
