import { DESK_CODE_LETTERS, deskCodeAt } from '../../shared/sync/desk-code';
import type { Db } from './db';
import { DEFAULT_TENANT, type Caller } from './sync';

/** Why no code could be given, in German, for the PC's status line. */
export class DeskCodeRefusal extends Error {
  constructor(
    readonly status: 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

const MAX_CODES = DESK_CODE_LETTERS.length * (DESK_CODE_LETTERS.length + 1);

/**
 * Issue 6 item 6: one code per PC and site, the lowest free one of the site. Asking again returns
 * the same code, so a PC that lost the answer (or was reinstalled with the same device id) keeps it.
 * A PC that names the code it `held` gets it back where the service has no code for it – after a
 * restore from a backup older than the code (OPERATIONS.md) – unless another PC has it by now.
 * Assignment takes a table lock: it happens once per PC and site, and two PCs asking at the same
 * moment must not get the same letter.
 */
export async function assignDeskCode(db: Db, caller: Caller, siteId: string, held?: string, tenant = DEFAULT_TENANT): Promise<string> {
  return db.tx(async (q) => {
    const { rows: site } = await q.query("SELECT 1 FROM records WHERE tenant_id = $1 AND tbl = 'sites' AND id = $2 AND deleted_at IS NULL", [tenant, siteId]);
    if (site.length === 0) throw new DeskCodeRefusal(404, `Den Standort „${siteId}“ gibt es im Jobcenter nicht; es wurde kein Platzbuchstabe vergeben.`);
    await q.query('LOCK TABLE desk_codes IN EXCLUSIVE MODE');
    const { rows } = await q.query<{ device_id: string; code: string }>(
      'SELECT device_id, code FROM desk_codes WHERE tenant_id = $1 AND site_id = $2',
      [tenant, siteId],
    );
    const mine = rows.find((r) => r.device_id === caller.deviceId);
    if (mine) return mine.code;
    const taken = new Set(rows.map((r) => r.code));
    let code: string;
    if (held !== undefined && !taken.has(held)) code = held;
    else {
      let index = 0;
      while (index < MAX_CODES && taken.has(deskCodeAt(index))) index += 1;
      if (index >= MAX_CODES) {
        throw new DeskCodeRefusal(409, `Alle ${MAX_CODES} Platzbuchstaben dieses Standorts sind vergeben; bitte die Administration bitten, ausgemusterte PCs freizugeben.`);
      }
      code = deskCodeAt(index);
    }
    await q.query('INSERT INTO desk_codes (tenant_id, site_id, device_id, code) VALUES ($1, $2, $3, $4)', [tenant, siteId, caller.deviceId, code]);
    return code;
  });
}
