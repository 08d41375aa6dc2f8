import Atomik.Thm.DeltaGroup
/-!
# LOAD, ACCUM, READ and SWAP on one context
-/
namespace Atomik
namespace Ctx

/-- A fresh context reads 0. Clause: CTX-INIT-1. -/
theorem init_read (w : Nat) : (Ctx.init w).read = zero :=
  delta_self zero

/-- A fresh context has delta count 0. Clause: CTX-INIT-1. -/
theorem init_count (w : Nat) : (Ctx.init w).count = 0 := rfl

/-- READ returns reference XOR accumulator. Clause: CTX-READ-1. -/
theorem read_eq (c : Ctx) : c.read = c.ref ^^^ c.acc := rfl

/-- After LOAD v, READ returns v masked. Clause: CTX-LOAD-1. -/
theorem load_read (c : Ctx) (v : Word) : (c.load v).read = v &&& c.mask :=
  delta_zero_right (v &&& c.mask)

/-- LOAD resets the delta count. Clause: CTX-LOAD-1. -/
theorem load_count (c : Ctx) (v : Word) : (c.load v).count = 0 := rfl

/-- LOAD keeps the width. Clause: CTX-LOAD-1. -/
theorem load_mask (c : Ctx) (v : Word) : (c.load v).mask = c.mask := rfl

/-- After ACCUM d, READ returns the old state XOR d masked. Clause: CTX-ACCUM-1. -/
theorem accum_read (c : Ctx) (d : Word) : (c.accum d).read = c.read ^^^ (d &&& c.mask) :=
  (delta_assoc c.ref c.acc (d &&& c.mask)).symm

/-- ACCUM adds one to the delta count. Clause: CTX-COUNT-1. -/
theorem accum_count (c : Ctx) (d : Word) : (c.accum d).count = c.count + 1 := rfl

/-- ACCUM leaves the reference alone. Clause: CTX-ACCUM-1. -/
theorem accum_ref (c : Ctx) (d : Word) : (c.accum d).ref = c.ref := rfl

/-- ACCUM keeps the width. Clause: CTX-ACCUM-1. -/
theorem accum_mask (c : Ctx) (d : Word) : (c.accum d).mask = c.mask := rfl

/-- SWAP returns the current state. Clause: CTX-SWAP-1. -/
theorem swap_result (c : Ctx) : c.swap.1 = c.read := rfl

/-- After SWAP the state is unchanged, the accumulator is 0 and so is the count. Clause: CTX-SWAP-1. -/
theorem swap_read (c : Ctx) : c.swap.2.read = c.read ∧ c.swap.2.acc = zero ∧ c.swap.2.count = 0 :=
  ⟨delta_zero_right c.read, rfl, rfl⟩

/-- SWAP v returns the current state and then reads v masked. Clause: CTX-SWAP-2. -/
theorem swap_to_read (c : Ctx) (v : Word) : (c.swapTo v).1 = c.read ∧ (c.swapTo v).2.read = v &&& c.mask :=
  ⟨rfl, delta_zero_right (v &&& c.mask)⟩

end Ctx
end Atomik
