import { JOBCENTER_DEFAULTS, jobcenterSettingsSchema, type JobcenterSettings } from '../../shared/model/jobcenter-settings';
import { appendAudit } from './audit';
import type { Principal } from './auth/service';
import type { Db, Queryable } from './db';

export { jobcenterSettingsPatchSchema } from '../../shared/model/jobcenter-settings';

/**
 * The Jobcenter's settings (issue 7 item 8), key by key: a stored value that no longer parses falls
 * back to its default and leaves the others as they are.
 */
export async function readJobcenterSettings(db: Queryable, tenant: string): Promise<JobcenterSettings> {
  const { rows } = await db.query<{ key: string; value: unknown }>('SELECT key, value FROM jobcenter_settings WHERE tenant_id = $1', [tenant]);
  const out: Record<string, unknown> = { ...JOBCENTER_DEFAULTS };
  for (const r of rows) {
    const field = jobcenterSettingsSchema.shape[r.key as keyof JobcenterSettings];
    const parsed = field?.safeParse(r.value);
    if (parsed?.success) out[r.key] = parsed.data;
  }
  return out as JobcenterSettings;
}

export async function writeJobcenterSettings(db: Db, tenant: string, patch: Partial<JobcenterSettings>, by: Principal): Promise<JobcenterSettings> {
  await db.tx(async (q) => {
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      await q.query(
        `INSERT INTO jobcenter_settings (tenant_id, key, value, updated_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [tenant, key, JSON.stringify(value), by.user?.sub ?? '?'],
      );
    }
    await appendAudit(q, tenant, [
      { action: 'settings-changed', outcome: 'ok', username: by.user?.sub, staffId: by.user?.staff, deviceId: by.device.id, fields: Object.keys(patch) },
    ]);
  });
  return readJobcenterSettings(db, tenant);
}
