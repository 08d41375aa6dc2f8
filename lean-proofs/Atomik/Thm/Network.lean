import Atomik.Spec.Cache
import Atomik.Thm.StreamOps
import Atomik.Thm.NonGuarantees
/-!
# A network of cache nodes: convergence under exactly-once delivery, and what breaks it

Each step of a node changes its state at key k by the masked delta of the message it applies
(`step_get`), so a node's state is the start state XOR the deltas it applied (`run_get`), and any
permutation of the same messages gives the same XOR (`xorK_perm`).
-/
namespace Atomik

/-- The zero word is within every mask. Clause: VAL-MASK-2. -/
theorem zero_within (m : Word) : zero &&& m = zero := by
  first
  | (rw [← delta_self m, xor_and_distrib m m m, delta_self (m &&& m), delta_self m]; done)
  | (apply BitVec.eq_of_toNat_eq; simp)

/-- A message's delta at key k is its masked delta when it is addressed to k. Clause: STR-APPLY-1. -/
theorem keyDelta_same (k : BitVec 32) (mk : Word) (m : Msg) (h : m.addr = k) :
    keyDelta k mk m = m.delta &&& mk :=
  if_pos h

/-- A message addressed to another key contributes nothing at k. Clause: STR-APPLY-1. -/
theorem keyDelta_other (k : BitVec 32) (mk : Word) (m : Msg) (h : ¬ m.addr = k) :
    keyDelta k mk m = zero :=
  if_neg h

/-- A message's delta at k is within the mask. Clause: VAL-MASK-2. -/
theorem keyDelta_within (k : BitVec 32) (mk : Word) (m : Msg) : keyDelta k mk m &&& mk = keyDelta k mk m := by
  by_cases h : m.addr = k
  · rw [keyDelta_same k mk m h]
    exact mask_idem m.delta mk
  · rw [keyDelta_other k mk m h]
    exact zero_within mk

/-- Permuting the messages does not change their XOR at a key. Clause: REP-CONV-1. -/
theorem xorK_perm (k : BitVec 32) (mk : Word) {l₁ l₂ : List Msg} (h : List.Perm l₁ l₂) :
    xorK k mk l₁ = xorK k mk l₂ := by
  induction h with
  | nil => rfl
  | cons _ _ ih => simp only [xorK, ih]
  | swap => simp only [xorK]; exact delta_left_comm _ _ _
  | trans _ _ ih₁ ih₂ => exact ih₁.trans ih₂

namespace CacheNode

/-- The writer's own state after put(k, v) is its old state XOR the delta it sends, which is v masked. Clause: REP-CACHE-1. -/
theorem put_delta_read (n : CacheNode) (k : BitVec 32) (v : Word)
    (hr : n.get k &&& (n.ctxs k).mask = n.get k) :
    n.get k ^^^ ((n.put k v).1.delta &&& (n.ctxs k).mask) = v &&& (n.ctxs k).mask := by
  show n.get k ^^^ ((n.get k ^^^ (v &&& (n.ctxs k).mask)) &&& (n.ctxs k).mask) = v &&& (n.ctxs k).mask
  rw [xor_within (n.get k) (v &&& (n.ctxs k).mask) (n.ctxs k).mask hr (mask_idem v (n.ctxs k).mask)]
  exact delta_cancel_left (n.get k) (v &&& (n.ctxs k).mask)

/-- put changes the writer's state at every key b by the delta its message contributes there. Clause: REP-CACHE-1. -/
theorem put_get (n : CacheNode) (k : BitVec 32) (v : Word) (b : BitVec 32)
    (hr : n.get b &&& (n.ctxs b).mask = n.get b) :
    (n.put k v).2.get b = n.get b ^^^ keyDelta b (n.ctxs b).mask (n.put k v).1 := by
  by_cases h : k = b
  · rw [← h] at hr ⊢
    rw [keyDelta_same k (n.ctxs k).mask (n.put k v).1 rfl, put_delta_read n k v hr]
    show ((n.update k (fun c => c.load v)).ctxs k).read = v &&& (n.ctxs k).mask
    rw [DeltaStream.update_same n k (fun c => c.load v)]
    exact Ctx.load_read (n.ctxs k) v
  · rw [keyDelta_other b (n.ctxs b).mask (n.put k v).1 h, delta_zero_right]
    show ((n.update k (fun c => c.load v)).ctxs b).read = n.get b
    rw [DeltaStream.update_other n k b (fun c => c.load v) (fun e => h e.symm)]
    try rfl

