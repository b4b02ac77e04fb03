import type { ConnectionOptions } from 'node:tls';
import { Client, EqualityFilter, ExtensibleFilter, InvalidCredentialsError, SizeLimitExceededError, type Entry, type Filter } from 'ldapts';
import { mappingFromRecords, type LdapMapping } from '../../../shared/model/ldap-mapping';
import { ROLES, type Role } from '../../../shared/model/vocabulary';
import type { Account, AccountDirectory, AuthFailure, AuthOutcome } from './accounts';
import type { LdapConfig } from './ldap-config';

/**
 * Sign-in against the Jobcenter's Active Directory (issue 7 item 1, SPEC §8): the service account
 * finds the person, the person's own bind checks the password, the groups give roles and home site.
 * Nothing is cached: a person taken out of a group loses the role at the next sign-in or lookup.
 */

/**
 * A sign-in name as Windows and our staff list spell it. Anything else (filter syntax, DNs, NUL,
 * very long input) is refused before the server is asked – the filter escaping below is the
 * second line of defence, not the only one.
 */
export const isPlainUsername = (name: string): boolean => /^[A-Za-z0-9._-]{1,64}$/.test(name);

/**
 * RFC 4515 §3: a value in a filter string with `*`, `(`, `)`, `\` and NUL as \XX. The filters sent
 * are ldapts Filter objects (values travel as raw octets, never parsed), so this is what their
 * toString() shows in logs and what tests check; kept here so the rule is written down once.
 */
export function escapeFilterValue(value: string): string {
  return value.replace(/[*()\\\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** (sAMAccountName=<name>) – the name as a value, whatever it contains. */
export const userSearchFilter = (attribute: string, username: string): Filter => new EqualityFilter({ attribute, value: username });

/** AD's LDAP_MATCHING_RULE_IN_CHAIN: member of the group directly or through nested groups. */
const IN_CHAIN = '1.2.840.113556.1.4.1941';

/** The groups under groupBase that have the user as member (nested in AD, direct in OpenLDAP). */
export const groupSearchFilter = (mode: LdapConfig['groupMembership'], userDn: string): Filter =>
  mode === 'memberOf-nested'
    ? new ExtensibleFilter({ matchType: 'member', rule: IN_CHAIN, value: userDn })
    : new EqualityFilter({ attribute: 'member', value: userDn });

/**
 * A DN in a form two spellings of the same DN share: AD and slapd write `CN=Weber\, Carla` or
 * `cn=Weber\2C Carla`, IT may write either in the configuration. Lower case, escapes decoded,
 * blanks around separators dropped.
 */
export function normalizeDn(dn: string): string {
  const rdns: string[] = [];
  let bytes: number[] = [];
  const flush = () => {
    rdns.push(
      Buffer.from(bytes)
        .toString('utf8')
        .split('=')
        .map((part) => part.trim())
        .join('=')
        .toLowerCase(),
    );
    bytes = [];
  };
  const chars = Array.from(dn); // code points, so "ä" or an emoji stays whole
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === '\\' && i + 1 < chars.length) {
      const hex = chars.slice(i + 1, i + 3).join('');
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        bytes.push(parseInt(hex, 16));
        i += 2;
      } else {
        bytes.push(...Buffer.from(chars[i + 1] as string, 'utf8'));
        i += 1;
      }
      // An escaped "=" must not split attribute and value: mark it so the split above keeps it.
      if (bytes.at(-1) === 0x3d) bytes[bytes.length - 1] = 0x01;
    } else if (c === ',') {
      flush();
    } else {
      bytes.push(...Buffer.from(c, 'utf8'));
    }
  }
  flush();
  // JSON, not a comma join: an escaped comma inside a value must not look like a separator.
  return JSON.stringify(rdns);
}

export interface DirectoryGroup {
  dn: string;
  cn: string | null;
}

/** A configuration key names this group: by DN (it has a "=") or by CN, case-insensitive. */
export const groupMatches = (key: string, group: DirectoryGroup): boolean =>
  key.includes('=') ? normalizeDn(key) === normalizeDn(group.dn) : group.cn !== null && key.trim().toLowerCase() === group.cn.trim().toLowerCase();

/** Roles (in the app's order, once each) and home site (first site group listed wins). */
export function mapGroups(groups: DirectoryGroup[], mapping: LdapMapping): { roles: Role[]; homeSiteId: string | null } {
  const held = new Set<Role>();
  for (const { group: key, roles } of mapping.roleGroups) {
    if (groups.some((group) => groupMatches(key, group))) roles.forEach((r) => held.add(r));
  }
  const site = mapping.siteGroups.find(({ group: key }) => groups.some((group) => groupMatches(key, group)));
  return { roles: ROLES.filter((r) => held.has(r)), homeSiteId: site ? site.siteId : null };
}

/** The first value of an attribute, whatever case the server spells its name in. */
function firstValue(entry: Entry, attribute: string): string | null {
  const key = Object.keys(entry).find((k) => k.toLowerCase() === attribute.toLowerCase());
  if (key === undefined) return null;
  const value = entry[key];
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return null;
  const text = (Buffer.isBuffer(first) ? first.toString('utf8') : first).trim();
  return text === '' ? null : text;
}

/** AD's userAccountControl bit 2: the account is disabled (absent in OpenLDAP, then not disabled). */
const ACCOUNTDISABLE = 0x2;
const isDisabledInAd = (entry: Entry): boolean => {
  const uac = firstValue(entry, 'userAccountControl');
  return uac !== null && (Number(uac) & ACCOUNTDISABLE) !== 0;
};

