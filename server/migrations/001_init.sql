-- 001: the sync core (SPEC §9, SYNC.md §4). Append-only: never edit a released migration, add 002_….

-- One row per tenant (Jobcenter). `v` is the sync head: every accepted push transaction bumps it
-- first, so the row lock makes commit order equal version order and a pull never skips a version.
-- `epoch` changes only when the database is restored or recreated; clients then re-push and pull all.
CREATE TABLE tenant_head (
  tenant_id text PRIMARY KEY,
  v bigint NOT NULL DEFAULT 0,
  epoch text NOT NULL
);

-- Latest state of every synced record. One table with the table name as a column for now; the
-- typed per-aggregate tables of SYNC.md §4 come with pull scope (they need site columns).
CREATE TABLE records (
  tenant_id text NOT NULL,
  tbl text NOT NULL,
  id text NOT NULL,
  data jsonb NOT NULL,
  hlc text NOT NULL,
  version bigint NOT NULL,
  deleted_at text,
  anonymised_at text,
  updated_by_device text NOT NULL,
  PRIMARY KEY (tenant_id, tbl, id)
);
CREATE INDEX records_by_version ON records (tenant_id, version);

-- Idempotency: one row per change id ever seen, with the answer given. A replayed change (retry,
-- duplicate, resend after a crash between commit and reply) gets this answer and has no effect.
CREATE TABLE sync_receipts (
  tenant_id text NOT NULL,
  change_id text NOT NULL,
  device_id text NOT NULL,
  user_id text,
  result jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, change_id)
);
