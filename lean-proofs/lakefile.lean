import Lake
open Lake DSL

-- Lean core only: no Mathlib, no other dependencies.
package atomik where
  leanOptions := #[⟨`autoImplicit, false⟩]

@[default_target]
lean_lib Atomik where
  -- the root module Atomik.lean imports every file under Atomik/
