-- 003: desk codes (issue 6 item 6). Each PC gets one letter per site from the server, the first time
-- it asks; call numbers ("Nr. A 005") and ticket references ("BE-A7K3F") carry it, so two PCs of a
-- site never hand out the same number, even while one of them is offline.
CREATE TABLE desk_codes (
  tenant_id text NOT NULL,
  site_id text NOT NULL,
  device_id text NOT NULL,
  code text NOT NULL,
  assigned_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, site_id, device_id),
  UNIQUE (tenant_id, site_id, code)
);
