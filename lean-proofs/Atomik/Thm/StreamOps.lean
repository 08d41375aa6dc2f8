import Atomik.Thm.NonGuarantees
import Atomik.Spec.Stream
/-!
# DeltaStream: sparse addresses, sequence numbers, queue, APPLY and epochs
-/
namespace Atomik
namespace DeltaStream

/-- Updating address a leaves every other address alone. Clause: STR-ACCUM-1. -/
theorem update_other (s : DeltaStream) (a b : BitVec 32) (f : Ctx → Ctx) (h : b ≠ a) :
    (s.update a f).ctxs b = s.ctxs b := by
  show (if b = a then f (s.ctxs b) else s.ctxs b) = s.ctxs b
  exact if_neg h

/-- Updating address a applies the operation to that address's context. Clause: STR-APPLY-1. -/
theorem update_same (s : DeltaStream) (a : BitVec 32) (f : Ctx → Ctx) : (s.update a f).ctxs a = f (s.ctxs a) := by
  show (if a = a then f (s.ctxs a) else s.ctxs a) = f (s.ctxs a)
  exact if_pos rfl

/-- Every address of a new stream reads 0. Clause: STR-SPARSE-1. -/
theorem empty_read (w : Nat) (a : BitVec 32) : (DeltaStream.empty w).read a = zero :=
  Ctx.init_read w

/-- LOAD@a v increments the epoch and then address a reads v masked. Clause: STR-LOAD-1. -/
theorem load_epoch_read (s : DeltaStream) (a : BitVec 32) (v : Word) :
    (s.load a v).epoch = s.epoch + 1 ∧ (s.load a v).read a = v &&& (s.ctxs a).mask := by
  refine ⟨rfl, ?_⟩
  show ((s.update a (fun c => c.load v)).ctxs a).read = v &&& (s.ctxs a).mask
  rw [update_same s a (fun c => c.load v)]
  exact Ctx.load_read (s.ctxs a) v

/-- ACCUM succeeds while sequence numbers remain. Clause: STR-SEQ-1. -/
theorem accum_some (s : DeltaStream) (a : BitVec 32) (d : Word) (h : s.lastSeq < seqLimit) :
    s.accum a d = some (s.accumOk a d) := by
  unfold DeltaStream.accum
  exact if_pos h

/-- Once sequence number 2^32 − 1 is used, ACCUM fails and changes nothing. Clause: ERR-ATOMIC-1. -/
theorem accum_exhausted (s : DeltaStream) (a : BitVec 32) (d : Word) (h : ¬ s.lastSeq < seqLimit) :
    s.accum a d = none := by
  unfold DeltaStream.accum
  exact if_neg h

/-- Each message takes the previous sequence number plus one. Clause: STR-SEQ-1. -/
theorem accum_seq (s : DeltaStream) (a : BitVec 32) (d : Word) :
    (s.accumOk a d).1.seq = BitVec.ofNat 32 (s.lastSeq + 1) ∧ (s.accumOk a d).2.lastSeq = s.lastSeq + 1 :=
  ⟨rfl, rfl⟩

/-- ACCUM returns and queues the message (addr a, delta d masked, next seq). Clause: STR-ACCUM-1. -/
theorem accum_queues (s : DeltaStream) (a : BitVec 32) (d : Word) :
    (s.accumOk a d).2.queue = s.queue ++ [(s.accumOk a d).1] ∧ (s.accumOk a d).1.addr = a ∧
      (s.accumOk a d).1.delta = d &&& s.mask :=
  ⟨rfl, rfl, rfl⟩

/-- ACCUM@a d acts on address a as ACCUM on its context. Clause: STR-ACCUM-1. -/
theorem accum_read (s : DeltaStream) (a : BitVec 32) (d : Word) :
    (s.accumOk a d).2.read a = s.read a ^^^ (d &&& (s.ctxs a).mask) := by
  show ((s.update a (fun c => c.accum d)).ctxs a).read = (s.ctxs a).read ^^^ (d &&& (s.ctxs a).mask)
  rw [update_same s a (fun c => c.accum d)]
  exact Ctx.accum_read (s.ctxs a) d

/-- ACCUM@a d leaves every other address alone. Clause: STR-ACCUM-1. -/
theorem accum_read_other (s : DeltaStream) (a b : BitVec 32) (d : Word) (h : b ≠ a) :
    (s.accumOk a d).2.read b = s.read b := by
  show ((s.update a (fun c => c.accum d)).ctxs b).read = (s.ctxs b).read
  rw [update_other s a b (fun c => c.accum d) h]

/-- APPLY m XORs the delta into address m.addr. Clause: STR-APPLY-1. -/
theorem apply_read (s : DeltaStream) (m : Msg) :
    (s.applyMsg m).read m.addr = s.read m.addr ^^^ (m.delta &&& (s.ctxs m.addr).mask) := by
  show ((s.update m.addr (fun c => c.accum m.delta)).ctxs m.addr).read = (s.ctxs m.addr).read ^^^ (m.delta &&& (s.ctxs m.addr).mask)
  rw [update_same s m.addr (fun c => c.accum m.delta)]
  exact Ctx.accum_read (s.ctxs m.addr) m.delta

/-- APPLY changes neither the epoch, nor the sequence counter, nor the queue. Clause: STR-EPOCH-1. -/
theorem apply_local (s : DeltaStream) (m : Msg) :
    (s.applyMsg m).epoch = s.epoch ∧ (s.applyMsg m).lastSeq = s.lastSeq ∧ (s.applyMsg m).queue = s.queue :=
  ⟨rfl, rfl, rfl⟩

/-- APPLY of the same message twice leaves every address as before: the stream does not de-duplicate. Clause: NG-DUP-1. -/
theorem apply_twice (s : DeltaStream) (m : Msg) (b : BitVec 32) : ((s.applyMsg m).applyMsg m).read b = s.read b := by
  show (((s.update m.addr (fun c => c.accum m.delta)).update m.addr (fun c => c.accum m.delta)).ctxs b).read
    = (s.ctxs b).read
  by_cases hb : b = m.addr
  · rw [hb, update_same, update_same]
    exact Ctx.dup_delta_cancels (s.ctxs m.addr) m.delta
  · rw [update_other _ _ _ _ hb, update_other _ _ _ _ hb]

/-- DRAIN returns the queue in order and empties it; a second DRAIN returns nothing. Clause: STR-DRAIN-1. -/
theorem drain_empties (s : DeltaStream) : s.drain.1 = s.queue ∧ s.drain.2.queue = [] ∧ s.drain.2.drain.1 = [] :=
  ⟨rfl, rfl, rfl⟩

/-- SWAP sends no message: queue and sequence counter are unchanged. Clause: NG-SWAP-1. -/
theorem swap_local (s : DeltaStream) (a : BitVec 32) :
    (s.swap a).2.queue = s.queue ∧ (s.swap a).2.lastSeq = s.lastSeq ∧ (s.swap a).2.epoch = s.epoch + 1 :=
  ⟨rfl, rfl, rfl⟩

end DeltaStream
end Atomik
