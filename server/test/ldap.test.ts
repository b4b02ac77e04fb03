import { createServer } from 'node:net';
import { Attribute, Change, Client } from 'ldapts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AccountDirectory } from '../src/auth/accounts';
import { ldapDirectory, userSearchFilter } from '../src/auth/ldap';
import { resolveLdapConfig, type LdapConfig } from '../src/auth/ldap-config';

/**
 * Issue 7 item 1 / SPEC §8: sign-in against a real OpenLDAP (Debian's slapd, started by
 * scripts/slapd.sh from scripts/test.sh and scripts/test-server.sh) holding test/ldap/directory.ldif.
 * No silent skip: without LDAP_TEST_URL this file fails, on CI and on a developer's machine alike.
 */
const URL = process.env.LDAP_TEST_URL;
const LDAPS_URL = process.env.LDAPS_TEST_URL;
const CA_FILE = process.env.LDAP_TEST_CA;
if (!URL || !LDAPS_URL || !CA_FILE) {
  throw new Error(
    'LDAP_TEST_URL/LDAPS_TEST_URL/LDAP_TEST_CA fehlen: die LDAP-Tests brauchen einen slapd. Starten mit `eval "$(bash scripts/slapd.sh start)"` ' +
      '(oder `npm run test:server`, das ihn selbst startet und stoppt).' +
      (process.env.CI ? ' Auf CI muss scripts/test.sh bzw. scripts/test-server.sh laufen, nicht vitest allein.' : ''),
  );
}

const BASE = 'dc=jobcenter,dc=test';
const PEOPLE = `ou=people,${BASE}`;
const GROUPS = `ou=groups,${BASE}`;
/** The root DN scripts/slapd.sh configures: the tests change groups with it, as IT would in AD. */
const ROOT_DN = `cn=admin,${BASE}`;
const ROOT_PASSWORD = 'slapd-root-test';

const BAD_EMS = '5b1f0f9e-0c57-4d36-9d43-0a7e3c1b0e01';
const DIEZ = '5b1f0f9e-0c57-4d36-9d43-0a7e3c1b0e02';
const LAHNSTEIN = '5b1f0f9e-0c57-4d36-9d43-0a7e3c1b0e03';

const configFor = (url: string, overrides: Record<string, unknown> = {}): LdapConfig =>
  resolveLdapConfig({
    url,
    allowUnencrypted: true, // the local test slapd only; production refuses this
    bindDn: `cn=anlaufstelle-svc,ou=service,${BASE}`,
    bindPassword: 'Dienstkonto-Test-9',
    userBase: PEOPLE,
    userFilter: 'uid',
    groupMembership: 'member',
    groupBase: GROUPS,
    roleGroups: {
      'AS-EZ': ['EZ'],
      [`cn=AS-LB,${GROUPS}`]: ['LB'], // by DN, as in the AD example
      'AS-TL-EZ': ['TL_EZ'],
      'AS-TL-LB': ['TL_LB'],
      'AS-DSB': ['DSB'],
      'as-vermittlung': ['VERMITTLUNG'], // CNs compare case-insensitively
    },
    siteGroups: {
      'AS-Standort-BadEms': BAD_EMS,
      'AS-Standort-Diez': DIEZ,
      [`CN=AS-Standort-Lahnstein, OU=groups, DC=jobcenter, DC=test`]: LAHNSTEIN,
    },
    timeoutMs: 3000,
    ...overrides,
  });

/** Runs `work` as the directory's root, like IT changing groups in AD. */
async function asRoot<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ url: URL as string, timeout: 3000 });
  try {
    await client.bind(ROOT_DN, ROOT_PASSWORD);
    return await work(client);
  } finally {
    await client.unbind();
  }
}

const memberChange = (operation: 'add' | 'delete', userDn: string) =>
  new Change({ operation, modification: new Attribute({ type: 'member', values: [userDn] }) });

