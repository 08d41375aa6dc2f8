import Atomik.Spec.Stream
/-!
# Cache nodes and a network of them (spec/replication.md, REP-CACHE-1)

A cache node is a DeltaStream whose addresses are the keys: `put` reads the old state o at k,
LOADs v locally and issues (k, o ⊕ v, next seq); `receive` is APPLY; `get` is READ. The Java
`CacheNode` also fails on a full table or exhausted sequence numbers; this model has no capacity
and counts with `Nat`, so those failures are outside it (trust ledger, Lean section).

A network is N nodes that start from the same node state (the last LOADed references) and each
run a local history of puts and receives. What a node has applied is every message it put plus
every message it received; "every message delivered exactly once, in any order" is that, for each
node, this list is a permutation of all issued messages.
-/
namespace Atomik

/-- A cache node: the context at address k holds key k. -/
abbrev CacheNode := DeltaStream

namespace CacheNode

/-- get(k) is READ k. -/
def get (n : CacheNode) (k : BitVec 32) : Word := n.read k

/-- put(k, v): the message (k, o ⊕ v masked, next seq) and the node after LOAD v at k. -/
def put (n : CacheNode) (k : BitVec 32) (v : Word) : Msg × CacheNode :=
  ({ addr := k, delta := n.get k ^^^ (v &&& (n.ctxs k).mask), seq := BitVec.ofNat 32 (n.lastSeq + 1) },
   { n.update k (fun c => c.load v) with lastSeq := n.lastSeq + 1 })

/-- receive(m) is APPLY m. -/
def receive (n : CacheNode) (m : Msg) : CacheNode := n.applyMsg m

/-- swap(k, v): returns the state at k and restarts k from v, locally (no message, no seq). -/
def swapKey (n : CacheNode) (k : BitVec 32) (v : Word) : Word × CacheNode :=
  (n.get k, n.update k (fun c => (c.swapTo v).2))

end CacheNode

/-- One step of a node's local history. -/
inductive Ev where
  | put (k : BitVec 32) (v : Word)
  | recv (m : Msg)

/-- The message a step applies at node n (the one it issues, for a put) and the node after it. -/
def stepEv (n : CacheNode) : Ev → Msg × CacheNode
  | Ev.put k v => n.put k v
  | Ev.recv m => (m, n.receive m)

/-- The node after a local history. -/
def final : CacheNode → List Ev → CacheNode
  | n, [] => n
  | n, e :: es => final (stepEv n e).2 es

/-- Every message a local history applies, in order: its own puts and what it received. -/
def applied : CacheNode → List Ev → List Msg
  | _, [] => []
  | n, e :: es => (stepEv n e).1 :: applied (stepEv n e).2 es

/-- Whether a step issues a message (puts do, receives do not). -/
def Ev.issues : Ev → Bool
  | Ev.put _ _ => true
  | Ev.recv _ => false

/-- The messages a local history issues. -/
def issued : CacheNode → List Ev → List Msg
  | _, [] => []
  | n, e :: es => (if e.issues then [(stepEv n e).1] else []) ++ issued (stepEv n e).2 es

/-- The masked delta a message contributes at key k (zero at every other key). -/
def keyDelta (k : BitVec 32) (mk : Word) (m : Msg) : Word := if m.addr = k then m.delta &&& mk else zero

/-- The XOR of the masked deltas of a list of messages at key k. -/
def xorK (k : BitVec 32) (mk : Word) : List Msg → Word
  | [] => zero
  | m :: ms => keyDelta k mk m ^^^ xorK k mk ms

/-- N cache nodes that start from the same state, each with its local history. -/
structure Network where
  size : Nat
  start : CacheNode
  hist : Nat → List Ev

namespace Network

/-- Node j after its history. -/
def node (net : Network) (j : Nat) : CacheNode := final net.start (net.hist j)

/-- What node j applied. -/
def appliedBy (net : Network) (j : Nat) : List Msg := applied net.start (net.hist j)

/-- The messages issued by nodes 0 … j−1. -/
def issuedUpTo (net : Network) : Nat → List Msg
  | 0 => []
  | j + 1 => issuedUpTo net j ++ issued net.start (net.hist j)

/-- Every message issued in the network. -/
def allIssued (net : Network) : List Msg := issuedUpTo net net.size

/-- Exactly-once delivery in any order: every node applied each issued message once. -/
def deliveredOnce (net : Network) : Prop := ∀ j, j < net.size → List.Perm (net.appliedBy j) net.allIssued

end Network
end Atomik
