import { randomBytes } from 'node:crypto';
import type { Staff } from '../../../shared/model/records';
import type { Db } from '../db';
import { DEMO_PASSWORD, demoUsername } from '../../../shared/demo/accounts';
import { saveAccount } from './embedded';

/**
 * Accounts of the embedded directory for the demo (`npm start`) and the browser tests: one per
 * person of the demo staff list (shared/demo/accounts.ts). Never used in production: main.ts seeds
 * them only with --demo-accounts.
 */
export { DEMO_PASSWORD };

async function isEmpty(db: Db, tenant: string): Promise<boolean> {
  const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM accounts WHERE tenant_id = $1', [tenant]);
  return Number(rows[0]?.n ?? 0) === 0;
}

export async function seedDemoAccounts(db: Db, tenant: string, staff: readonly Staff[]): Promise<number> {
  if (!(await isEmpty(db, tenant))) return 0;
  for (const s of staff) {
    await saveAccount(db, tenant, { username: demoUsername(s.name), displayName: s.name, staffId: s.id, roles: s.roles, homeSiteId: s.homeSiteId, disabled: false }, DEMO_PASSWORD);
  }
  return staff.length;
}

/**
 * A new Jobcenter on the embedded directory: one account `admin` with a random password, printed
 * once by main.ts. The admin links accounts to people and enrolls the PCs.
 */
export async function bootstrapAdmin(db: Db, tenant: string): Promise<string | null> {
  if (!(await isEmpty(db, tenant))) return null;
  const password = randomBytes(12).toString('base64url');
  await saveAccount(db, tenant, { username: 'admin', displayName: 'Administration', staffId: null, roles: ['ADMIN'], homeSiteId: null, disabled: false }, password);
  return password;
}
