import { deskCodeAt } from '../../shared/sync/desk-code';
import type { Db } from './db';
import { DEFAULT_TENANT, type Caller } from './sync';

/**
 * Issue 6 item 6: one code per PC and site, the lowest free one of the site. Asking again returns
 * the same code, so a PC that lost the answer (or was reinstalled with the same device id) keeps it.
 * Assignment takes a table lock: it happens once per PC and site, and two PCs asking at the same
 * moment must not get the same letter.
 */
export async function assignDeskCode(db: Db, caller: Caller, siteId: string, tenant = DEFAULT_TENANT): Promise<string> {
  return db.tx(async (q) => {
    await q.query('LOCK TABLE desk_codes IN EXCLUSIVE MODE');
    const { rows } = await q.query<{ device_id: string; code: string }>(
      'SELECT device_id, code FROM desk_codes WHERE tenant_id = $1 AND site_id = $2',
      [tenant, siteId],
    );
    const mine = rows.find((r) => r.device_id === caller.deviceId);
    if (mine) return mine.code;
    const taken = new Set(rows.map((r) => r.code));
    let index = 0;
    while (taken.has(deskCodeAt(index))) index += 1;
    const code = deskCodeAt(index);
    await q.query('INSERT INTO desk_codes (tenant_id, site_id, device_id, code) VALUES ($1, $2, $3, $4)', [tenant, siteId, caller.deviceId, code]);
    return code;
  });
}
