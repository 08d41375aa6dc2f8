import Atomik.Thm.OrderIndependence
import Atomik.Thm.Masking
/-!
# What ATOMiK does not guarantee, stated as theorems
-/
namespace Atomik
namespace Ctx

/-- Applying the same delta twice cancels it. Clause: NG-DUP-1. -/
theorem dup_delta_cancels (c : Ctx) (d : Word) : ((c.accum d).accum d).read = c.read := by
  have h1 : ((c.accum d).accum d).read = (c.accum d).read ^^^ (d &&& c.mask) :=
    accum_read (c.accum d) d
  rw [h1, accum_read c d]
  exact delta_cancel_right c.read (d &&& c.mask)

/-- A delivered-twice delta that is not zero leaves a state different from delivering it once, so
duplicates must be filtered by the transport. Clause: REP-DEDUP-1. -/
theorem dup_delta_differs (c : Ctx) (d : Word) (hd : d &&& c.mask ≠ zero) :
    ((c.accum d).accum d).read ≠ (c.accum d).read := by
  intro heq
  rw [dup_delta_cancels c d, accum_read c d] at heq
  apply hd
  apply Eq.symm
  apply delta_left_inj c.read
  rw [delta_zero_right c.read]
  exact heq

/-- Concurrent puts of X and Y at a key holding R send R XOR X and R XOR Y; together they give R XOR X XOR Y. Clause: NG-CONC-1. -/
theorem concurrent_puts_xor (r x y : Word) : r ^^^ (r ^^^ x) ^^^ (r ^^^ y) = r ^^^ x ^^^ y := by
  rw [delta_cancel_left r x, delta_left_comm x r y, delta_assoc r x y]

/-- A replica holding R that receives both put deltas reads R XOR X XOR Y. Clause: NG-CONC-1. -/
theorem concurrent_puts_state (c : Ctx) (r x y : Word)
    (hr : r &&& c.mask = r) (hx : x &&& c.mask = x) (hy : y &&& c.mask = y) :
    (((c.load r).accum (r ^^^ x)).accum (r ^^^ y)).read = r ^^^ x ^^^ y := by
  have hrx : (r ^^^ x) &&& c.mask = r ^^^ x := xor_within r x c.mask hr hx
  have hry : (r ^^^ y) &&& c.mask = r ^^^ y := xor_within r y c.mask hr hy
  rw [accum_read, accum_read, load_read, accum_mask, load_mask, hrx, hry, hr]
  exact concurrent_puts_xor r x y

/-- The merged state equals the first writer's value X only when the second writer wrote back R. Clause: NG-CONC-1. -/
theorem concurrent_state_is_x_iff (r x y : Word) : r ^^^ x ^^^ y = x ↔ y = r := by
  constructor
  · intro h
    have h2 : x ^^^ (r ^^^ y) = x ^^^ zero :=
      calc x ^^^ (r ^^^ y) = r ^^^ x ^^^ y := by rw [delta_assoc r x y, delta_left_comm r x y]
        _ = x := h
        _ = x ^^^ zero := (delta_zero_right x).symm
    exact delta_inverse_unique r y (delta_left_inj x (r ^^^ y) zero h2)
  · intro h
    rw [h, delta_comm r x, delta_assoc x r r, delta_self r]
    exact delta_zero_right x

end Ctx
end Atomik