/-- receive m changes the state at every key b by the delta m contributes there. Clause: REP-CACHE-1. -/
theorem receive_get (n : CacheNode) (m : Msg) (b : BitVec 32) :
    (n.receive m).get b = n.get b ^^^ keyDelta b (n.ctxs b).mask m := by
  by_cases h : m.addr = b
  · rw [← h, keyDelta_same m.addr (n.ctxs m.addr).mask m rfl]
    exact DeltaStream.apply_read n m
  · rw [keyDelta_other b (n.ctxs b).mask m h, delta_zero_right]
    show ((n.update m.addr (fun c => c.accum m.delta)).ctxs b).read = n.get b
    rw [DeltaStream.update_other n m.addr b (fun c => c.accum m.delta) (fun e => h e.symm)]
    try rfl

/-- put keeps the width at every key. Clause: REP-CACHE-1. -/
theorem put_mask (n : CacheNode) (k : BitVec 32) (v : Word) (b : BitVec 32) :
    ((n.put k v).2.ctxs b).mask = (n.ctxs b).mask := by
  show (if b = k then (n.ctxs b).load v else n.ctxs b).mask = (n.ctxs b).mask
  by_cases h : b = k
  · rw [if_pos h]
    try rfl
  · rw [if_neg h]

/-- receive keeps the width at every key. Clause: REP-CACHE-1. -/
theorem receive_mask (n : CacheNode) (m : Msg) (b : BitVec 32) :
    ((n.receive m).ctxs b).mask = (n.ctxs b).mask := by
  show (if b = m.addr then (n.ctxs b).accum m.delta else n.ctxs b).mask = (n.ctxs b).mask
  by_cases h : b = m.addr
  · rw [if_pos h]
    try rfl
  · rw [if_neg h]

/-- A peer in the writer's old state o at k that receives the delta of put(k, v) reads v (masked), as the writer does. Clause: REP-CACHE-1. -/
theorem cache_put_receive (n p : CacheNode) (k : BitVec 32) (v : Word)
    (hk : p.get k = n.get k) (hm : (p.ctxs k).mask = (n.ctxs k).mask)
    (hr : n.get k &&& (n.ctxs k).mask = n.get k) :
    (p.receive (n.put k v).1).get k = v &&& (n.ctxs k).mask ∧ (n.put k v).2.get k = v &&& (n.ctxs k).mask := by
  constructor
  · rw [receive_get p (n.put k v).1 k, keyDelta_same k (p.ctxs k).mask (n.put k v).1 rfl, hm, hk]
    exact put_delta_read n k v hr
  · rw [put_get n k v k hr, keyDelta_same k (n.ctxs k).mask (n.put k v).1 rfl]
    exact put_delta_read n k v hr

/-- SWAP is local: it returns the state at k, restarts k from v (masked), issues no message and takes no sequence number. Clause: NG-SWAP-1. -/
theorem swap_is_local (n : CacheNode) (k : BitVec 32) (v : Word) :
    (n.swapKey k v).1 = n.get k ∧ (n.swapKey k v).2.get k = v &&& (n.ctxs k).mask ∧
    (n.swapKey k v).2.lastSeq = n.lastSeq ∧ (n.swapKey k v).2.queue = n.queue := by
  refine ⟨rfl, ?_, rfl, rfl⟩
  show ((n.update k (fun c => (c.swapTo v).2)).ctxs k).read = v &&& (n.ctxs k).mask
  rw [DeltaStream.update_same n k (fun c => (c.swapTo v).2)]
  exact (Ctx.swap_to_read (n.ctxs k) v).2

end CacheNode

/-- One step changes the state at k by the delta of the message it applies. Clause: REP-CACHE-1. -/
theorem step_get (n : CacheNode) (e : Ev) (k : BitVec 32) (hr : n.get k &&& (n.ctxs k).mask = n.get k) :
    (stepEv n e).2.get k = n.get k ^^^ keyDelta k (n.ctxs k).mask (stepEv n e).1 := by
  cases e with
  | put k' v => exact CacheNode.put_get n k' v k hr
  | recv m => exact CacheNode.receive_get n m k

