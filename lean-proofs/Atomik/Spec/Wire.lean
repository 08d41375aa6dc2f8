import Atomik.Spec.Stream
/-!
# The 16-byte wire format (spec/wire.md)

Words are split into halves, most significant half first, down to bytes; decoding joins them back.
Splitting and joining are defined on natural numbers (`toNat`, division, multiplication) so that
every round-trip step is one small `omega` problem.
-/
namespace Atomik

/-- High and low byte of a 16-bit word. -/
def hi8 (x : BitVec 16) : BitVec 8 := BitVec.ofNat 8 (x.toNat / 256)
def lo8 (x : BitVec 16) : BitVec 8 := BitVec.ofNat 8 x.toNat
def cat8 (h l : BitVec 8) : BitVec 16 := BitVec.ofNat 16 (h.toNat * 256 + l.toNat)

/-- High and low 16 bits of a 32-bit word. -/
def hi16 (x : BitVec 32) : BitVec 16 := BitVec.ofNat 16 (x.toNat / 65536)
def lo16 (x : BitVec 32) : BitVec 16 := BitVec.ofNat 16 x.toNat
def cat16 (h l : BitVec 16) : BitVec 32 := BitVec.ofNat 32 (h.toNat * 65536 + l.toNat)

/-- High and low 32 bits of a 64-bit word. -/
def hi32 (x : Word) : BitVec 32 := BitVec.ofNat 32 (x.toNat / 4294967296)
def lo32 (x : Word) : BitVec 32 := BitVec.ofNat 32 x.toNat
def cat32 (h l : BitVec 32) : Word := BitVec.ofNat 64 (h.toNat * 4294967296 + l.toNat)

/-- Big-endian bytes: most significant first. -/
def bytes16 (x : BitVec 16) : List (BitVec 8) := [hi8 x, lo8 x]
def bytes32 (x : BitVec 32) : List (BitVec 8) := bytes16 (hi16 x) ++ bytes16 (lo16 x)
def bytes64 (x : Word) : List (BitVec 8) := bytes32 (hi32 x) ++ bytes32 (lo32 x)

/-- WIRE-FIELDS-1: addr in bytes 0–3, delta in bytes 4–11, seq in bytes 12–15. -/
def encode (m : Msg) : List (BitVec 8) := bytes32 m.addr ++ bytes64 m.delta ++ bytes32 m.seq

/-- WIRE-LEN-2, WIRE-RANGE-1: exactly 16 bytes and seq ≥ 1, else none. -/
def decode : List (BitVec 8) → Option Msg
  | [a3, a2, a1, a0, d7, d6, d5, d4, d3, d2, d1, d0, s3, s2, s1, s0] =>
    if cat16 (cat8 s3 s2) (cat8 s1 s0) = BitVec.ofNat 32 0 then none
    else some { addr := cat16 (cat8 a3 a2) (cat8 a1 a0),
                delta := cat32 (cat16 (cat8 d7 d6) (cat8 d5 d4)) (cat16 (cat8 d3 d2) (cat8 d1 d0)),
                seq := cat16 (cat8 s3 s2) (cat8 s1 s0) }
  | _ => none

end Atomik
