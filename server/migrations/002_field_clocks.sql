-- 002: per-field last-writer-wins (SYNC.md §3). The clock of the last accepted write of each field,
-- as a jsonb map field → HLC; a field missing from the map was last written at the row's `hlc`.
ALTER TABLE records ADD COLUMN field_hlc jsonb NOT NULL DEFAULT '{}'::jsonb;
