import Atomik.Thm.ContextOps
/-!
# MERGE folds one accumulator into another
-/
namespace Atomik
namespace Ctx

/-- After MERGE the destination reads its old state XOR the source accumulator. Clause: CTX-MERGE-1. -/
theorem merge_read (dst src : Ctx) : (dst.merge src).read = dst.read ^^^ src.acc :=
  (delta_assoc dst.ref dst.acc src.acc).symm

/-- MERGE adds the source's count to the destination's. Clause: CTX-MERGE-1. -/
theorem merge_count (dst src : Ctx) : (dst.merge src).count = dst.count + src.count := rfl

/-- Merging a context into itself clears the accumulator and doubles the count. Clause: CTX-MERGE-1. -/
theorem merge_self (c : Ctx) : (c.merge c).acc = zero ∧ (c.merge c).count = 2 * c.count := by
  refine ⟨delta_self c.acc, ?_⟩
  show c.count + c.count = 2 * c.count
  omega

end Ctx
end Atomik
