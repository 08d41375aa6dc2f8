/-!
# Words and masks (spec/values.md)

Every value, delta, reference and accumulator is held in a 64-bit vector. A context of width W
keeps only the low W bits: inputs are masked with `maskOf W` (VAL-MASK-1).
-/
namespace Atomik

/-- A 64-bit word (VAL-WIDTH-1: W ≤ 64 bits fit). -/
abbrev Word := BitVec 64

/-- The all-zero word. Written as `BitVec.ofNat 64 0` so that it matches core lemmas stated with `0#w`. -/
abbrev zero : Word := BitVec.ofNat 64 0

/-- The mask 2^w − 1 of a width 1 ≤ w ≤ 64: all ones shifted right by 64 − w (VAL-MASK-1). -/
def maskOf (w : Nat) : Word := BitVec.allOnes 64 >>> (64 - w)

end Atomik
