import Atomik.Spec.Context
/-!
# A table of N contexts (spec/table.md)

Addresses are natural numbers; an operation outside 0 … N−1 fails with `ADDRESS_OUT_OF_RANGE` and
returns no new table, so it changes no context (TBL-ADDR-1, ERR-ATOMIC-1).
-/
namespace Atomik

/-- The error codes this model can produce (spec/errors.md). -/
inductive Fault where
  | addressOutOfRange
  deriving DecidableEq

structure Table where
  size : Nat
  ctxs : Nat → Ctx

namespace Table

/-- Replace the context at address a by `f` of it; every other address keeps its context. -/
def modify (t : Table) (a : Nat) (f : Ctx → Ctx) : Table :=
  { t with ctxs := fun b => if b = a then f (t.ctxs b) else t.ctxs b }

/-- ACCUM@a d, checked against the table size. -/
def accumAt (t : Table) (a : Nat) (d : Word) : Except Fault Table :=
  if a < t.size then Except.ok (t.modify a (fun c => c.accum d)) else Except.error Fault.addressOutOfRange

end Table
end Atomik
