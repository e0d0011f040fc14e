"""Evolution by approval (DESIGN §7): Mirror reads its own runs and the person's feedback,
proposes typed changes with evidence, checks each against the invariants, and changes only
what the person approves — in a versioned engine profile stored in the journal, with an
exact rollback. Nothing here sends anything anywhere.

- `observers`: a small registry told of every engine run as it is recorded.
- `critics`: plain functions over storage queries for a window (default 30 days).
- `proposals`: typed proposals drawn from the observations, with evidence and a prediction.
- `invariants`: the checker (I1–I6 and care) every proposal passes before it is approvable.
- `profile`: the engine profile record and the hook the engine's prompt goes through.
- `lifecycle`: draft → review → approved | rejected → applied → rolled back, and the
  measured effect of an applied change.
"""
