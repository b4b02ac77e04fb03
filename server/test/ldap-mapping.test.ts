import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../shared/sync/protocol';
import type { LdapMapping, LdapMappingResponse } from '../../shared/model/ldap-mapping';
import type { AccountDirectory, Account } from '../src/auth/accounts';
import { mapGroups, type DirectoryGroup } from '../src/auth/ldap';
import { currentMapping, resetMappingAtStart, storedMapping } from '../src/auth/ldap-mapping';
import type { Db } from '../src/db';
import { DEFAULT_TENANT } from '../src/sync';
import { enrollPc, PASSWORD, PEOPLE, signIn, signedIn, startAuthServer, syncHeaders, type AuthHarness, type Pc, type SignedIn } from './auth-helpers';
import { PG15_URL, TARGET } from './helpers';

/**
 * Issue 7 item 8 / SPEC §8 "Jobcenter-wide settings: admin": the Active-Directory group → role and
 * group → home-site mapping is kept by the service and edited by ADMIN (GET/PUT
 * /v1/admin/ldap-mapping, POST …/reset). ldap.json's mapping is the start value. Here the directory is a stand-in
 * for AD that maps its groups with the same `mapGroups` and mapping getter as ldapDirectory; the
 * real slapd proves the same in ldap-mapping-slapd.test.ts.
 */
const available = TARGET === 'pglite' || PG15_URL !== undefined;

const group = (cn: string): DirectoryGroup => ({ dn: `cn=${cn},ou=groups,dc=test`, cn });
/** Who is in which AD group. */
const MEMBERS: Record<string, DirectoryGroup[]> = {
  'ada.admin': [group('AS-Admin'), group('AS-Standort-BE')],
  'anna.ez': [group('AS-EZ'), group('AS-Standort-BE'), group('AS-Neu')],
  'lars.lb': [group('AS-LB'), group('AS-Standort-DI')],
  'dirk.dsb': [group('AS-DSB')],
};
/** ldap.json's mapping, as rows. */
const FILE: LdapMapping = {
  roleGroups: [
    { group: 'AS-Admin', roles: ['ADMIN'] },
    { group: 'AS-EZ', roles: ['EZ'] },
    { group: 'AS-LB', roles: ['LB'] },
    { group: 'AS-DSB', roles: ['DSB'] },
  ],
  siteGroups: [
    { group: 'AS-Standort-BE', siteId: 'site-be' },
    { group: 'AS-Standort-DI', siteId: 'site-di' },
  ],
};

function standInAd(db: Db): AccountDirectory {
  const mapping = currentMapping(db, DEFAULT_TENANT, FILE);
  const account = async (username: string): Promise<Account | null> => {
    const groups = MEMBERS[username];
    if (!groups) return null;
    const { roles, homeSiteId } = mapGroups(groups, await mapping());
    const staffId = PEOPLE.find((p) => p.username === username)?.staffId ?? null;
    return roles.length > 0 ? { username, staffId, displayName: username, roles, homeSiteId } : null;
  };
  return {
    kind: 'ldap',
    async authenticate(username, password) {
      if (!MEMBERS[username]) return { ok: false, reason: 'unknown-user' };
      if (password !== PASSWORD) return { ok: false, reason: 'wrong-password' };
      const a = await account(username);
      return a ? { ok: true, account: a } : { ok: false, reason: 'disabled' };
    },
    lookup: account,
    rolesUnder: async (username, other) => (MEMBERS[username] ? mapGroups(MEMBERS[username], other).roles : null),
  };
}

const URL = '/v1/admin/ldap-mapping';

