import { ldapMappingSchema, type LdapMapping } from '../../../shared/model/ldap-mapping';
import { appendAudit } from '../audit';
import type { Db, Queryable } from '../db';
import type { Principal } from './service';

/**
 * The Active-Directory group mapping ADMIN keeps in the Verwaltung (issue 7 item 8, SPEC §8): stored
 * beside the Jobcenter's other settings (table jobcenter_settings, its own key – GET /v1/settings
 * does not hand it out), it replaces ldap.json's roleGroups/siteGroups until ADMIN goes back to the
 * file. The LDAP directory asks `currentMapping` at every sign-in and lookup.
 */
export const LDAP_MAPPING_KEY = 'ldapMapping';

/** The stored mapping, or null when none is stored (or it no longer parses: then the file's holds). */
export async function storedMapping(db: Queryable, tenant: string): Promise<LdapMapping | null> {
  const { rows } = await db.query<{ value: unknown }>('SELECT value FROM jobcenter_settings WHERE tenant_id = $1 AND key = $2', [tenant, LDAP_MAPPING_KEY]);
  if (rows.length === 0) return null;
  const parsed = ldapMappingSchema.safeParse(rows[0]!.value);
  return parsed.success ? parsed.data : null;
}

/** The mapping in force: ADMIN's when stored, else the file's. Read anew at every call. */
export const currentMapping =
  (db: Queryable, tenant: string, fromFile: LdapMapping): (() => Promise<LdapMapping>) =>
  async () =>
    (await storedMapping(db, tenant)) ?? fromFile;

/** Site ids the mapping names that are no live `sites` record (deleted or never there). */
export async function unknownSites(db: Queryable, tenant: string, mapping: LdapMapping): Promise<string[]> {
  const ids = [...new Set(mapping.siteGroups.map((row) => row.siteId))];
  if (ids.length === 0) return [];
  const { rows } = await db.query<{ id: string }>("SELECT id FROM records WHERE tenant_id = $1 AND tbl = 'sites' AND deleted_at IS NULL AND id = ANY($2::text[])", [tenant, ids]);
  const live = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !live.has(id));
}

/** Fields named in the access log; never the groups or roles themselves. */
const FIELDS = ['roleGroups', 'siteGroups'];

export async function writeMapping(db: Db, tenant: string, mapping: LdapMapping, by: Principal): Promise<void> {
  await db.tx(async (q) => {
    await q.query(
      `INSERT INTO jobcenter_settings (tenant_id, key, value, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [tenant, LDAP_MAPPING_KEY, JSON.stringify(mapping), by.user?.sub ?? '?'],
    );
    await appendAudit(q, tenant, [
      { action: 'settings-changed', outcome: 'ok', username: by.user?.sub, staffId: by.user?.staff, deviceId: by.device.id, fields: FIELDS, detail: 'AD-Gruppen: Zuordnung der Verwaltung' },
    ]);
  });
}

/**
 * IT's way back when nobody holds the Administration role any more (`--reset-ldap-mapping` at the
 * service's start, OPERATIONS.md): the stored mapping goes, ldap.json's holds; on record. True when
 * there was one.
 */
export async function resetMappingAtStart(db: Db, tenant: string): Promise<boolean> {
  return db.tx(async (q) => {
    const { rows } = await q.query('DELETE FROM jobcenter_settings WHERE tenant_id = $1 AND key = $2 RETURNING key', [tenant, LDAP_MAPPING_KEY]);
    if (rows.length === 0) return false;
    await appendAudit(q, tenant, [{ action: 'settings-changed', outcome: 'ok', fields: FIELDS, detail: 'AD-Gruppen: zurück zur Datei ldap.json (--reset-ldap-mapping beim Start des Dienstes)' }]);
    return true;
  });
}

/** Back to ldap.json's mapping: the stored one is removed. */
export async function clearMapping(db: Db, tenant: string, by: Principal): Promise<void> {
  await db.tx(async (q) => {
    await q.query('DELETE FROM jobcenter_settings WHERE tenant_id = $1 AND key = $2', [tenant, LDAP_MAPPING_KEY]);
    await appendAudit(q, tenant, [
      { action: 'settings-changed', outcome: 'ok', username: by.user?.sub, staffId: by.user?.staff, deviceId: by.device.id, fields: FIELDS, detail: 'AD-Gruppen: zurück zur Datei ldap.json' },
    ]);
  });
}
