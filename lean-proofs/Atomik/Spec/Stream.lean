import Atomik.Spec.Context
/-!
# DeltaStream (spec/stream.md)

A sparse map from u32 addresses to contexts, an epoch, the last sequence number issued and the
outbound queue of messages. Every address starts as a fresh context (STR-SPARSE-1).
-/
namespace Atomik

/-- A DeltaMessage (spec/wire.md): addr u32, delta u64, seq u32. -/
structure Msg where
  addr : BitVec 32
  delta : Word
  seq : BitVec 32

structure DeltaStream where
  mask : Word
  ctxs : BitVec 32 → Ctx
  epoch : Nat
  lastSeq : Nat
  queue : List Msg

namespace DeltaStream

/-- The largest sequence number, 2^32 − 1 (WIRE-RANGE-1). -/
def seqLimit : Nat := 4294967295

/-- A new stream of width w: every address holds a fresh context. -/
def empty (w : Nat) : DeltaStream :=
  { mask := maskOf w, ctxs := fun _ => Ctx.init w, epoch := 0, lastSeq := 0, queue := [] }

/-- Replace the context at address a by `f` of it. -/
def update (s : DeltaStream) (a : BitVec 32) (f : Ctx → Ctx) : DeltaStream :=
  { s with ctxs := fun b => if b = a then f (s.ctxs b) else s.ctxs b }

/-- READ@a. -/
def read (s : DeltaStream) (a : BitVec 32) : Word := (s.ctxs a).read

/-- LOAD@a v (STR-LOAD-1). -/
def load (s : DeltaStream) (a : BitVec 32) (v : Word) : DeltaStream :=
  { s.update a (fun c => c.load v) with epoch := s.epoch + 1 }

/-- SWAP@a (STR-SWAP-1): local, no message. -/
def swap (s : DeltaStream) (a : BitVec 32) : Word × DeltaStream :=
  ((s.ctxs a).read, { s.update a (fun c => c.swap.2) with epoch := s.epoch + 1 })

/-- The effect of a successful ACCUM@a d: the message it issues and the new stream. -/
def accumOk (s : DeltaStream) (a : BitVec 32) (d : Word) : Msg × DeltaStream :=
  ({ addr := a, delta := d &&& s.mask, seq := BitVec.ofNat 32 (s.lastSeq + 1) },
   { s.update a (fun c => c.accum d) with
       lastSeq := s.lastSeq + 1,
       queue := s.queue ++ [{ addr := a, delta := d &&& s.mask, seq := BitVec.ofNat 32 (s.lastSeq + 1) }] })

/-- ACCUM@a d (STR-ACCUM-1, STR-SEQ-1); none once the sequence numbers are exhausted. -/
def accum (s : DeltaStream) (a : BitVec 32) (d : Word) : Option (Msg × DeltaStream) :=
  if s.lastSeq < seqLimit then some (s.accumOk a d) else none

/-- APPLY m (STR-APPLY-1): no message, no sequence number, no epoch change. -/
def applyMsg (s : DeltaStream) (m : Msg) : DeltaStream := s.update m.addr (fun c => c.accum m.delta)

/-- DRAIN (STR-DRAIN-1). -/
def drain (s : DeltaStream) : List Msg × DeltaStream := (s.queue, { s with queue := [] })

end DeltaStream
end Atomik
