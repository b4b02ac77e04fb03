import { randomUUID } from 'node:crypto';
import { generateDirectory } from '../../shared/demo/generate';
import type { ValidChange } from './sync';
import { DEFAULT_TENANT, type SyncCore } from './sync';
import type { Db } from './db';

/**
 * SYNC.md §11 seam 12: the directory (the four sites and the staff list) is configuration every PC
 * needs before it can record anything. The sync service owns it: a new tenant gets the same
 * directory the PCs seed on their first start (shared/demo/generate.ts, fixed ids), stamped with
 * the oldest clock there is, so any edit made at a PC wins over it. Names in the server's answers
 * ("Frau K.: bereits von … übernommen.") come from here.
 */
export const DIRECTORY_HLC = '2000-01-01T00:00:00.000Z-0000-server';

export async function seedDirectoryIfEmpty(db: Db, core: SyncCore, now = new Date(), tenant = DEFAULT_TENANT): Promise<number> {
  const { rows } = await db.query<{ n: string }>("SELECT count(*) AS n FROM records WHERE tenant_id = $1 AND tbl = 'sites'", [tenant]);
  if (Number(rows[0]?.n ?? 0) > 0) return 0;
  const { sites, staff } = generateDirectory(now);
  const changes: ValidChange[] = [
    ...sites.map((s) => ({ table: 'sites' as const, record: s })),
    ...staff.map((s) => ({ table: 'staff' as const, record: s })),
  ].map(({ table, record }) => ({
    changeId: `directory-${table}-${record.id}`,
    table,
    id: record.id,
    op: 'put' as const,
    hlc: DIRECTORY_HLC,
    record: record as unknown as Record<string, unknown>,
  }));
  await core.push({ deviceId: 'server', userId: null }, [{ txId: randomUUID(), changes }]);
  return changes.length;
}
