-- Issue 7 item 3, narrowed: every online sign-in hands its PC a random grant; the PC proves the
-- person's changes with it (shared/auth/proof.ts). Kept to check those proofs within the offline
-- period. `ended_reason` tells a sign-out (the grant stays good for changes made before it and in
-- later offline sign-ins) from an end by the service (revoked PC, disabled account: no longer).
ALTER TABLE sessions ADD COLUMN grant_key text;
ALTER TABLE sessions ADD COLUMN ended_reason text CHECK (ended_reason IN ('signed-out', 'revoked', 'disabled'));