describe.runIf(available)(`the AD group mapping is kept by the service and edited by ADMIN (issue 7 item 8, SPEC §8) on ${TARGET}`, () => {
  let h: AuthHarness;
  let lead: Pc;
  let ada: SignedIn;
  const asAda = () => syncHeaders(lead, ada);
  const settingsChanges = async () =>
    (await h.db.query<{ fields: string[]; detail: string | null; username: string }>("SELECT fields, detail, username FROM audit_log WHERE action = 'settings-changed' ORDER BY seq")).rows;

  beforeAll(async () => {
    h = await startAuthServer({}, { directory: standInAd, access: { ldapFileMapping: FILE } });
  });
  beforeEach(async () => {
    await h.reset();
    lead = await enrollPc(h, 'site-be', 'lead');
    ada = await signedIn(h, lead, 'ada.admin');
  });
  afterAll(async () => {
    await h.close();
  });

  it('ADMIN cannot save a mapping that takes the Administration role from herself – nobody could undo it (found by review); nothing changes', async () => {
    // The only ADMIN group is one Ada is not in (a typo, or someone else's group).
    const elsewhere: LdapMapping = { ...FILE, roleGroups: FILE.roleGroups.map((r) => (r.group === 'AS-Admin' ? { group: 'AS-Admins', roles: ['ADMIN'] } : r)) };
    const res = await h.app.inject({ method: 'PUT', url: URL, headers: asAda(), payload: elsewhere });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('keine Rolle „Administration“ mehr');
    expect((await h.app.inject({ method: 'GET', url: URL, headers: asAda() })).json()).toMatchObject({ source: 'file', mapping: FILE });
    expect(await settingsChanges()).toEqual([]);
  });

  it('IT’s way back at the service’s start (--reset-ldap-mapping): the stored mapping goes, the file’s holds, on record', async () => {
    const changed: LdapMapping = { ...FILE, roleGroups: [...FILE.roleGroups, { group: 'AS-Neu', roles: ['LB'] }] };
    expect((await h.app.inject({ method: 'PUT', url: URL, headers: asAda(), payload: changed })).statusCode).toBe(200);
    expect(await resetMappingAtStart(h.db, DEFAULT_TENANT)).toBe(true);
    expect((await h.app.inject({ method: 'GET', url: URL, headers: asAda() })).json()).toMatchObject({ source: 'file', mapping: FILE });
    expect((await settingsChanges()).at(-1)).toMatchObject({ fields: ['roleGroups', 'siteGroups'], detail: expect.stringContaining('--reset-ldap-mapping') });
    expect(await resetMappingAtStart(h.db, DEFAULT_TENANT)).toBe(false);
  });

  it('without a stored mapping ADMIN sees the file’s, marked as coming from the file', async () => {
    const res = await h.app.inject({ method: 'GET', url: URL, headers: asAda() });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ directory: 'ldap', mapping: FILE, fromFile: FILE, source: 'file' } satisfies LdapMappingResponse);
  });

  it('ADMIN’s mapping replaces the file’s at the next sign-in and lookup, without restart; going back to the file undoes it', async () => {
    const counter = await enrollPc(h);
    expect((await signedIn(h, counter, 'anna.ez')) as unknown).toMatchObject({ account: { roles: ['EZ'], homeSiteId: 'site-be' } });
    const mine: LdapMapping = {
      roleGroups: [
        { group: 'AS-Admin', roles: ['ADMIN'] },
        { group: 'AS-Neu', roles: ['TL_EZ', 'VERMITTLUNG'] }, // a new group gives anna two roles …
        { group: 'cn=AS-LB, ou=groups, dc=test', roles: ['LB'] }, // … a DN matches however it is spaced
      ],
      // Diez listed first: the first site group that matches wins.
      siteGroups: [
        { group: 'AS-Neu', siteId: 'site-di' },
        { group: 'AS-Standort-BE', siteId: 'site-be' },
      ],
    };
    const put = await h.app.inject({ method: 'PUT', url: URL, headers: asAda(), payload: mine });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({ directory: 'ldap', mapping: { ...mine, roleGroups: [mine.roleGroups[0], { group: 'AS-Neu', roles: ['VERMITTLUNG', 'TL_EZ'] }, mine.roleGroups[2]] }, fromFile: FILE, source: 'service' });
    // AS-EZ no longer gives EZ; the new group gives its roles (in the app's order) and Diez.
    const anna = await signIn(h, counter, 'anna.ez');
    expect(anna.json()).toMatchObject({ account: { roles: ['VERMITTLUNG', 'TL_EZ'], homeSiteId: 'site-di' } });
    expect(await h.auth.directory.lookup('lars.lb')).toMatchObject({ roles: ['LB'], homeSiteId: null });
    // The DSB's group is in no row any more: no role, no sign-in.
    expect((await signIn(h, counter, 'dirk.dsb')).statusCode).toBe(403);

    const back = await h.app.inject({ method: 'POST', url: `${URL}/reset`, headers: asAda() });
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ mapping: FILE, source: 'file' });
    expect(await storedMapping(h.db, DEFAULT_TENANT)).toBeNull();
    expect((await signIn(h, counter, 'anna.ez')).json()).toMatchObject({ account: { roles: ['EZ'], homeSiteId: 'site-be' } });
  });

  it('every change is in the access log with the field names, never the groups or roles', async () => {
    await h.app.inject({ method: 'PUT', url: URL, headers: asAda(), payload: { ...FILE, roleGroups: [...FILE.roleGroups, { group: 'AS-Geheim-Gruppe', roles: ['GF'] }] } });
    await h.app.inject({ method: 'POST', url: `${URL}/reset`, headers: asAda() });
    const rows = await settingsChanges();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({ fields: ['roleGroups', 'siteGroups'], username: 'ada.admin' });
      expect(JSON.stringify(row)).not.toMatch(/AS-Geheim|AS-EZ|"GF"/);
    }
  });

  it('a person without ADMIN is refused reading, changing and resetting the mapping, each on record, and nothing changes', async () => {
    const counter = await enrollPc(h);
    const anna = await signedIn(h, counter, 'anna.ez');
    const dirk = await signedIn(h, lead, 'dirk.dsb');
    const requests = [
      { method: 'GET', url: URL, headers: syncHeaders(counter, anna) },
      { method: 'PUT', url: URL, headers: syncHeaders(counter, anna), payload: { ...FILE, roleGroups: [{ group: 'AS-EZ', roles: ['EZ', 'ADMIN'] }] } },
      { method: 'POST', url: `${URL}/reset`, headers: syncHeaders(counter, anna) },
      { method: 'PUT', url: URL, headers: syncHeaders(lead, dirk), payload: FILE },
      { method: 'PUT', url: URL, headers: syncHeaders(lead), payload: FILE }, // PC token only, nobody signed in
    ] as const;
    for (const req of requests) {
      const before = (await h.db.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'request-refused'")).rows[0] as { n: number };
      const res = await h.app.inject(req as never);
      expect(res.statusCode, `${req.method} ${res.body}`).toBeGreaterThanOrEqual(401);
      expect(res.statusCode).toBeLessThanOrEqual(403);
      expect((res.json() as { error: { message: string } }).error.message).toMatch(/[a-zäöüß]{4,}/i);
      const after = (await h.db.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'request-refused'")).rows[0] as { n: number };
      expect(after.n).toBeGreaterThan(before.n);
    }
    expect(await storedMapping(h.db, DEFAULT_TENANT)).toBeNull();
    expect(await settingsChanges()).toEqual([]);
  });

  const BAD: [string, unknown, RegExp][] = [
    ['an unknown role', { ...FILE, roleGroups: [...FILE.roleGroups, { group: 'AS-Chef', roles: ['CHEF'] }] }, /Unbekannte Rolle „CHEF“; erlaubt sind EZ, LB/],
    ['a group without a role', { ...FILE, roleGroups: [...FILE.roleGroups, { group: 'AS-Leer', roles: [] }] }, /mindestens eine Rolle/],
    ['no role group at all', { roleGroups: [], siteGroups: [] }, /Mindestens eine Rollengruppe/],
    ['no group giving ADMIN (nobody could change it back)', { ...FILE, roleGroups: FILE.roleGroups.filter((r) => !r.roles.includes('ADMIN')) }, /Administration/],
    ['an empty group name', { ...FILE, roleGroups: [...FILE.roleGroups, { group: '   ', roles: ['EZ'] }] }, /Gruppenname darf nicht leer sein/],
    ['a group name with a line break', { ...FILE, roleGroups: [...FILE.roleGroups, { group: 'AS-EZ\nADMIN', roles: ['EZ'] }] }, /Steuerzeichen/],
    ['a group name of 600 characters', { ...FILE, roleGroups: [...FILE.roleGroups, { group: 'G'.repeat(600), roles: ['EZ'] }] }, /höchstens 512 Zeichen/],
    ['the same group twice (spelt differently)', { ...FILE, roleGroups: [...FILE.roleGroups, { group: 'as-ez', roles: ['GF'] }] }, /„as-ez“ steht bei den Rollen zweimal/],
    ['a site that does not exist', { ...FILE, siteGroups: [{ group: 'AS-X', siteId: 'site-nirgends' }] }, /Diesen Standort gibt es im Jobcenter nicht: „site-nirgends“/],
    ['a site group without a site', { ...FILE, siteGroups: [{ group: 'AS-X', siteId: '' }] }, /Bitte einen Standort wählen/],
    ['301 role groups', { ...FILE, roleGroups: Array.from({ length: 301 }, (_, i) => ({ group: `G${i}`, roles: ['ADMIN'] })) }, /Höchstens 200 Rollengruppen/],
    ['an unknown setting', { ...FILE, url: 'ldap://evil' }, /Unbekannte Angabe\(n\): url/],
    ['the file’s object form', { roleGroups: { 'AS-EZ': ['EZ'] }, siteGroups: {} }, /bitte eine Liste/],
    ['no body', undefined, /Rollengruppen und Standortgruppen/],
  ];
  it.each(BAD)('%s is refused in German and changes nothing', async (_name, payload, message) => {
    await h.app.inject({ method: 'PUT', url: URL, headers: asAda(), payload: FILE });
    const before = await settingsChanges();
    const res = await h.app.inject({ method: 'PUT', url: URL, headers: asAda(), ...(payload === undefined ? {} : { payload: payload as object }) });
    expect(res.statusCode, res.body).toBe(400);
    expect((res.json() as { error: { message: string } }).error.message).toMatch(message);
    expect(await storedMapping(h.db, DEFAULT_TENANT)).toEqual(FILE);
    expect(await settingsChanges()).toEqual(before);
  });

  it('group names with filter or SQL syntax are kept as text and match only a group of exactly that name', async () => {
    const odd = ['*', 'AS-EZ)(cn=*', "x'; DROP TABLE jobcenter_settings; --", 'cn=*,ou=groups,dc=test', '<script>alert(1)</script>'];
    const mapping: LdapMapping = { roleGroups: [{ group: 'AS-Admin', roles: ['ADMIN'] }, ...odd.map((group) => ({ group, roles: ['GF' as const] }))], siteGroups: [] };
    const res = await h.app.inject({ method: 'PUT', url: URL, headers: asAda(), payload: mapping });
    expect(res.statusCode, res.body).toBe(200);
    expect(await storedMapping(h.db, DEFAULT_TENANT)).toEqual(mapping);
    // Nobody's groups are called like that: no GF for anyone, EZ is gone (AS-EZ is in no row).
    for (const username of ['anna.ez', 'lars.lb', 'dirk.dsb']) expect(await h.auth.directory.lookup(username)).toBeNull();
    expect(await h.auth.directory.lookup('ada.admin')).toMatchObject({ roles: ['ADMIN'] });
  });

  it('a deleted site may not be named', async () => {
    await h.db.query("UPDATE records SET deleted_at = now() WHERE tbl = 'sites' AND id = 'site-di'");
    const res = await h.app.inject({ method: 'PUT', url: URL, headers: asAda(), payload: FILE });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { message: expect.stringMatching(/„site-di“/) } });
    expect(await storedMapping(h.db, DEFAULT_TENANT)).toBeNull();
  });

  it('an oversized body is refused before it is read (413) and changes nothing', async () => {
    const res = await h.app.inject({
      method: 'PUT',
      url: URL,
      headers: { ...asAda(), 'content-type': 'application/json' },
      payload: JSON.stringify({ ...FILE, roleGroups: [{ group: 'x'.repeat(MAX_BODY_BYTES), roles: ['ADMIN'] }] }),
    });
    expect(res.statusCode).toBe(413);
    expect(await storedMapping(h.db, DEFAULT_TENANT)).toBeNull();
  });

  it('a stored mapping that no longer parses falls back to the file’s rather than lock everyone out', async () => {
    await h.db.query(
      "INSERT INTO jobcenter_settings (tenant_id, key, value, updated_by) VALUES ('default', 'ldapMapping', $1, 'x')",
      [JSON.stringify({ roleGroups: [{ group: 'AS-EZ', roles: ['KAISER'] }], siteGroups: [] })],
    );
    expect(await h.auth.directory.lookup('anna.ez')).toMatchObject({ roles: ['EZ'] });
    expect((await h.app.inject({ method: 'GET', url: URL, headers: asAda() })).json()).toMatchObject({ source: 'file', mapping: FILE });
  });
});

describe.runIf(available)(`with the embedded directory there is no AD mapping (issue 7 item 8) on ${TARGET}`, () => {
  let h: AuthHarness;
  beforeAll(async () => {
    h = await startAuthServer();
  });
  afterAll(async () => {
    await h.close();
  });

  it('GET says so, PUT and reset answer 409 in German and store nothing', async () => {
    const lead = await enrollPc(h, 'site-be', 'lead');
    const ada = await signedIn(h, lead, 'ada.admin');
    const get = await h.app.inject({ method: 'GET', url: URL, headers: syncHeaders(lead, ada) });
    expect(get.json()).toEqual({ directory: 'embedded', mapping: null, fromFile: null, source: 'file' });
    for (const req of [{ method: 'PUT', url: URL, payload: FILE }, { method: 'POST', url: `${URL}/reset` }] as const) {
      const res = await h.app.inject({ ...req, headers: syncHeaders(lead, ada) });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ error: { message: expect.stringMatching(/^Der Dienst verwendet das eingebaute Verzeichnis/) } });
    }
    expect(await storedMapping(h.db, DEFAULT_TENANT)).toBeNull();
  });
});
