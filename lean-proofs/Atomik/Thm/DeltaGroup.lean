import Atomik.Spec.Word
/-!
# Deltas form an abelian group under XOR in which every delta is its own inverse

Each law is first tried with the core `BitVec` lemma of the same name, then bit by bit.
-/
namespace Atomik

/-- Composing deltas is associative. Clause: CTX-ALG-1. -/
theorem delta_assoc (a b c : Word) : (a ^^^ b) ^^^ c = a ^^^ (b ^^^ c) := by
  first
  | exact BitVec.xor_assoc a b c
  | exact BitVec.xor_assoc
  | (ext i; simp [Bool.xor_assoc])

/-- Composing deltas is commutative. Clause: CTX-ALG-1. -/
theorem delta_comm (a b : Word) : a ^^^ b = b ^^^ a := by
  first
  | exact BitVec.xor_comm a b
  | exact BitVec.xor_comm
  | (ext i; simp [Bool.xor_comm])

/-- The zero delta is a right identity. Clause: CTX-ALG-1. -/
theorem delta_zero_right (a : Word) : a ^^^ zero = a := by
  first
  | exact BitVec.xor_zero
  | exact BitVec.xor_zero a
  | (ext i; simp)

/-- The zero delta is a left identity. Clause: CTX-ALG-1. -/
theorem delta_zero_left (a : Word) : zero ^^^ a = a := by
  rw [delta_comm zero a]
  exact delta_zero_right a

/-- Every delta is its own inverse. Clause: CTX-ROLLBACK-1. -/
theorem delta_self (a : Word) : a ^^^ a = zero := by
  first
  | exact BitVec.xor_self
  | exact BitVec.xor_self a
  | (ext i; simp)

/-- Applying a delta after its inverse leaves the other operand. Clause: CTX-ROLLBACK-1. -/
theorem delta_cancel_left (a b : Word) : a ^^^ (a ^^^ b) = b := by
  rw [← delta_assoc a a b, delta_self a]
  exact delta_zero_left b

/-- Applying a delta twice on the right cancels it. Clause: NG-DUP-1. -/
theorem delta_cancel_right (a b : Word) : (a ^^^ b) ^^^ b = a := by
  rw [delta_assoc a b b, delta_self b]
  exact delta_zero_right a

/-- Deltas can be exchanged under a common left operand. Clause: NG-ORDER-1. -/
theorem delta_left_comm (a b c : Word) : a ^^^ (b ^^^ c) = b ^^^ (a ^^^ c) := by
  rw [← delta_assoc a b c, delta_comm a b, delta_assoc b a c]

/-- XOR with a fixed word is injective. Clause: CTX-ALG-1. -/
theorem delta_left_inj (a b c : Word) (h : a ^^^ b = a ^^^ c) : b = c :=
  calc b = a ^^^ (a ^^^ b) := (delta_cancel_left a b).symm
    _ = a ^^^ (a ^^^ c) := by rw [h]
    _ = c := delta_cancel_left a c

/-- The inverse of a delta is unique: it is the delta itself. Clause: CTX-ROLLBACK-1. -/
theorem delta_inverse_unique (a b : Word) (h : a ^^^ b = zero) : b = a := by
  apply delta_left_inj a
  rw [h, delta_self a]

end Atomik
