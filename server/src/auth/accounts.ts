import type { LdapMapping } from '../../../shared/model/ldap-mapping';
import type { Role } from '../../../shared/model/vocabulary';

/**
 * Where people sign in (issue 7 item 1): the Jobcenter's Active Directory over LDAP in production
 * (`ldap.ts`), or the user directory the service keeps itself (`embedded.ts`, argon2id) for a
 * Jobcenter without a directory and for the demo. Both answer with the same shape, so the rest of
 * the service never knows which one is behind it.
 */
export interface Account {
  /** The sign-in name as the directory spells it (sAMAccountName / uid / embedded user name). */
  username: string;
  /** The person's record in the synced staff list (`staff.id`), or null when none is linked. */
  staffId: string | null;
  displayName: string;
  /** SPEC §8: a person may hold several roles; none means the person may not use the app. */
  roles: Role[];
  /** The home site (a `sites.id`), or null when the directory names none. */
  homeSiteId: string | null;
}

export type AuthFailure =
  /** No such user – reported to the PC exactly like a wrong password (no user enumeration). */
  | 'unknown-user'
  | 'wrong-password'
  /** Known, password right, but disabled or without any role of the app. */
  | 'disabled'
  /** The directory could not be asked (LDAP server down, TLS failure). */
  | 'unavailable';

export type AuthOutcome = { ok: true; account: Account } | { ok: false; reason: AuthFailure };

export interface AccountDirectory {
  readonly kind: 'embedded' | 'ldap';
  /** Checks the password and answers who the person is now (roles as of this moment). */
  authenticate(username: string, password: string): Promise<AuthOutcome>;
  /**
   * Who the person is now, without a password: the service re-checks the roles behind offline
   * changes when they arrive (issue 7 item 3). null when the account no longer exists or is disabled.
   */
  lookup(username: string): Promise<Account | null>;
  /**
   * The roles this person would have under another AD group mapping (LDAP only): ADMIN may not save
   * a mapping that takes the Administration role from herself – nobody could change it back.
   */
  rolesUnder?(username: string, mapping: LdapMapping): Promise<Role[] | null>;
  close?(): Promise<void>;
}
