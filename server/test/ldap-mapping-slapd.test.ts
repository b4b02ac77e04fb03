import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mappingFromRecords, type LdapMapping } from '../../shared/model/ldap-mapping';
import type { Role } from '../../shared/model/vocabulary';
import { ldapDirectory } from '../src/auth/ldap';
import { resolveLdapConfig } from '../src/auth/ldap-config';
import { currentMapping } from '../src/auth/ldap-mapping';
import { DEFAULT_TENANT } from '../src/sync';
import { startAuthServer, syncHeaders, type AuthHarness, type Pc, type SignedIn } from './auth-helpers';

/**
 * Issue 7 item 8 / SPEC §8 against the real OpenLDAP of scripts/slapd.sh (test/ldap/directory.ldif):
 * an ADMIN changes the AD group mapping through the service's API, and the very next sign-in (and
 * session renewal) of a person gets the new role and loses the old one – no restart, no change in
 * the directory. Going back to the file brings ldap.json's mapping back.
 */
const URL = process.env.LDAP_TEST_URL;
if (!URL) {
  throw new Error('LDAP_TEST_URL fehlt: die LDAP-Tests brauchen einen slapd. Starten mit `eval "$(bash scripts/slapd.sh start)"` (oder `npm run test:server`).');
}
const BASE = 'dc=jobcenter,dc=test';
const GROUPS = `ou=groups,${BASE}`;

/** ldap.json of this test: Dora (AS-DSB) also keeps the app (ADMIN); sites of the test service. */
const config = resolveLdapConfig({
  url: URL,
  allowUnencrypted: true, // the local test slapd only
  bindDn: `cn=anlaufstelle-svc,ou=service,${BASE}`,
  bindPassword: 'Dienstkonto-Test-9',
  userBase: `ou=people,${BASE}`,
  userFilter: 'uid',
  groupMembership: 'member',
  groupBase: GROUPS,
  roleGroups: { 'AS-EZ': ['EZ'], 'AS-LB': ['LB'], 'AS-DSB': ['DSB', 'ADMIN'] },
  siteGroups: { 'AS-Standort-BadEms': 'site-be', 'AS-Standort-Diez': 'site-di' },
  timeoutMs: 3000,
});
const FILE = mappingFromRecords(config);

