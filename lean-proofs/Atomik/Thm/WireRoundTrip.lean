import Atomik.Spec.Wire
/-!
# The wire format: 16 bytes, big-endian, and decode ∘ encode = id

Each split/join step is one `omega` problem on `toNat` (omega knows `x.toNat < 2^w`).
-/
namespace Atomik

/-- Joining the high and low byte of a 16-bit word gives the word back. Clause: WIRE-ROUND-1. -/
theorem cat8_split (x : BitVec 16) : cat8 (hi8 x) (lo8 x) = x := by
  apply BitVec.eq_of_toNat_eq
  have hx := x.isLt
  simp only [cat8, hi8, lo8, BitVec.toNat_ofNat]
  omega

/-- Joining the high and low halves of a 32-bit word gives the word back. Clause: WIRE-ROUND-1. -/
theorem cat16_split (x : BitVec 32) : cat16 (hi16 x) (lo16 x) = x := by
  apply BitVec.eq_of_toNat_eq
  have hx := x.isLt
  simp only [cat16, hi16, lo16, BitVec.toNat_ofNat]
  omega

/-- Joining the high and low halves of a 64-bit word gives the word back. Clause: WIRE-ROUND-1. -/
theorem cat32_split (x : Word) : cat32 (hi32 x) (lo32 x) = x := by
  apply BitVec.eq_of_toNat_eq
  have hx := x.isLt
  simp only [cat32, hi32, lo32, BitVec.toNat_ofNat]
  omega

/-- An encoded message is exactly 16 bytes. Clause: WIRE-LEN-1. -/
theorem encode_length (m : Msg) : (encode m).length = 16 := by
  first
  | rfl
  | simp [encode, bytes32, bytes64, bytes16]

/-- Bytes 0–3 are the address, 4–11 the delta, 12–15 the sequence number. Clause: WIRE-FIELDS-1. -/
theorem encode_layout (m : Msg) : encode m = bytes32 m.addr ++ bytes64 m.delta ++ bytes32 m.seq := rfl

/-- The first byte of a 32-bit field is its most significant byte (big-endian). Clause: WIRE-FIELDS-1. -/
theorem bytes32_msb_first (x : BitVec 32) :
    (bytes32 x).head? = some (BitVec.ofNat 8 (x.toNat / 16777216)) := by
  show some (hi8 (hi16 x)) = some (BitVec.ofNat 8 (x.toNat / 16777216))
  apply congrArg some
  apply BitVec.eq_of_toNat_eq
  have hx := x.isLt
  have h1 : x.toNat / 65536 / 256 = x.toNat / 16777216 := by
    first
    | exact Nat.div_div_eq_div_mul _ _ _
    | omega
  simp only [hi8, hi16, BitVec.toNat_ofNat]
  omega

/-- The first byte of the 64-bit delta field is its most significant byte (big-endian). Clause: WIRE-FIELDS-1. -/
theorem bytes64_msb_first (x : Word) :
    (bytes64 x).head? = some (BitVec.ofNat 8 (x.toNat / 72057594037927936)) := by
  show some (hi8 (hi16 (hi32 x))) = some (BitVec.ofNat 8 (x.toNat / 72057594037927936))
  apply congrArg some
  apply BitVec.eq_of_toNat_eq
  have hx := x.isLt
  have h1 : x.toNat / 4294967296 / 65536 = x.toNat / 281474976710656 := by
    first
    | exact Nat.div_div_eq_div_mul _ _ _
    | omega
  have h2 : x.toNat / 281474976710656 / 256 = x.toNat / 72057594037927936 := by
    first
    | exact Nat.div_div_eq_div_mul _ _ _
    | omega
  simp only [hi8, hi16, hi32, BitVec.toNat_ofNat]
  omega