/-- One step keeps the width at k. Clause: REP-CACHE-1. -/
theorem step_mask (n : CacheNode) (e : Ev) (k : BitVec 32) : ((stepEv n e).2.ctxs k).mask = (n.ctxs k).mask := by
  cases e with
  | put k' v => exact CacheNode.put_mask n k' v k
  | recv m => exact CacheNode.receive_mask n m k

/-- A local history keeps the width at k. Clause: REP-CACHE-1. -/
theorem final_mask (k : BitVec 32) (es : List Ev) : ∀ (n : CacheNode), ((final n es).ctxs k).mask = (n.ctxs k).mask := by
  induction es with
  | nil => intro n; rfl
  | cons e es ih => intro n; exact (ih (stepEv n e).2).trans (step_mask n e k)

/-- After a local history a node reads its start state XOR the deltas of every message it applied. Clause: REP-CONV-1. -/
theorem run_get (k : BitVec 32) (es : List Ev) : ∀ (n : CacheNode), n.get k &&& (n.ctxs k).mask = n.get k →
    (final n es).get k = n.get k ^^^ xorK k (n.ctxs k).mask (applied n es) := by
  induction es with
  | nil => intro n _; exact (delta_zero_right (n.get k)).symm
  | cons e es ih =>
    intro n hr
    have hs := step_get n e k hr
    have hm := step_mask n e k
    have hr' : (stepEv n e).2.get k &&& ((stepEv n e).2.ctxs k).mask = (stepEv n e).2.get k := by
      rw [hm, hs]
      exact xor_within _ _ _ hr (keyDelta_within k (n.ctxs k).mask (stepEv n e).1)
    have ih' := ih (stepEv n e).2 hr'
    show (final (stepEv n e).2 es).get k
      = n.get k ^^^ (keyDelta k (n.ctxs k).mask (stepEv n e).1 ^^^ xorK k (n.ctxs k).mask (applied (stepEv n e).2 es))
    rw [ih', hm, hs]
    exact delta_assoc _ _ _

namespace Network

/-- If every message is delivered exactly once, in any order, every node reads at every key the last LOADed reference XOR the deltas of all the puts. Clause: REP-CONV-1, REP-CACHE-1. -/
theorem network_converges (net : Network) (h : net.deliveredOnce) (k : BitVec 32)
    (hR : net.start.get k &&& (net.start.ctxs k).mask = net.start.get k) (j : Nat) (hj : j < net.size) :
    (net.node j).get k = net.start.get k ^^^ xorK k (net.start.ctxs k).mask net.allIssued :=
  (run_get k (net.hist j) net.start hR).trans
    (congrArg (fun x : Word => net.start.get k ^^^ x) (xorK_perm k (net.start.ctxs k).mask (h j hj)))

/-- Under exactly-once delivery any two nodes read the same state at every key. Clause: REP-CONV-1. -/
theorem network_agrees (net : Network) (h : net.deliveredOnce) (k : BitVec 32)
    (hR : net.start.get k &&& (net.start.ctxs k).mask = net.start.get k) (i j : Nat) (hi : i < net.size) (hj : j < net.size) :
    (net.node i).get k = (net.node j).get k :=
  (network_converges net h k hR i hi).trans (network_converges net h k hR j hj).symm

/-- A node that applies one message twice (every other once) reads as if that write never reached it: the duplicate cancels it, and it is one delta away from the converged state. Clause: NG-DUP-1. -/
theorem network_dup_cancels (net : Network) (k : BitVec 32)
    (hR : net.start.get k &&& (net.start.ctxs k).mask = net.start.get k) (j : Nat) (m : Msg) (rest : List Msg)
    (hall : List.Perm net.allIssued (m :: rest)) (hj : List.Perm (net.appliedBy j) (m :: m :: rest)) :
    (net.node j).get k = net.start.get k ^^^ xorK k (net.start.ctxs k).mask rest ∧
    (net.node j).get k ^^^ keyDelta k (net.start.ctxs k).mask m
      = net.start.get k ^^^ xorK k (net.start.ctxs k).mask net.allIssued := by
  have e3 : xorK k (net.start.ctxs k).mask (m :: m :: rest) = xorK k (net.start.ctxs k).mask rest :=
    delta_cancel_left (keyDelta k (net.start.ctxs k).mask m) (xorK k (net.start.ctxs k).mask rest)
  have hv : (net.node j).get k = net.start.get k ^^^ xorK k (net.start.ctxs k).mask rest :=
    (run_get k (net.hist j) net.start hR).trans
      (congrArg (fun x : Word => net.start.get k ^^^ x) ((xorK_perm k (net.start.ctxs k).mask hj).trans e3))
  refine ⟨hv, ?_⟩
  rw [hv, xorK_perm k (net.start.ctxs k).mask hall]
  show _ = net.start.get k ^^^ (keyDelta k (net.start.ctxs k).mask m ^^^ xorK k (net.start.ctxs k).mask rest)
  rw [delta_assoc, delta_comm (xorK k (net.start.ctxs k).mask rest) (keyDelta k (net.start.ctxs k).mask m)]

/-- A node that lost one message is behind the converged state by exactly that delta, and receiving it again (repair) makes it converge. Clause: REP-REPAIR-1. -/
theorem network_lost_repair (net : Network) (k : BitVec 32)
    (hR : net.start.get k &&& (net.start.ctxs k).mask = net.start.get k) (j : Nat) (m : Msg) (rest : List Msg)
    (hall : List.Perm net.allIssued (m :: rest)) (hj : List.Perm (net.appliedBy j) rest) :
    (net.node j).get k ^^^ keyDelta k (net.start.ctxs k).mask m
      = net.start.get k ^^^ xorK k (net.start.ctxs k).mask net.allIssued ∧
    ((net.node j).receive m).get k = net.start.get k ^^^ xorK k (net.start.ctxs k).mask net.allIssued := by
  have hv : (net.node j).get k = net.start.get k ^^^ xorK k (net.start.ctxs k).mask rest :=
    (run_get k (net.hist j) net.start hR).trans
      (congrArg (fun x : Word => net.start.get k ^^^ x) (xorK_perm k (net.start.ctxs k).mask hj))
  have behind : (net.node j).get k ^^^ keyDelta k (net.start.ctxs k).mask m
      = net.start.get k ^^^ xorK k (net.start.ctxs k).mask net.allIssued := by
    rw [hv, xorK_perm k (net.start.ctxs k).mask hall]
    show _ = net.start.get k ^^^ (keyDelta k (net.start.ctxs k).mask m ^^^ xorK k (net.start.ctxs k).mask rest)
    rw [delta_assoc, delta_comm (xorK k (net.start.ctxs k).mask rest) (keyDelta k (net.start.ctxs k).mask m)]
  have hm : ((net.node j).ctxs k).mask = (net.start.ctxs k).mask := final_mask k (net.hist j) net.start
  refine ⟨behind, ?_⟩
  rw [CacheNode.receive_get (net.node j) m k, hm]
  exact behind

/-- Two puts of X and Y made concurrently at a key holding R are the only writes: every node that applies both reads R ⊕ X ⊕ Y. Clause: NG-CONC-1. -/
theorem network_concurrent_puts (net : Network) (h : net.deliveredOnce) (k : BitVec 32) (x y : Word)
    (hR : net.start.get k &&& (net.start.ctxs k).mask = net.start.get k)
    (hx : x &&& (net.start.ctxs k).mask = x) (hy : y &&& (net.start.ctxs k).mask = y)
    (hall : List.Perm net.allIssued [(net.start.put k x).1, (net.start.put k y).1]) (j : Nat) (hj : j < net.size) :
    (net.node j).get k = net.start.get k ^^^ x ^^^ y := by
  rw [network_converges net h k hR j hj, xorK_perm k (net.start.ctxs k).mask hall]
  show net.start.get k ^^^ (keyDelta k (net.start.ctxs k).mask (net.start.put k x).1
      ^^^ (keyDelta k (net.start.ctxs k).mask (net.start.put k y).1 ^^^ zero)) = _
  rw [keyDelta_same k (net.start.ctxs k).mask (net.start.put k x).1 rfl,
    keyDelta_same k (net.start.ctxs k).mask (net.start.put k y).1 rfl, delta_zero_right]
  show net.start.get k ^^^ (((net.start.get k ^^^ (x &&& (net.start.ctxs k).mask)) &&& (net.start.ctxs k).mask)
      ^^^ ((net.start.get k ^^^ (y &&& (net.start.ctxs k).mask)) &&& (net.start.ctxs k).mask)) = _
  rw [hx, hy, xor_within _ x _ hR hx, xor_within _ y _ hR hy,
    ← delta_assoc (net.start.get k) (net.start.get k ^^^ x) (net.start.get k ^^^ y)]
  exact Ctx.concurrent_puts_xor (net.start.get k) x y

end Network
end Atomik
