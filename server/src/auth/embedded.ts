import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';
import { ROLES, type Role } from '../../../shared/model/vocabulary';
import type { Db, Queryable } from '../db';
import type { Account, AccountDirectory, AuthOutcome } from './accounts';

/**
 * The user directory the service keeps itself (issue 7 item 1): for a Jobcenter without a directory
 * server and for the demo. Passwords are hashed with argon2id at OWASP's minimum (19 MiB, 2 passes,
 * 1 lane); a hash is never sent anywhere.
 */
export const ARGON2 = { algorithm: 2 /* argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** A sign-in name: letters, digits, dot, dash, underscore (what AD's sAMAccountName allows in practice). */
export const usernameSchema = z
  .string({ error: 'Bitte einen Benutzernamen angeben.' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, { error: 'Benutzername: nur Buchstaben, Ziffern, Punkt, Binde- und Unterstrich (höchstens 64 Zeichen).' });
export const passwordSchema = z
  .string({ error: 'Bitte ein Kennwort angeben.' })
  .min(10, { error: 'Das Kennwort muss mindestens 10 Zeichen lang sein.' })
  .max(200, { error: 'Das Kennwort darf höchstens 200 Zeichen lang sein.' });

export const accountInputSchema = z.strictObject({
  username: usernameSchema,
  displayName: z.string({ error: 'Bitte den Namen angeben.' }).trim().min(1, { error: 'Bitte den Namen angeben.' }).max(80, { error: 'Der Name ist zu lang (höchstens 80 Zeichen).' }),
  staffId: z.string().trim().min(1).max(100).nullable(),
  roles: z.array(z.enum(ROLES, { error: 'Unbekannte Rolle.' })).min(1, { error: 'Bitte mindestens eine Rolle wählen.' }).max(ROLES.length),
  homeSiteId: z.string().trim().min(1).max(100).nullable(),
  disabled: z.boolean().default(false),
});
export type AccountInput = z.input<typeof accountInputSchema>;

type Row = { username: string; staff_id: string | null; display_name: string; roles: Role[]; home_site_id: string | null; password_hash: string; disabled: boolean };
const toAccount = (r: Row): Account => ({ username: r.username, staffId: r.staff_id, displayName: r.display_name, roles: r.roles, homeSiteId: r.home_site_id });

export function embeddedDirectory(db: Queryable, tenant: string): AccountDirectory {
  // Compared against when the user is unknown, so a wrong name costs as long as a wrong password.
  const decoy = hash('decoy-password-never-valid', ARGON2);
  const read = async (username: string) =>
    (await db.query<Row>('SELECT username, staff_id, display_name, roles, home_site_id, password_hash, disabled FROM accounts WHERE tenant_id = $1 AND username = $2', [tenant, username])).rows[0];
  return {
    kind: 'embedded',
    async authenticate(username, password): Promise<AuthOutcome> {
      const name = usernameSchema.safeParse(username);
      const row = name.success ? await read(name.data) : undefined;
      const good = await verify(row?.password_hash ?? (await decoy), password).catch(() => false);
      if (!row) return { ok: false, reason: 'unknown-user' };
      if (!good) return { ok: false, reason: 'wrong-password' };
      if (row.disabled || row.roles.length === 0) return { ok: false, reason: 'disabled' };
      return { ok: true, account: toAccount(row) };
    },
    async lookup(username) {
      const row = await read(username);
      return row && !row.disabled && row.roles.length > 0 ? toAccount(row) : null;
    },
  };
}

/** Creates or updates an account (ADMIN's screen); a password is set only when given. */
export async function saveAccount(db: Db, tenant: string, input: AccountInput, password?: string): Promise<Account> {
  const a = accountInputSchema.parse(input);
  const pw = password === undefined ? null : await hash(passwordSchema.parse(password), ARGON2);
  const { rows } = await db.query<Row>(
    `INSERT INTO accounts (tenant_id, username, staff_id, display_name, roles, home_site_id, password_hash, disabled)
     VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7, '!'), $8)
     ON CONFLICT (tenant_id, username) DO UPDATE SET staff_id = EXCLUDED.staff_id, display_name = EXCLUDED.display_name,
       roles = EXCLUDED.roles, home_site_id = EXCLUDED.home_site_id, disabled = EXCLUDED.disabled,
       password_hash = COALESCE($7, accounts.password_hash), updated_at = now()
     RETURNING username, staff_id, display_name, roles, home_site_id, password_hash, disabled`,
    [tenant, a.username, a.staffId, a.displayName, a.roles, a.homeSiteId, pw, a.disabled],
  );
  return toAccount(rows[0]!);
}

export interface AccountListing extends Account {
  disabled: boolean;
  hasPassword: boolean;
}

export async function listAccounts(db: Queryable, tenant: string): Promise<AccountListing[]> {
  const { rows } = await db.query<Row>(
    'SELECT username, staff_id, display_name, roles, home_site_id, password_hash, disabled FROM accounts WHERE tenant_id = $1 ORDER BY display_name, username',
    [tenant],
  );
  return rows.map((r) => ({ ...toAccount(r), disabled: r.disabled, hasPassword: r.password_hash.startsWith('$argon2') }));
}