/-- Decoding an encoded valid message (seq ≥ 1) gives the message back. Clause: WIRE-ROUND-1. -/
theorem decode_encode (m : Msg) (h : m.seq ≠ BitVec.ofNat 32 0) : decode (encode m) = some m := by
  simp only [encode, bytes64, bytes32, bytes16, List.cons_append, List.nil_append]
  simp only [decode, cat8_split, cat16_split, cat32_split]
  rw [if_neg h]
  try rfl

/-- Decoding fails on any input whose length is not 16 bytes. Clause: WIRE-LEN-2. -/
theorem decode_wrong_length (bs : List (BitVec 8)) (h : bs.length ≠ 16) : decode bs = none := by
  unfold decode
  split
  · first
    | exact (h rfl).elim
    | simp_all
  · rfl

/-- Decoding fails when the sequence number field is 0. Clause: WIRE-RANGE-1. -/
theorem decode_seq_zero (m : Msg) (h : m.seq = BitVec.ofNat 32 0) : decode (encode m) = none := by
  simp only [encode, bytes64, bytes32, bytes16, List.cons_append, List.nil_append]
  simp only [decode, cat8_split, cat16_split, cat32_split]
  rw [if_pos h]

/-- Splitting a joined 16-bit word gives back its high byte. Clause: WIRE-ROUND-1. -/
theorem hi8_cat8 (h l : BitVec 8) : hi8 (cat8 h l) = h := by
  apply BitVec.eq_of_toNat_eq
  have hh := h.isLt
  have hl := l.isLt
  simp only [hi8, cat8, BitVec.toNat_ofNat]
  omega

/-- Splitting a joined 16-bit word gives back its low byte. Clause: WIRE-ROUND-1. -/
theorem lo8_cat8 (h l : BitVec 8) : lo8 (cat8 h l) = l := by
  apply BitVec.eq_of_toNat_eq
  have hh := h.isLt
  have hl := l.isLt
  simp only [lo8, cat8, BitVec.toNat_ofNat]
  omega

/-- Splitting a joined 32-bit word gives back its high half. Clause: WIRE-ROUND-1. -/
theorem hi16_cat16 (h l : BitVec 16) : hi16 (cat16 h l) = h := by
  apply BitVec.eq_of_toNat_eq
  have hh := h.isLt
  have hl := l.isLt
  simp only [hi16, cat16, BitVec.toNat_ofNat]
  omega

/-- Splitting a joined 32-bit word gives back its low half. Clause: WIRE-ROUND-1. -/
theorem lo16_cat16 (h l : BitVec 16) : lo16 (cat16 h l) = l := by
  apply BitVec.eq_of_toNat_eq
  have hh := h.isLt
  have hl := l.isLt
  simp only [lo16, cat16, BitVec.toNat_ofNat]
  omega

/-- Splitting a joined 64-bit word gives back its high half. Clause: WIRE-ROUND-1. -/
theorem hi32_cat32 (h l : BitVec 32) : hi32 (cat32 h l) = h := by
  apply BitVec.eq_of_toNat_eq
  have hh := h.isLt
  have hl := l.isLt
  simp only [hi32, cat32, BitVec.toNat_ofNat]
  omega

/-- Splitting a joined 64-bit word gives back its low half. Clause: WIRE-ROUND-1. -/
theorem lo32_cat32 (h l : BitVec 32) : lo32 (cat32 h l) = l := by
  apply BitVec.eq_of_toNat_eq
  have hh := h.isLt
  have hl := l.isLt
  simp only [lo32, cat32, BitVec.toNat_ofNat]
  omega

/-- Encoding what a valid frame decodes to gives the frame back (encode ∘ decode = id on valid frames). Clause: WIRE-ROUND-1. -/
theorem encode_decode (bs : List (BitVec 8)) (m : Msg) (h : decode bs = some m) : encode m = bs := by
  unfold decode at h
  split at h
  · split at h
    · cases h
    · cases h
      try subst_vars
      simp only [encode, bytes64, bytes32, bytes16, hi32_cat32, lo32_cat32, hi16_cat16, lo16_cat16,
        hi8_cat8, lo8_cat8, List.cons_append, List.nil_append]
  · cases h

end Atomik