/** A port nothing listens on: the kernel hands one out, we close it again. */
const closedPort = () =>
  new Promise<number>((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

let directory: AccountDirectory;
beforeAll(() => {
  directory = ldapDirectory(configFor(URL));
});

describe('LDAP sign-in against slapd (issue 7 item 1, SPEC §8)', () => {
  it('the right password signs in with the roles and home site of the groups and the staff id of employeeNumber', async () => {
    expect(await directory.authenticate('anna.schmidt', 'Anna-Passwort-1')).toEqual({
      ok: true,
      account: { username: 'anna.schmidt', staffId: '0b6a1f3e-1111-4a11-8a11-000000000001', displayName: 'Anna Schmidt', roles: ['EZ'], homeSiteId: BAD_EMS },
    });
    // {SSHA} hash, two roles in the app's order, site group named by its DN
    expect(await directory.authenticate('bernd.keller', 'Bernd-Passwort-2')).toMatchObject({ ok: true, account: { roles: ['LB', 'TL_LB'], homeSiteId: DIEZ } });
  });

  it('a DN with an escaped comma (as AD writes "Weber, Carla") signs in; no employeeNumber gives staffId null', async () => {
    expect(await directory.authenticate('carla.weber', 'Carla-Passwort-3')).toEqual({
      ok: true,
      account: { username: 'carla.weber', staffId: null, displayName: 'Carla Weber', roles: ['EZ', 'TL_EZ'], homeSiteId: BAD_EMS },
    });
  });

  it('the sign-in name is matched as the directory does (case-insensitive) and answered in its spelling', async () => {
    expect(await directory.authenticate('Dora.Fischer', 'Dora-Passwort-4')).toMatchObject({
      ok: true,
      account: { username: 'dora.fischer', roles: ['DSB'], homeSiteId: null },
    });
  });

  it('a wrong password is wrong-password', async () => {
    expect(await directory.authenticate('anna.schmidt', 'Anna-Passwort-2')).toEqual({ ok: false, reason: 'wrong-password' });
    expect(await directory.authenticate('anna.schmidt', 'anna-passwort-1')).toEqual({ ok: false, reason: 'wrong-password' });
  });

  it('an unknown user is unknown-user', async () => {
    expect(await directory.authenticate('nicht.da', 'Anna-Passwort-1')).toEqual({ ok: false, reason: 'unknown-user' });
  });

  it('an empty password is wrong-password, not the anonymous bind LDAP would accept', async () => {
    expect(await directory.authenticate('anna.schmidt', '')).toEqual({ ok: false, reason: 'wrong-password' });
  });

  it('a user in no mapped group is disabled (only after the right password), and lookup gives null', async () => {
    expect(await directory.authenticate('emil.braun', 'Emil-Passwort-5')).toEqual({ ok: false, reason: 'disabled' });
    expect(await directory.authenticate('emil.braun', 'falsch')).toEqual({ ok: false, reason: 'wrong-password' });
    expect(await directory.lookup('emil.braun')).toBeNull();
  });

  it('lookup answers who the person is now without a password', async () => {
    expect(await directory.lookup('bernd.keller')).toEqual({
      username: 'bernd.keller',
      staffId: '0b6a1f3e-1111-4a11-8a11-000000000002',
      displayName: 'Bernd Keller',
      roles: ['LB', 'TL_LB'],
      homeSiteId: DIEZ,
    });
    expect(await directory.lookup('nicht.da')).toBeNull();
  });

  it('a user taken out of a group loses that role at the next sign-in and lookup; out of all, disabled', async () => {
    const frank = `uid=frank.huber,${PEOPLE}`;
    expect(await directory.authenticate('frank.huber', 'Frank-Passwort-6')).toMatchObject({ ok: true, account: { roles: ['EZ', 'LB'], homeSiteId: LAHNSTEIN } });
    try {
      await asRoot((c) => c.modify(`cn=AS-LB,${GROUPS}`, memberChange('delete', frank)));
      expect(await directory.authenticate('frank.huber', 'Frank-Passwort-6')).toMatchObject({ ok: true, account: { roles: ['EZ'] } });
      expect((await directory.lookup('frank.huber'))?.roles).toEqual(['EZ']);
      await asRoot((c) => c.modify(`cn=AS-EZ,${GROUPS}`, memberChange('delete', frank)));
      expect(await directory.authenticate('frank.huber', 'Frank-Passwort-6')).toEqual({ ok: false, reason: 'disabled' });
      expect(await directory.lookup('frank.huber')).toBeNull();
    } finally {
      // Put him back, so the file can run again against the same slapd.
      for (const group of ['AS-LB', 'AS-EZ']) {
        await asRoot((c) => c.modify(`cn=${group},${GROUPS}`, memberChange('add', frank))).catch(() => {});
      }
    }
    expect((await directory.lookup('frank.huber'))?.roles).toEqual(['EZ', 'LB']);
  });

  it('lookup returns null for a user removed from the directory, and the sign-in is unknown-user', async () => {
    const gina = `uid=gina.wolf,${PEOPLE}`;
    expect((await directory.lookup('gina.wolf'))?.roles).toEqual(['VERMITTLUNG']);
    await asRoot((c) => c.del(gina));
    try {
      expect(await directory.lookup('gina.wolf')).toBeNull();
      expect(await directory.authenticate('gina.wolf', 'Gina-Passwort-7')).toEqual({ ok: false, reason: 'unknown-user' });
    } finally {
      await asRoot((c) =>
        c.add(gina, {
          objectClass: 'inetOrgPerson',
          uid: 'gina.wolf',
          cn: 'Gina Wolf',
          sn: 'Wolf',
          displayName: 'Gina Wolf',
          employeeNumber: '0b6a1f3e-1111-4a11-8a11-000000000007',
          userPassword: 'Gina-Passwort-7',
        }),
      );
    }
    expect(await directory.authenticate('gina.wolf', 'Gina-Passwort-7')).toMatchObject({ ok: true, account: { roles: ['VERMITTLUNG'] } });
  });

  it('LDAP injection in the user name never signs in and never matches another user', async () => {
    const attempts = ['*', 'admin)(uid=*', '*)(|(uid=*', 'anna.schmidt)(uid=*', '\\2a', 'anna*', 'anna.schmidt\0', 'a'.repeat(10_000), `uid=anna.schmidt,${PEOPLE}`, 'uid=x,ou=people', ' anna.schmidt'];
    for (const name of attempts) {
      for (const password of ['Anna-Passwort-1', 'x']) {
        expect(await directory.authenticate(name, password), JSON.stringify(name).slice(0, 40)).toEqual({ ok: false, reason: 'unknown-user' });
      }
      expect(await directory.lookup(name)).toBeNull();
    }
  });

  it('behind the name guard, the filter itself keeps filter syntax a value on the real server', async () => {
    const hits = async (name: string) => {
      const client = new Client({ url: URL as string, timeout: 3000 });
      try {
        await client.bind(`cn=anlaufstelle-svc,ou=service,${BASE}`, 'Dienstkonto-Test-9');
        return (await client.search(PEOPLE, { scope: 'sub', filter: userSearchFilter('uid', name) })).searchEntries.length;
      } finally {
        await client.unbind();
      }
    };
    expect(await hits('anna.schmidt')).toBe(1);
    // As a string filter "(uid=*)" these would match everybody.
    for (const name of ['*', '*)(|(uid=*', 'anna*', 'admin)(uid=*']) expect(await hits(name), name).toBe(0);
  });

  it('StartTLS with the CA from tlsCaFile signs in; without that CA the certificate is refused: unavailable', async () => {
    const tls = { url: URL, startTls: true, allowUnencrypted: false };
    const trusted = ldapDirectory(configFor(URL, { ...tls, tlsCaFile: CA_FILE }));
    expect(await trusted.authenticate('anna.schmidt', 'Anna-Passwort-1')).toMatchObject({ ok: true, account: { roles: ['EZ'] } });
    expect(await trusted.authenticate('anna.schmidt', 'falsch')).toEqual({ ok: false, reason: 'wrong-password' });
    const untrusted = ldapDirectory(configFor(URL, tls));
    expect(await untrusted.authenticate('anna.schmidt', 'Anna-Passwort-1')).toEqual({ ok: false, reason: 'unavailable' });
  });

  it('ldaps:// with the CA signs in; without it unavailable', async () => {
    const trusted = ldapDirectory(configFor(LDAPS_URL, { allowUnencrypted: false, tlsCaFile: CA_FILE }));
    expect(await trusted.authenticate('bernd.keller', 'Bernd-Passwort-2')).toMatchObject({ ok: true, account: { roles: ['LB', 'TL_LB'] } });
    expect(await trusted.lookup('carla.weber')).toMatchObject({ roles: ['EZ', 'TL_EZ'] });
    const untrusted = ldapDirectory(configFor(LDAPS_URL, { allowUnencrypted: false }));
    expect(await untrusted.authenticate('bernd.keller', 'Bernd-Passwort-2')).toEqual({ ok: false, reason: 'unavailable' });
  });

  it('slapd not reachable: unavailable for sign-in, and lookup throws rather than say "gone"', async () => {
    const warnings: string[] = [];
    const down = ldapDirectory(configFor(`ldap://127.0.0.1:${await closedPort()}`), { warn: (m) => warnings.push(m) });
    expect(await down.authenticate('anna.schmidt', 'Anna-Passwort-1')).toEqual({ ok: false, reason: 'unavailable' });
    await expect(down.lookup('anna.schmidt')).rejects.toThrow();
    expect(warnings.join('\n')).not.toContain('Anna-Passwort-1');
  });

  it('a service account the directory refuses is unavailable and said in the log, without the password', async () => {
    const warnings: string[] = [];
    const misconfigured = ldapDirectory(configFor(URL, { bindPassword: 'falsch-konfiguriert' }), { warn: (m) => warnings.push(m) });
    expect(await misconfigured.authenticate('anna.schmidt', 'Anna-Passwort-1')).toEqual({ ok: false, reason: 'unavailable' });
    expect(warnings.join('\n')).toMatch(/Dienstkonto/);
    expect(warnings.join('\n')).not.toMatch(/falsch-konfiguriert|Anna-Passwort-1/);
  });
});
