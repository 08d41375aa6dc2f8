import Atomik.Thm.OrderIndependence
/-!
# Convergence of replicas
-/
namespace Atomik
namespace Ctx

/-- Two replicas of the same width that LOAD the same reference and then apply the same multiset of
deltas, each exactly once and in any order, read the same state. Clause: REP-CONV-1. -/
theorem replicas_converge (c₁ c₂ : Ctx) (r : Word) (ds₁ ds₂ : List Word)
    (hm : c₁.mask = c₂.mask) (h : List.Perm ds₁ ds₂) :
    ((c₁.load r).accumAll ds₁).read = ((c₂.load r).accumAll ds₂).read := by
  rw [load_accum_all_read c₁ r ds₁, load_accum_all_read c₂ r ds₂, hm, xor_all_perm c₂.mask h]

/-- The state the replicas converge to is the reference XOR all the deltas (masked). Clause: REP-CONV-1. -/
theorem replicas_converge_value (c₁ c₂ : Ctx) (r : Word) (ds₁ ds₂ : List Word)
    (hm : c₁.mask = c₂.mask) (h : List.Perm ds₁ ds₂) :
    ((c₂.load r).accumAll ds₂).read = (r &&& c₁.mask) ^^^ xorAll c₁.mask ds₁ := by
  rw [← replicas_converge c₁ c₂ r ds₁ ds₂ hm h]
  exact load_accum_all_read c₁ r ds₁

end Ctx
end Atomik
