import Atomik.Thm.ContextOps
/-!
# ROLLBACK is ACCUM, and it undoes the delta it repeats
-/
namespace Atomik
namespace Ctx

/-- ROLLBACK d is exactly ACCUM d. Clause: CTX-ROLLBACK-1. -/
theorem rollback_eq_accum (c : Ctx) (d : Word) : c.rollback d = c.accum d := rfl

/-- ROLLBACK d after ACCUM d restores the state before the ACCUM. Clause: CTX-ROLLBACK-1. -/
theorem rollback_undoes_accum (c : Ctx) (d : Word) : ((c.accum d).rollback d).read = c.read := by
  have h1 : ((c.accum d).rollback d).read = (c.accum d).read ^^^ (d &&& c.mask) :=
    accum_read (c.accum d) d
  rw [h1, accum_read c d]
  exact delta_cancel_right c.read (d &&& c.mask)

end Ctx
end Atomik
