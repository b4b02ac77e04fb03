-- 004: sign-in, enrolled PCs, the access log and Jobcenter-wide settings (issue 7, SPEC §8).

-- The user directory the service keeps itself (the embedded default; production asks the Active
-- Directory and keeps no password here). argon2id hashes only.
CREATE TABLE accounts (
  tenant_id text NOT NULL,
  username text NOT NULL,
  staff_id text,
  display_name text NOT NULL,
  roles text[] NOT NULL,
  home_site_id text,
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, username)
);

-- Enrolled PCs: a site and a profile (counter, office, lead). The PC's credential is a random
-- secret; the service keeps only its SHA-256 (it is 256 random bits: no slow hash needed).
CREATE TABLE devices (
  tenant_id text NOT NULL,
  id text NOT NULL,
  name text NOT NULL,
  site_id text NOT NULL,
  profile text NOT NULL,
  secret_sha256 text NOT NULL,
  enrolled_at timestamptz NOT NULL DEFAULT now(),
  enrolled_by text NOT NULL,
  revoked_at timestamptz,
  revoked_by text,
  last_seen_at timestamptz,
  PRIMARY KEY (tenant_id, id)
);

-- One-time enrollment codes an admin issues; the code itself is never stored.
CREATE TABLE enrollment_codes (
  tenant_id text NOT NULL,
  code_sha256 text NOT NULL,
  name text NOT NULL,
  site_id text NOT NULL,
  profile text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  used_by_device text,
  PRIMARY KEY (tenant_id, code_sha256)
);

-- A sign-in of a person at a PC. Short-lived tokens are renewed against it; ending it (sign-out,
-- disabled account, revoked PC) stops the renewal at once. Offline changes are accepted from a
-- person who signed in online at that PC within the offline period (issue 7 item 3).
CREATE TABLE sessions (
  tenant_id text NOT NULL,
  id text NOT NULL,
  device_id text NOT NULL,
  username text NOT NULL,
  staff_id text,
  roles text[] NOT NULL,
  home_site_id text,
  started_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ended_at timestamptz,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX sessions_by_device_staff ON sessions (tenant_id, device_id, staff_id, started_at);

-- The access log (issue 7 item 7, SYNC.md §7): append-only, field names never values. Each row
-- carries the SHA-256 of its predecessor's hash and its own content, so a changed or removed row
-- breaks the chain. `audit_head` holds the last hash; its row lock orders appends.
CREATE TABLE audit_log (
  tenant_id text NOT NULL,
  seq bigint NOT NULL,
  at timestamptz NOT NULL,
  action text NOT NULL,
  outcome text NOT NULL,
  username text,
  staff_id text,
  device_id text,
  tbl text,
  record_id text,
  fields text[] NOT NULL DEFAULT '{}',
  offline boolean NOT NULL DEFAULT false,
  detail text,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  PRIMARY KEY (tenant_id, seq)
);
CREATE INDEX audit_by_user ON audit_log (tenant_id, username, at);
CREATE INDEX audit_by_record ON audit_log (tenant_id, record_id, at);
CREATE INDEX audit_by_time ON audit_log (tenant_id, at);
CREATE TABLE audit_head (
  tenant_id text PRIMARY KEY,
  seq bigint NOT NULL DEFAULT 0,
  hash text NOT NULL
);

-- Nothing changes a row of the log; only the log's own retention (which sets the local flag in its
-- transaction) removes old rows. In production the service's database role has INSERT and SELECT
-- only (OPERATIONS.md); this trigger holds for everyone else, the owner included.
CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('anlaufstelle.audit_retention', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_guard();

-- Settings of the whole Jobcenter (issue 7 item 8), edited by ADMIN; every PC reads them.
CREATE TABLE jobcenter_settings (
  tenant_id text NOT NULL,
  key text NOT NULL,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL,
  PRIMARY KEY (tenant_id, key)
);

-- The key that signs the short-lived tokens, made at the first start (AUTH_SECRET overrides it).
CREATE TABLE server_secrets (
  name text PRIMARY KEY,
  value text NOT NULL
);
