import Atomik.Thm.ContextOps
/-!
# Order independence: any permutation of the same deltas gives the same state
-/
namespace Atomik

/-- Permuting a list of deltas does not change their masked XOR. Clause: NG-ORDER-1. -/
theorem xor_all_perm (m : Word) {l₁ l₂ : List Word} (h : List.Perm l₁ l₂) : xorAll m l₁ = xorAll m l₂ := by
  induction h with
  | nil => rfl
  | cons _ _ ih => simp only [xorAll, ih]
  | swap => simp only [xorAll]; exact delta_left_comm _ _ _
  | trans _ _ ih₁ ih₂ => exact ih₁.trans ih₂

namespace Ctx

/-- Accumulating a list of deltas keeps the width. Clause: CTX-ACCUM-1. -/
theorem accum_all_mask (c : Ctx) (ds : List Word) : (c.accumAll ds).mask = c.mask := by
  induction ds generalizing c with
  | nil => rfl
  | cons d ds ih => exact ih (c.accum d)

/-- Accumulating a list of deltas adds its length to the count. Clause: CTX-COUNT-1. -/
theorem accum_all_count (c : Ctx) (ds : List Word) : (c.accumAll ds).count = c.count + ds.length := by
  induction ds generalizing c with
  | nil => rfl
  | cons d ds ih =>
    show ((c.accum d).accumAll ds).count = c.count + (ds.length + 1)
    rw [ih (c.accum d), accum_count c d]
    omega

/-- After accumulating a list of deltas, READ is the old state XOR all of them (masked). Clause: CTX-ALG-1. -/
theorem accum_all_read (c : Ctx) (ds : List Word) : (c.accumAll ds).read = c.read ^^^ xorAll c.mask ds := by
  induction ds generalizing c with
  | nil => exact (delta_zero_right c.read).symm
  | cons d ds ih =>
    show ((c.accum d).accumAll ds).read = c.read ^^^ ((d &&& c.mask) ^^^ xorAll c.mask ds)
    rw [ih (c.accum d), accum_read c d, accum_mask c d]
    exact delta_assoc c.read (d &&& c.mask) (xorAll c.mask ds)

/-- LOAD r then ACCUM d1 … dn reads r XOR d1 XOR … XOR dn (all masked). Clause: CTX-ALG-1. -/
theorem load_accum_all_read (c : Ctx) (r : Word) (ds : List Word) :
    ((c.load r).accumAll ds).read = (r &&& c.mask) ^^^ xorAll c.mask ds := by
  rw [accum_all_read (c.load r) ds, load_read c r, load_mask c r]

/-- Any permutation of the same deltas gives the same state. Clause: CTX-ALG-1. -/
theorem accum_all_perm (c : Ctx) {ds₁ ds₂ : List Word} (h : List.Perm ds₁ ds₂) :
    (c.accumAll ds₁).read = (c.accumAll ds₂).read := by
  rw [accum_all_read c ds₁, accum_all_read c ds₂, xor_all_perm c.mask h]

/-- Two ACCUMs commute. Clause: NG-ORDER-1. -/
theorem accum_swap_order (c : Ctx) (d₁ d₂ : Word) :
    ((c.accum d₁).accum d₂).read = ((c.accum d₂).accum d₁).read := by
  have h := accum_all_perm c (List.Perm.swap d₂ d₁ [])
  first
  | exact h
  | exact h.symm

end Ctx
end Atomik