export interface LdapDirectoryOptions {
  /** Where operational trouble is told (service account refused, server unreachable). Never gets passwords. */
  warn?: (message: string) => void;
  /**
   * Issue 7 item 8: the group mapping in force, asked at every sign-in and lookup (ADMIN may
   * replace the file's in the Verwaltung; a change counts from the next sign-in, without restart).
   * Without it, the file's roleGroups/siteGroups.
   */
  mapping?: () => Promise<LdapMapping>;
}

const fail = (reason: AuthFailure): AuthOutcome => ({ ok: false, reason });

/** Names the error for the log without anything the user typed. */
const describe = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

export function ldapDirectory(config: LdapConfig, options: LdapDirectoryOptions = {}): AccountDirectory {
  const warn = options.warn ?? (() => {});
  const fromFile = mappingFromRecords(config);
  const mapping = options.mapping ?? (async () => fromFile);
  const tlsOptions: ConnectionOptions = { minVersion: 'TLSv1.2', ...(config.tlsCa !== undefined ? { ca: [config.tlsCa] } : {}) };

  /** A connected client (StartTLS done when configured); the caller binds and always unbinds. */
  async function connect(): Promise<Client> {
    // ldapts speaks TLS from the first byte whenever tlsOptions are given – so only for ldaps://;
    // StartTLS gets them after the plain connect.
    const secure = config.url.toLowerCase().startsWith('ldaps://');
    const client = new Client({ url: config.url, timeout: config.timeoutMs, connectTimeout: config.timeoutMs, ...(secure ? { tlsOptions } : {}) });
    if (config.startTls) {
      try {
        await client.startTLS(tlsOptions);
      } catch (error) {
        await close(client);
        throw error;
      }
    }
    return client;
  }

  async function close(client: Client): Promise<void> {
    try {
      await client.unbind();
    } catch {
      // Already gone (server down, connection refused): nothing left to release.
    }
  }

  /** Runs `work` on a client bound as the service account. */
  async function asService<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = await connect();
    try {
      try {
        await client.bind(config.bindDn, config.bindPassword);
      } catch (error) {
        if (error instanceof InvalidCredentialsError) warn('LDAP: das Dienstkonto (bindDn/Passwort) wird abgelehnt – Konfiguration prüfen.');
        throw error;
      }
      return await work(client);
    } finally {
      await close(client);
    }
  }

  /** Exactly one entry under userBase with this name, or null (none, or ambiguous). */
  async function findUser(client: Client, username: string): Promise<Entry | null> {
    try {
      const { searchEntries } = await client.search(config.userBase, {
        scope: 'sub',
        filter: userSearchFilter(config.userFilter, username),
        sizeLimit: 2,
        attributes: [config.userFilter, config.displayNameAttribute, config.staffIdAttribute, 'userAccountControl'],
      });
      return searchEntries.length === 1 ? (searchEntries[0] as Entry) : null;
    } catch (error) {
      // Two or more hits: the name does not say who signs in, so nobody does.
      if (error instanceof SizeLimitExceededError) {
        warn('LDAP: ein Anmeldename passt auf mehrere Einträge unter userBase.');
        return null;
      }
      throw error;
    }
  }

  /** The person's own bind on a separate connection: true when the directory accepts the password. */
  async function passwordAccepted(dn: string, password: string): Promise<boolean> {
    const client = await connect();
    try {
      await client.bind(dn, password);
      return true;
    } catch (error) {
      if (error instanceof InvalidCredentialsError) return false;
      throw error;
    } finally {
      await close(client);
    }
  }

  async function groupsOf(client: Client, userDn: string): Promise<DirectoryGroup[]> {
    const { searchEntries } = await client.search(config.groupBase, {
      scope: 'sub',
      filter: groupSearchFilter(config.groupMembership, userDn),
      attributes: ['cn'],
    });
    return searchEntries.map((entry) => ({ dn: entry.dn, cn: firstValue(entry, 'cn') }));
  }

  /** Who the entry is now; null when AD disabled it or no group gives a role. */
  async function accountOf(client: Client, entry: Entry, username: string): Promise<Account | null> {
    if (isDisabledInAd(entry)) return null;
    const { roles, homeSiteId } = mapGroups(await groupsOf(client, entry.dn), await mapping());
    if (roles.length === 0) return null;
    const name = firstValue(entry, config.userFilter) ?? username;
    return {
      username: name,
      staffId: firstValue(entry, config.staffIdAttribute),
      displayName: firstValue(entry, config.displayNameAttribute) ?? name,
      roles,
      homeSiteId,
    };
  }

  return {
    kind: 'ldap',

    async authenticate(username, password) {
      if (!isPlainUsername(username)) return fail('unknown-user');
      // An empty password makes a simple bind "unauthenticated" – which LDAP servers accept.
      if (password.length === 0) return fail('wrong-password');
      try {
        return await asService(async (client) => {
          const entry = await findUser(client, username);
          if (!entry) return fail('unknown-user');
          if (!(await passwordAccepted(entry.dn, password))) return fail('wrong-password');
          const account = await accountOf(client, entry, username);
          return account ? { ok: true, account } : fail('disabled');
        });
      } catch (error) {
        warn(`LDAP: Anmeldung nicht prüfbar (${describe(error)}).`);
        return fail('unavailable');
      }
    },

    async rolesUnder(username, other) {
      if (!isPlainUsername(username)) return null;
      return asService(async (client) => {
        const entry = await findUser(client, username);
        return entry && !isDisabledInAd(entry) ? mapGroups(await groupsOf(client, entry.dn), other).roles : null;
      });
    },

    async lookup(username) {
      if (!isPlainUsername(username)) return null;
      // Unlike authenticate, trouble is thrown: "directory down" must not read as "account gone".
      return asService(async (client) => {
        const entry = await findUser(client, username);
        return entry ? accountOf(client, entry, username) : null;
      });
    },
  };
}
