import Atomik.Spec.Table
/-!
# Addresses of a table are independent
-/
namespace Atomik
namespace Table

/-- An operation on address a changes no context at any other address. Clause: TBL-INDEP-1. -/
theorem modify_other (t : Table) (a b : Nat) (f : Ctx → Ctx) (h : b ≠ a) : (t.modify a f).ctxs b = t.ctxs b := by
  show (if b = a then f (t.ctxs b) else t.ctxs b) = t.ctxs b
  exact if_neg h

/-- At its own address an operation acts exactly as on a single context. Clause: TBL-OPS-1. -/
theorem modify_same (t : Table) (a : Nat) (f : Ctx → Ctx) : (t.modify a f).ctxs a = f (t.ctxs a) := by
  show (if a = a then f (t.ctxs a) else t.ctxs a) = f (t.ctxs a)
  exact if_pos rfl

/-- An operation never changes the size of the table. Clause: TBL-OPS-1. -/
theorem modify_size (t : Table) (a : Nat) (f : Ctx → Ctx) : (t.modify a f).size = t.size := rfl

/-- ACCUM at an address outside 0 … N−1 fails with ADDRESS_OUT_OF_RANGE and yields no new table. Clause: TBL-ADDR-1. -/
theorem accum_at_out_of_range (t : Table) (a : Nat) (d : Word) (h : ¬ a < t.size) :
    t.accumAt a d = Except.error Fault.addressOutOfRange := by
  unfold Table.accumAt
  exact if_neg h

/-- ACCUM at an address in range is ACCUM on that address's context alone. Clause: TBL-OPS-1. -/
theorem accum_at_in_range (t : Table) (a : Nat) (d : Word) (h : a < t.size) :
    t.accumAt a d = Except.ok (t.modify a (fun c => c.accum d)) := by
  unfold Table.accumAt
  exact if_pos h

end Table
end Atomik
