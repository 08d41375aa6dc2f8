import Atomik.Spec.Word
/-!
# One context (spec/context.md)

The mask is fixed when the context is created (its width); R is the reference, A the accumulator,
C the delta count. The state R ⊕ A is computed on READ, never stored.
-/
namespace Atomik

structure Ctx where
  mask : Word
  ref : Word
  acc : Word
  count : Nat

namespace Ctx

/-- CTX-INIT-1: a fresh context of width w. -/
def init (w : Nat) : Ctx := { mask := maskOf w, ref := zero, acc := zero, count := 0 }

/-- CTX-LOAD-1: R := v (masked), A := 0, C := 0. -/
def load (c : Ctx) (v : Word) : Ctx := { c with ref := v &&& c.mask, acc := zero, count := 0 }

/-- CTX-ACCUM-1: A := A ⊕ d (masked), C := C + 1. -/
def accum (c : Ctx) (d : Word) : Ctx := { c with acc := c.acc ^^^ (d &&& c.mask), count := c.count + 1 }

/-- CTX-ROLLBACK-1: the same effect as ACCUM. -/
def rollback (c : Ctx) (d : Word) : Ctx := c.accum d

/-- CTX-READ-1: R ⊕ A. -/
def read (c : Ctx) : Word := c.ref ^^^ c.acc

/-- CTX-SWAP-1: returns the state S and restarts from it. -/
def swap (c : Ctx) : Word × Ctx := (c.read, { c with ref := c.read, acc := zero, count := 0 })

/-- CTX-SWAP-2: returns the state S and restarts from v (masked). -/
def swapTo (c : Ctx) (v : Word) : Word × Ctx := (c.read, { c with ref := v &&& c.mask, acc := zero, count := 0 })

/-- CTX-MERGE-1: folds the source's accumulator and count into the destination. -/
def merge (dst src : Ctx) : Ctx := { dst with acc := dst.acc ^^^ src.acc, count := dst.count + src.count }

/-- ACCUM each delta of a list, first to last. -/
def accumAll (c : Ctx) : List Word → Ctx
  | [] => c
  | d :: ds => accumAll (c.accum d) ds

end Ctx

/-- The XOR of the masked deltas of a list (zero for the empty list). -/
def xorAll (m : Word) : List Word → Word
  | [] => zero
  | d :: ds => (d &&& m) ^^^ xorAll m ds

end Atomik