describe('an ADMIN’s AD group mapping counts from the next sign-in against slapd (issue 7 item 8, SPEC §8)', () => {
  let h: AuthHarness;
  let lead: Pc;
  let counter: Pc;
  let dora: SignedIn;

  async function enroll(profile: 'lead' | 'counter'): Promise<Pc> {
    const res = await h.app.inject({ method: 'POST', url: '/v1/enroll', payload: { username: 'dora.fischer', password: 'Dora-Passwort-4', siteId: 'site-be', profile, name: `PC ${profile}` } });
    expect(res.statusCode, res.body).toBe(200);
    const { deviceId, secret } = res.json() as { deviceId: string; secret: string };
    const t = await h.app.inject({ method: 'POST', url: '/v1/device-token', headers: { authorization: `Device ${deviceId}.${secret}` } });
    return { deviceId, secret, token: (t.json() as { token: string }).token };
  }
  const signIn = (pc: Pc, username: string, password: string) =>
    h.app.inject({ method: 'POST', url: '/v1/sign-in', headers: { authorization: `Bearer ${pc.token}` }, payload: { username, password } });
  const rolesAt = async (pc: Pc, username: string, password: string): Promise<{ status: number; roles?: Role[]; homeSiteId?: string | null; sessionId?: string }> => {
    const res = await signIn(pc, username, password);
    if (res.statusCode !== 200) return { status: res.statusCode };
    const body = res.json() as { sessionId: string; account: { roles: Role[]; homeSiteId: string | null } };
    return { status: 200, roles: body.account.roles, homeSiteId: body.account.homeSiteId, sessionId: body.sessionId };
  };

  beforeAll(async () => {
    h = await startAuthServer({}, { directory: (db) => ldapDirectory(config, { mapping: currentMapping(db, DEFAULT_TENANT, FILE) }), access: { ldapFileMapping: FILE } });
    lead = await enroll('lead');
    counter = await enroll('counter');
    const res = await signIn(lead, 'dora.fischer', 'Dora-Passwort-4');
    expect(res.statusCode, res.body).toBe(200);
    dora = res.json() as SignedIn;
  });
  afterAll(async () => {
    await h.close();
  });

  it('the file’s mapping holds until ADMIN changes it; then the next sign-in and renewal follow ADMIN’s, and going back to the file restores it', async () => {
    const before = await rolesAt(counter, 'anna.schmidt', 'Anna-Passwort-1');
    expect(before).toMatchObject({ status: 200, roles: ['EZ'], homeSiteId: 'site-be' });
    // Emil is only in "Kantine": no role, no sign-in.
    expect((await rolesAt(counter, 'emil.braun', 'Emil-Passwort-5')).status).toBe(403);

    const mine: LdapMapping = {
      roleGroups: [
        { group: 'AS-DSB', roles: ['ADMIN', 'DSB'] },
        { group: `CN=Kantine,OU=groups,DC=jobcenter,DC=test`, roles: ['VERMITTLUNG'] }, // by DN, in AD's spelling
        { group: 'AS-LB', roles: ['LB'] },
      ],
      siteGroups: [{ group: 'Kantine', siteId: 'site-di' }],
    };
    // The admin's own groups come from the directory: a mapping giving ADMIN only to a group she is not in is refused.
    const lockedOut = await h.app.inject({ method: 'PUT', url: '/v1/admin/ldap-mapping', headers: syncHeaders(lead, dora), payload: { ...mine, roleGroups: [{ group: 'AS-LB', roles: ['LB', 'ADMIN'] }] } });
    expect(lockedOut.statusCode, lockedOut.body).toBe(409);
    const put = await h.app.inject({ method: 'PUT', url: '/v1/admin/ldap-mapping', headers: syncHeaders(lead, dora), payload: mine });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ directory: 'ldap', source: 'service', mapping: mine, fromFile: FILE });

    // Anna is still in AS-EZ and Kantine in the directory: now she is Vermittlung in Diez, no longer EZ.
    expect(await rolesAt(counter, 'anna.schmidt', 'Anna-Passwort-1')).toMatchObject({ status: 200, roles: ['VERMITTLUNG'], homeSiteId: 'site-di' });
    // Her session from before renews with the roles of now, too.
    const renewed = await h.app.inject({ method: 'POST', url: '/v1/session/refresh', headers: { authorization: `Bearer ${counter.token}` }, payload: { sessionId: before.sessionId } });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(renewed.json()).toMatchObject({ account: { roles: ['VERMITTLUNG'], homeSiteId: 'site-di' } });
    // Emil gets a role through the new group; Bernd keeps LB and loses the site of AS-Standort-Diez.
    expect(await rolesAt(counter, 'emil.braun', 'Emil-Passwort-5')).toMatchObject({ status: 200, roles: ['VERMITTLUNG'], homeSiteId: 'site-di' });
    expect(await rolesAt(counter, 'bernd.keller', 'Bernd-Passwort-2')).toMatchObject({ status: 200, roles: ['LB'], homeSiteId: null });

    const back = await h.app.inject({ method: 'POST', url: '/v1/admin/ldap-mapping/reset', headers: syncHeaders(lead, dora) });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ source: 'file', mapping: FILE });
    expect(await rolesAt(counter, 'anna.schmidt', 'Anna-Passwort-1')).toMatchObject({ status: 200, roles: ['EZ'], homeSiteId: 'site-be' });
    expect((await rolesAt(counter, 'emil.braun', 'Emil-Passwort-5')).status).toBe(403);
  });

  it('a mapping ADMIN may not save changes nothing: the next sign-in still follows the file', async () => {
    await h.app.inject({ method: 'POST', url: '/v1/admin/ldap-mapping/reset', headers: syncHeaders(lead, dora) });
    const res = await h.app.inject({
      method: 'PUT',
      url: '/v1/admin/ldap-mapping',
      headers: syncHeaders(lead, dora),
      payload: { roleGroups: [{ group: 'Kantine', roles: ['ADMIN', 'CHEF'] }], siteGroups: [] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { message: expect.stringMatching(/Unbekannte Rolle „CHEF“/) } });
    expect((await rolesAt(counter, 'emil.braun', 'Emil-Passwort-5')).status).toBe(403);
  });
});
