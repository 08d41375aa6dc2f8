import Atomik.Spec.Context
/-!
# Masking keeps every value within W bits
-/
namespace Atomik

/-- Masking distributes over XOR. Clause: VAL-MASK-2. -/
theorem xor_and_distrib (a b m : Word) : (a ^^^ b) &&& m = (a &&& m) ^^^ (b &&& m) := by
  first
  | (apply BitVec.eq_of_toNat_eq; simp only [BitVec.toNat_and, BitVec.toNat_xor]; exact Nat.and_xor_distrib_right)
  | (ext i; simp [Bool.and_xor_distrib_right])

/-- Masking twice is masking once. Clause: VAL-MASK-1. -/
theorem mask_idem (x m : Word) : (x &&& m) &&& m = x &&& m := by
  first
  | rw [BitVec.and_assoc, BitVec.and_self]
  | (ext i; simp [Bool.and_assoc])

/-- The XOR of two words within a mask is within it. Clause: VAL-MASK-2. -/
theorem xor_within (a b m : Word) (ha : a &&& m = a) (hb : b &&& m = b) : (a ^^^ b) &&& m = a ^^^ b := by
  rw [xor_and_distrib a b m, ha, hb]

/-- ACCUM keeps the accumulator within the context's mask. Clause: VAL-MASK-2. -/
theorem accum_within (c : Ctx) (d : Word) (h : c.acc &&& c.mask = c.acc) :
    (c.accum d).acc &&& c.mask = (c.accum d).acc :=
  xor_within c.acc (d &&& c.mask) c.mask h (mask_idem d c.mask)

/-- READ of a context whose reference and accumulator are within its mask is within it. Clause: VAL-MASK-2. -/
theorem read_within (c : Ctx) (hr : c.ref &&& c.mask = c.ref) (ha : c.acc &&& c.mask = c.acc) :
    c.read &&& c.mask = c.read :=
  xor_within c.ref c.acc c.mask hr ha

/-- The mask of width 64 keeps every bit. Clause: VAL-MASK-1. -/
theorem mask_width_64 : maskOf 64 = BitVec.allOnes 64 := by
  first
  | decide
  | rfl
  | simp [maskOf]

/-- The mask of width 32 is 2^32 − 1. Clause: VAL-MASK-1. -/
theorem mask_width_32 : maskOf 32 = BitVec.ofNat 64 4294967295 := by
  first
  | decide
  | rfl

/-- The mask of width 1 is 1. Clause: VAL-MASK-1. -/
theorem mask_width_1 : maskOf 1 = BitVec.ofNat 64 1 := by
  first
  | decide
  | rfl

end Atomik
