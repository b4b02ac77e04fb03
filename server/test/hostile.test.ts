import { randomUUID } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_HEADERS, HEADERS, MAX_BODY_BYTES, PROTOCOL_VERSION, type PushResponse } from '../../shared/sync/protocol';
import { auditCount, enrollPc, KEY, PASSWORD, proofFor, signedIn, startAuthServer, syncHeaders, type AuthHarness, type Pc, type SignedIn } from './auth-helpers';
import { visit } from './auth.test';
import { change, handoff, PG15_URL, TARGET, ticket } from './helpers';

/**
 * Issue 7 "Hostile requests": every one of these is refused, writes nothing, and leaves an entry in
 * the access log. A request counts as refused when the service answers 4xx, or – for a push the
 * service reads but must not apply – when every change comes back rejected.
 */
const available = TARGET === 'pglite' || PG15_URL !== undefined;

interface Fixtures {
  h: AuthHarness;
  diez: Pc;
  dora: SignedIn;
  beTicket: Record<string, unknown>;
  beHandoff: Record<string, unknown>;
  counter: Pc;
  anna: SignedIn;
  lead: Pc;
  ada: SignedIn;
  tina: SignedIn;
  dirk: SignedIn;
  revoked: Pc;
  signedOut: SignedIn;
  expiredDevice: string;
  expiredUser: string;
  usedCode: string;
}

type Req = { method: 'GET' | 'POST' | 'PUT'; url: string; headers?: Record<string, string>; payload?: unknown };
type Case = [name: string, make: (f: Fixtures) => Req];

const P = { [HEADERS.protocol]: String(PROTOCOL_VERSION) };
const bearer = (token: string) => ({ ...P, authorization: `Bearer ${token}` });
const asUser = (pc: Pc, user: SignedIn | string) => ({ ...bearer(pc.token), [AUTH_HEADERS.userToken]: typeof user === 'string' ? user : user.token });
const push = (headers: Record<string, string>, changes: unknown[]): Req => ({ method: 'POST', url: '/v1/push', headers, payload: { groups: [{ txId: randomUUID(), changes }] } });
const big = 'x'.repeat(MAX_BODY_BYTES + 10);
const decision = (decidedBy: string, by = 's-anna') => ({
  id: `d-${randomUUID()}`,
  createdAt: '2026-12-03T08:00:00.000Z',
  createdBy: by,
  updatedAt: '2026-12-03T08:00:00.000Z',
  updatedBy: by,
  deletedAt: null,
  siteId: 'site-be',
  date: '2026-12-07',
  sessionStart: '08:00',
  staffId: 's-dora',
  source: 'ez-other-site',
  decidedBy,
  status: 'accepted',
  decidedByStaffId: by,
  note: '',
});
const staffRecord = (roles: string[]) => ({
  id: 's-anna',
  createdAt: '2026-12-03T08:00:00.000Z',
  createdBy: 's-anna',
  updatedAt: '2026-12-03T09:00:00.000Z',
  updatedBy: 's-anna',
  deletedAt: null,
  name: 'anna.ez',
  homeSiteId: 'site-be',
  roles,
  weekdays: [1, 2, 3, 4, 5],
  active: true,
});

const CASES: Case[] = [
  // ── no token ───────────────────────────────────────────────────────────────────────────────
  ['no token: push', () => push(P, [change('visits', visit(randomUUID(), 's-anna'))])],
  ['no token: pull', () => ({ method: 'GET', url: '/v1/pull?cursor=0', headers: P })],
  ['no token: wait', () => ({ method: 'GET', url: '/v1/wait?head=0', headers: P })],
  ['no token: desk code', () => ({ method: 'POST', url: '/v1/desk-code', headers: P, payload: { siteId: 'site-be' } })],
  ['no token: sign-in', () => ({ method: 'POST', url: '/v1/sign-in', payload: { username: 'anna.ez', password: PASSWORD } })],
  ['no token: renew a session', (f) => ({ method: 'POST', url: '/v1/session/refresh', payload: { sessionId: f.anna.sessionId } })],
  ['no token: sign out someone', (f) => ({ method: 'POST', url: '/v1/sign-out', payload: { sessionId: f.anna.sessionId } })],
  ['no token: read the access log', () => ({ method: 'GET', url: '/v1/audit' })],
  ['no token: report a view', () => ({ method: 'POST', url: '/v1/audit', payload: { events: [] } })],
  ['no token: read settings', () => ({ method: 'GET', url: '/v1/settings' })],
  ['no token: change settings', () => ({ method: 'PUT', url: '/v1/settings', payload: { retentionDays: 1 } })],
  ['no token: list PCs', () => ({ method: 'GET', url: '/v1/admin/devices' })],
  ['no token: revoke a PC', (f) => ({ method: 'POST', url: `/v1/admin/devices/${f.counter.deviceId}/revoke` })],
  ['no token: issue an enrollment code', () => ({ method: 'POST', url: '/v1/admin/enrollment-codes', payload: { siteId: 'site-be', profile: 'lead', name: 'x' } })],
  ['no token: list accounts', () => ({ method: 'GET', url: '/v1/admin/accounts' })],
  ['no token: create an admin account', () => ({ method: 'PUT', url: '/v1/admin/accounts', payload: { account: { username: 'evil', displayName: 'Evil', staffId: null, roles: ['ADMIN'], homeSiteId: null }, password: 'evil-evil-evil' } })],
  ['no token: PC token without a key', () => ({ method: 'POST', url: '/v1/device-token' })],
  ['no token: read the AD group mapping', () => ({ method: 'GET', url: '/v1/admin/ldap-mapping' })],
  ['no token: change the AD group mapping', () => ({ method: 'PUT', url: '/v1/admin/ldap-mapping', payload: { roleGroups: [{ group: 'AS-Admin', roles: ['ADMIN'] }], siteGroups: [] } })],
  ['no token: reset the AD group mapping', () => ({ method: 'POST', url: '/v1/admin/ldap-mapping/reset' })],
  // ── expired ────────────────────────────────────────────────────────────────────────────────
  ['expired PC token: push', (f) => push(bearer(f.expiredDevice), [change('visits', visit(randomUUID(), 's-anna'))])],
  ['expired PC token: pull', (f) => ({ method: 'GET', url: '/v1/pull?cursor=0', headers: bearer(f.expiredDevice) })],
  ['expired PC token: sign-in', (f) => ({ method: 'POST', url: '/v1/sign-in', headers: bearer(f.expiredDevice), payload: { username: 'anna.ez', password: PASSWORD } })],
  ['expired PC token: desk code', (f) => ({ method: 'POST', url: '/v1/desk-code', headers: bearer(f.expiredDevice), payload: { siteId: 'site-be' } })],
  ['expired user token: read the access log', (f) => ({ method: 'GET', url: '/v1/audit', headers: asUser(f.lead, f.expiredUser) })],
  ['expired user token: change settings', (f) => ({ method: 'PUT', url: '/v1/settings', headers: asUser(f.lead, f.expiredUser), payload: { retentionDays: 1 } })],
  // ── forged ─────────────────────────────────────────────────────────────────────────────────
  ['forged: PC token claiming another site', (f) => push(bearer(forge(f.counter.token, { site: 'site-di' })), [change('visits', visit(randomUUID(), 's-anna', 'site-di'))])],
  ['forged: user token claiming GF and ADMIN', (f) => ({ method: 'PUT', url: '/v1/settings', headers: asUser(f.lead, forge(f.tina.token, { roles: ['GF', 'ADMIN'] })), payload: { retentionDays: 1 } })],
  ['forged: user token claiming DSB', (f) => ({ method: 'GET', url: '/v1/audit', headers: asUser(f.lead, forge(f.tina.token, { roles: ['DSB'] })) })],
  ['forged: unsigned PC token (alg none)', () => ({ method: 'GET', url: '/v1/pull?cursor=0', headers: bearer(new UnsecuredJWT({ typ: 'device', sub: 'x', site: 'site-be', profile: 'lead' }).setIssuer('anlaufstelle-sync').setExpirationTime('10m').encode()) })],
  ['forged: PC token signed with another key', async () => ({ method: 'GET', url: '/v1/pull?cursor=0', headers: bearer(await otherKey({ typ: 'device', sub: 'x', site: 'site-be', profile: 'lead' })) })] as unknown as Case,
  ['forged: garbage as PC token', () => ({ method: 'GET', url: '/v1/pull?cursor=0', headers: bearer('eyJhbGciOiJIUzI1NiJ9.e30.AAAA') })],
  ['forged: a user token used as PC token', (f) => ({ method: 'GET', url: '/v1/pull?cursor=0', headers: bearer(f.anna.token) })],
  ['forged: a PC token used as user token', (f) => ({ method: 'GET', url: '/v1/audit', headers: asUser(f.lead, f.lead.token) })],
  ['forged: PC key of another PC', (f) => ({ method: 'POST', url: '/v1/device-token', headers: { authorization: `Device ${f.counter.deviceId}.${f.lead.secret}` } })],
  ['forged: unknown PC id', () => ({ method: 'POST', url: '/v1/device-token', headers: { authorization: `Device ${randomUUID()}.abc` } })],
  // ── replayed ───────────────────────────────────────────────────────────────────────────────
  ['replayed: a used enrollment code', (f) => ({ method: 'POST', url: '/v1/enroll', payload: { code: f.usedCode, name: 'Noch ein PC' } })],
  ['replayed: a user token after sign-out', (f) => ({ method: 'GET', url: '/v1/audit', headers: asUser(f.lead, f.signedOut) })],
  ['replayed: renewing a session that was signed out', (f) => ({ method: 'POST', url: '/v1/session/refresh', headers: bearer(f.lead.token), payload: { sessionId: f.signedOut.sessionId } })],
  ['replayed: a user token at another PC', (f) => ({ method: 'GET', url: '/v1/settings', headers: asUser(f.counter, f.dirk) })],
  ['replayed: renewing another PC’s session', (f) => ({ method: 'POST', url: '/v1/session/refresh', headers: bearer(f.counter.token), payload: { sessionId: f.ada.sessionId } })],
  // ── another site's PC ──────────────────────────────────────────────────────────────────────
  ['other site: a visit for Diez from a Bad Ems PC', (f) => push(asUser(f.counter, f.anna), [change('visits', visit(randomUUID(), 's-anna', 'site-di'))])],
  ['other site: a ticket for Diez from a Bad Ems PC', (f) => push(asUser(f.counter, f.anna), [change('tickets', { ...ticket(randomUUID()), siteId: 'site-di', distributionSiteId: 'site-di' })])],
  ['other site: a hand-off for Diez from a Bad Ems PC', (f) => push(asUser(f.counter, f.anna), [change('handoffs', { ...handoff(randomUUID()), siteId: 'site-di' })])],
  ['other site: a desk letter for Diez', (f) => ({ method: 'POST', url: '/v1/desk-code', headers: bearer(f.counter.token), payload: { siteId: 'site-di' } })],
  ['other site: a silent alarm for Diez', (f) => push(asUser(f.counter, f.anna), [change('alarms', alarm('site-di'))])],
  // ── role escalation ────────────────────────────────────────────────────────────────────────
  ['escalation: EZ decides a cross-site cover (TL_EZ)', (f) => push(asUser(f.counter, f.anna), [change('coverDecisions', decision('TL_EZ'))])],
  ['escalation: EZ decides an LB cover (TL_LB)', (f) => push(asUser(f.counter, f.anna), [change('coverDecisions', decision('TL_LB'))])],
  ['escalation: EZ decides a same-site cover (FM)', (f) => push(asUser(f.counter, f.anna), [change('coverDecisions', decision('FM'))])],
  ['escalation: EZ gives herself the ADMIN role in the staff list', (f) => push(asUser(f.counter, f.anna), [change('staff', staffRecord(['EZ', 'ADMIN']))])],
  ['escalation: EZ renames a site', (f) => push(asUser(f.counter, f.anna), [change('sites', { id: 'site-be', name: 'Übernommen', code: 'BE', minStaff: 1, sessions: [], createdAt: '2026-01-01T00:00:00.000Z', createdBy: 's-anna', updatedAt: '2026-12-03T09:00:00.000Z', updatedBy: 's-anna', deletedAt: null })])],
  ['escalation: EZ changes Jobcenter settings', (f) => ({ method: 'PUT', url: '/v1/settings', headers: asUser(f.counter, f.anna), payload: { retentionDays: 3650 } })],
  ['escalation: EZ reads the access log', (f) => ({ method: 'GET', url: '/v1/audit', headers: asUser(f.counter, f.anna) })],
  ['escalation: EZ lists PCs', (f) => ({ method: 'GET', url: '/v1/admin/devices', headers: asUser(f.counter, f.anna) })],
  ['escalation: EZ revokes the lead PC', (f) => ({ method: 'POST', url: `/v1/admin/devices/${f.lead.deviceId}/revoke`, headers: asUser(f.counter, f.anna) })],
  ['escalation: EZ issues an enrollment code', (f) => ({ method: 'POST', url: '/v1/admin/enrollment-codes', headers: asUser(f.counter, f.anna), payload: { siteId: 'site-be', profile: 'lead', name: 'x' } })],
  ['escalation: EZ makes herself ADMIN in the directory', (f) => ({ method: 'PUT', url: '/v1/admin/accounts', headers: asUser(f.counter, f.anna), payload: { account: { username: 'anna.ez', displayName: 'Anna', staffId: 's-anna', roles: ['ADMIN'], homeSiteId: 'site-be' } } })],
  ['escalation: EZ reads the AD group mapping', (f) => ({ method: 'GET', url: '/v1/admin/ldap-mapping', headers: asUser(f.counter, f.anna) })],
  ['escalation: EZ maps her AD group to ADMIN', (f) => ({ method: 'PUT', url: '/v1/admin/ldap-mapping', headers: asUser(f.counter, f.anna), payload: { roleGroups: [{ group: 'AS-EZ', roles: ['EZ', 'ADMIN'] }], siteGroups: [] } })],
  ['escalation: EZ resets the AD group mapping', (f) => ({ method: 'POST', url: '/v1/admin/ldap-mapping/reset', headers: asUser(f.counter, f.anna) })],
  ['escalation: DSB changes the AD group mapping', (f) => ({ method: 'PUT', url: '/v1/admin/ldap-mapping', headers: asUser(f.lead, f.dirk), payload: { roleGroups: [{ group: 'AS-Admin', roles: ['ADMIN'] }], siteGroups: [] } })],
  ['escalation: a forged ADMIN claim changes the AD group mapping', (f) => ({ method: 'PUT', url: '/v1/admin/ldap-mapping', headers: asUser(f.lead, forge(f.tina.token, { roles: ['ADMIN'] })), payload: { roleGroups: [{ group: 'AS-Admin', roles: ['ADMIN'] }], siteGroups: [] } })],
  ['escalation: ADMIN sets an AD group mapping on the embedded directory', (f) => ({ method: 'PUT', url: '/v1/admin/ldap-mapping', headers: asUser(f.lead, f.ada), payload: { roleGroups: [{ group: 'AS-Admin', roles: ['ADMIN'] }], siteGroups: [] } })],
  ['escalation: team lead reads the access log', (f) => ({ method: 'GET', url: '/v1/audit', headers: asUser(f.lead, f.tina) })],
  ['escalation: team lead revokes a PC', (f) => ({ method: 'POST', url: `/v1/admin/devices/${f.counter.deviceId}/revoke`, headers: asUser(f.lead, f.tina) })],
  ['escalation: ADMIN reads the access log (only the DSB does)', (f) => ({ method: 'GET', url: '/v1/audit', headers: asUser(f.lead, f.ada) })],
  ['escalation: DSB changes settings', (f) => ({ method: 'PUT', url: '/v1/settings', headers: asUser(f.lead, f.dirk), payload: { retentionDays: 1 } })],
  ['escalation: a change in the name of someone never signed in here', (f) => push(bearer(f.counter.token), [change('visits', visit(randomUUID(), 's-gerd'))])],
  ['escalation: a name written in the retention sweep’s name', (f) => push(bearer(f.counter.token), [change('tickets', { ...ticket(randomUUID()), updatedBy: 'system', createdBy: 'system' })])],
  // ── a person's name without that person's sign-in (issue 7 item 3: proofs, shared/auth/proof.ts) ──
  ['unproven: a visit in Anna’s name with a made-up proof', (f) => push(bearer(f.counter.token), [{ ...change('visits', visit(randomUUID(), 's-anna')), proof: 'A'.repeat(43) }])],
  ['unproven: Anna’s proof of one visit on another', (f) => {
    const proven = change('visits', visit(randomUUID(), 's-anna'));
    return push(bearer(f.counter.token), [{ ...change('visits', visit(randomUUID(), 's-anna')), proof: proofFor(f.counter, proven) }]);
  }],
  ['unproven: Tina’s proof on a change in Ada’s name', (f) => {
    const record = visit(randomUUID(), 's-ada');
    return push(bearer(f.lead.token), [{ ...change('coverDecisions', { ...decision('TL_EZ', 's-ada'), id: record.id }), proof: proofFor(f.lead, change('coverDecisions', { ...decision('TL_EZ', 's-tina'), id: record.id })) }]);
  }],
  ['unproven: a change in the name of someone who signed out, without her proof', (f) => push(bearer(f.lead.token), [change('coverDecisions', decision('GF', 's-gerd'))])],
  ['unproven: Anna’s change from her PC without proof or sign-in', (f) => push(bearer(f.counter.token), [change('visits', visit(randomUUID(), 's-anna'))])],
  ['malformed: a proof that is no proof', (f) => push(asUser(f.counter, f.anna), [{ ...change('visits', visit(randomUUID(), 's-anna')), proof: "' OR 1=1 --" }])],
  ['escalation: the DSB records a visit', (f) => push(asUser(f.lead, f.dirk), [change('visits', visit(randomUUID(), 's-dirk'))])],
  ['escalation: deleting a site in the retention sweep’s name, nobody signed in', (f) =>
    push(bearer(f.diez.token), [change('sites', { id: 'site-be', name: 'Test Bad Ems', code: 'BE', minStaff: 1, sessions: [], createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'system', updatedAt: '2026-12-03T09:00:00.000Z', updatedBy: 'system', deletedAt: '2026-12-03T09:00:00.000Z' }, { op: 'delete' })])],
  ['escalation: anonymising an open ticket before its period in the sweep’s name', (f) =>
    push(bearer(f.diez.token), [change('tickets', { ...f.beTicket, customerName: '— anonymisiert —', phone: '', anonymisedAt: '2026-12-03T09:00:00.000Z', updatedBy: 'system' }, { hlc: '2026-12-03T09:00:00.000Z-0001-pc2' })])],
  ['escalation: a Diez clerk assigns a Bad Ems ticket to herself to read the name', (f) =>
    push(asUser(f.diez, f.dora), [change('tickets', { ...f.beTicket, assignee: { kind: 'person', staffId: 's-dora' }, updatedBy: 's-dora' }, { hlc: '2026-12-03T09:00:00.000Z-0002-pc2' })])],
  ['escalation: a Diez clerk moves a Bad Ems hand-off to Diez', (f) =>
    push(asUser(f.diez, f.dora), [change('handoffs', { ...f.beHandoff, siteId: 'site-di', updatedBy: 's-dora' }, { hlc: '2026-12-03T09:00:00.000Z-0003-pc2' })])],
  ['replayed: a refused change sent again under another table name to get the whole row back', async (f: Fixtures) => {
    const bad = change('tickets', { ...f.beTicket, phone: '0000', updatedBy: 's-dora' }, { hlc: '2026-12-03T09:00:00.000Z-0004-pc2' });
    await f.h.app.inject(push(bearer(f.diez.token), [bad]) as never);
    return push(bearer(f.diez.token), [{ ...bad, table: 'sites', record: { ...bad.record } }]);
  }] as unknown as Case,
  ['escalation: enrolling a PC with a clerk’s password', () => ({ method: 'POST', url: '/v1/enroll', payload: { username: 'anna.ez', password: PASSWORD, siteId: 'site-be', profile: 'lead', name: 'x' } })],
  // ── revoked PC ─────────────────────────────────────────────────────────────────────────────
  ['revoked PC: push', (f) => push(bearer(f.revoked.token), [change('visits', visit(randomUUID(), 's-anna'))])],
  ['revoked PC: pull', (f) => ({ method: 'GET', url: '/v1/pull?cursor=0', headers: bearer(f.revoked.token) })],
  ['revoked PC: new PC token', (f) => ({ method: 'POST', url: '/v1/device-token', headers: { authorization: `Device ${f.revoked.deviceId}.${f.revoked.secret}` } })],
  ['revoked PC: sign-in', (f) => ({ method: 'POST', url: '/v1/sign-in', headers: bearer(f.revoked.token), payload: { username: 'anna.ez', password: PASSWORD } })],
  ['revoked PC: wait for news', (f) => ({ method: 'GET', url: '/v1/wait?head=0', headers: bearer(f.revoked.token) })],
  // ── oversized ──────────────────────────────────────────────────────────────────────────────
  ['oversized: push body', (f) => ({ method: 'POST', url: '/v1/push', headers: { ...bearer(f.counter.token), 'content-type': 'application/json' }, payload: JSON.stringify({ groups: [{ txId: randomUUID(), changes: [{ pad: big }] }] }) })],
  ['oversized: sign-in body', (f) => ({ method: 'POST', url: '/v1/sign-in', headers: { ...bearer(f.counter.token), 'content-type': 'application/json' }, payload: JSON.stringify({ username: big, password: 'x' }) })],
  ['oversized: audit report', (f) => ({ method: 'POST', url: '/v1/audit', headers: { ...bearer(f.counter.token), 'content-type': 'application/json' }, payload: JSON.stringify({ events: [{ pad: big }] }) })],
  ['oversized: enrollment', () => ({ method: 'POST', url: '/v1/enroll', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ code: big, name: 'x' }) })],
  ['oversized: a user name of 10,000 characters', (f) => ({ method: 'POST', url: '/v1/sign-in', headers: bearer(f.counter.token), payload: { username: 'a'.repeat(10_000), password: 'x' } })],
  ['oversized: AD group mapping body', (f) => ({ method: 'PUT', url: '/v1/admin/ldap-mapping', headers: { ...asUser(f.lead, f.ada), 'content-type': 'application/json' }, payload: JSON.stringify({ roleGroups: [{ group: big, roles: ['ADMIN'] }], siteGroups: [] }) })],
  ['oversized: 10,000 AD role groups', (f) => ({ method: 'PUT', url: '/v1/admin/ldap-mapping', headers: asUser(f.lead, f.ada), payload: { roleGroups: Array.from({ length: 10_000 }, (_, i) => ({ group: `G${i}`, roles: ['ADMIN'] })), siteGroups: [] } })],
  // ── injection ──────────────────────────────────────────────────────────────────────────────
  ["injection: user name ' OR '1'='1", (f) => ({ method: 'POST', url: '/v1/sign-in', headers: bearer(f.counter.token), payload: { username: "admin' OR '1'='1", password: "' OR '1'='1" } })],
  ['injection: user name *)(uid=*', (f) => ({ method: 'POST', url: '/v1/sign-in', headers: bearer(f.counter.token), payload: { username: '*)(uid=*', password: '*' } })],
  ['injection: user name with NUL', (f) => ({ method: 'POST', url: '/v1/sign-in', headers: bearer(f.counter.token), payload: { username: 'ada.admin\u0000', password: PASSWORD.slice(0, 3) } })],
  ['injection: user name <script>', (f) => ({ method: 'POST', url: '/v1/sign-in', headers: bearer(f.counter.token), payload: { username: '<script>alert(1)</script>', password: 'x' } })],
  ['injection: enrollment code with SQL', () => ({ method: 'POST', url: '/v1/enroll', payload: { code: "' OR 1=1 --", name: 'x' } })],
  ['injection: table name with SQL', (f) => push(asUser(f.counter, f.anna), [{ ...change('visits', visit(randomUUID(), 's-anna')), table: 'visits; DROP TABLE records' }])],
  ['injection: field names with SQL in a view report', (f) => ({ method: 'POST', url: '/v1/audit', headers: bearer(f.counter.token), payload: { events: [{ action: 'view', at: new Date().toISOString(), table: 'tickets', recordId: 't', fields: ["name'); DROP TABLE audit_log; --"], staffId: null, username: null, offline: false }] } })],
  ['injection: pull cursor with SQL', (f) => ({ method: 'GET', url: '/v1/pull?cursor=0;DROP%20TABLE%20records', headers: bearer(f.counter.token) })],
  ['injection: settings with __proto__', (f) => ({ method: 'PUT', url: '/v1/settings', headers: asUser(f.lead, f.ada), payload: JSON.parse('{"__proto__": {"admin": true}, "retentionDays": 5000}') })],
  ['injection: audit search with SQL as the DSB', (f) => ({ method: 'GET', url: "/v1/audit?from=2026-01-01'%20OR%201=1--", headers: asUser(f.lead, f.dirk) })],
  ['injection: session id with SQL', (f) => ({ method: 'POST', url: '/v1/session/refresh', headers: bearer(f.lead.token), payload: { sessionId: "x' OR '1'='1" } })],
  ['injection: AD mapping with an unknown role', (f) => ({ method: 'PUT', url: '/v1/admin/ldap-mapping', headers: asUser(f.lead, f.ada), payload: { roleGroups: [{ group: 'AS-Admin', roles: ['ADMIN', 'ROOT'] }], siteGroups: [] } })],
  ['injection: AD group name with NUL and filter syntax', (f) => ({ method: 'PUT', url: '/v1/admin/ldap-mapping', headers: asUser(f.lead, f.ada), payload: { roleGroups: [{ group: 'AS-Admin)(cn=*\u0000', roles: ['ADMIN'] }], siteGroups: [] } })],
  ['injection: AD site id with SQL', (f) => ({ method: 'PUT', url: '/v1/admin/ldap-mapping', headers: asUser(f.lead, f.ada), payload: { roleGroups: [{ group: 'AS-Admin', roles: ['ADMIN'] }], siteGroups: [{ group: 'AS-X', siteId: "site-be' OR '1'='1" }] } })],
  ['injection: AD mapping with __proto__', (f) => ({ method: 'PUT', url: '/v1/admin/ldap-mapping', headers: asUser(f.lead, f.ada), payload: JSON.parse('{"__proto__": {"admin": true}, "roleGroups": [{"group": "AS-Admin", "roles": ["ADMIN"]}], "siteGroups": []}') })],
];

function forge(token: string, claims: Record<string, unknown>): string {
  const [head, payload, sig] = token.split('.');
  const body = { ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), ...claims };
  return `${head}.${Buffer.from(JSON.stringify(body)).toString('base64url')}.${sig}`;
}
const otherKey = (claims: Record<string, unknown>) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer('anlaufstelle-sync').setExpirationTime('10m').sign(new Uint8Array(32).fill(9));
const alarm = (siteId: string) => ({
  id: randomUUID(),
  createdAt: '2026-12-03T08:00:00.000Z',
  createdBy: 's-anna',
  updatedAt: '2026-12-03T08:00:00.000Z',
  updatedBy: 's-anna',
  deletedAt: null,
  siteId,
  deskLabel: 'Tresen 1',
  raisedAt: '2026-12-03T08:00:00.000Z',
  deviceId: 'pc',
  acknowledgedAt: null,
  acknowledgedBy: null,
});

/** Everything a hostile request could write besides the log. */
async function fingerprint(h: AuthHarness): Promise<string> {
  const { rows } = await h.db.query<{ f: string }>(
    `SELECT concat_ws('|',
       (SELECT count(*) FROM records WHERE version > 0), (SELECT coalesce(max(version), 0) FROM records),
       (SELECT count(*) FROM devices), (SELECT count(*) FROM devices WHERE revoked_at IS NULL),
       (SELECT count(*) FROM sessions), (SELECT count(*) FROM sessions WHERE ended_at IS NULL),
       (SELECT count(*) FROM enrollment_codes), (SELECT count(*) FROM accounts), (SELECT string_agg(username || array_to_string(roles, ','), ';' ORDER BY username) FROM accounts),
       (SELECT count(*) FROM jobcenter_settings), (SELECT count(*) FROM desk_codes)) AS f`,
  );
  return rows[0]!.f;
}

describe.runIf(available)(`hostile requests are refused, write nothing and are logged on ${TARGET} (issue 7 "Proof")`, () => {
  let h: AuthHarness;
  let f: Fixtures;
  beforeAll(async () => {
    h = await startAuthServer();
    const counter = await enrollPc(h);
    const lead = await enrollPc(h, 'site-be', 'lead');
    const revoked = await enrollPc(h);
    const anna = await signedIn(h, counter, 'anna.ez');
    const ada = await signedIn(h, lead, 'ada.admin');
    const tina = await signedIn(h, lead, 'tina.tl');
    const dirk = await signedIn(h, lead, 'dirk.dsb');
    const signedOut = await signedIn(h, lead, 'gerd.gf');
    await h.app.inject({ method: 'POST', url: '/v1/sign-out', headers: syncHeaders(lead), payload: { sessionId: signedOut.sessionId } });
    await h.app.inject({ method: 'POST', url: `/v1/admin/devices/${revoked.deviceId}/revoke`, headers: syncHeaders(lead, ada) });
    const codeRes = await h.app.inject({ method: 'POST', url: '/v1/admin/enrollment-codes', headers: syncHeaders(lead, ada), payload: { siteId: 'site-be', profile: 'office', name: 'Büro 1' } });
    const usedCode = (codeRes.json() as { code: string }).code;
    await h.app.inject({ method: 'POST', url: '/v1/enroll', payload: { code: usedCode, name: 'Büro 1' } });
    const past = new Date(Date.now() - 20 * 60_000);
    const expiredDevice = (await h.tok.sign({ typ: 'device', sub: counter.deviceId, site: 'site-be', profile: 'counter' }, past)).token;
    const expiredUser = (await h.tok.sign({ typ: 'user', sub: 'ada.admin', sid: ada.sessionId, dev: lead.deviceId, staff: 's-ada', roles: ['ADMIN'], home: 'site-be' }, past)).token;
    // A Bad Ems ticket and hand-off, written by the Bad Ems counter; a Diez PC with its clerk.
    const beTicket = { ...ticket(randomUUID()), createdBy: 's-anna', updatedBy: 's-anna' };
    const beHandoff = { ...handoff(randomUUID()), createdBy: 's-anna', updatedBy: 's-anna' };
    await h.app.inject(push(asUser(counter, anna), [change('tickets', beTicket), change('handoffs', beHandoff)]) as never);
    const diez = await enrollPc(h, 'site-di');
    const dora = await signedIn(h, diez, 'dora.ez');
    f = { h, diez, dora, beTicket, beHandoff, counter, anna, lead, ada, tina, dirk, revoked, signedOut, expiredDevice, expiredUser, usedCode };
    expect(KEY).toBe(h.key);
  });
  afterAll(async () => {
    await h.close();
  });

  it(`has at least 60 hostile requests (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  it.each(CASES)('%s', async (name, make) => {
    const before = await fingerprint(h);
    const logged = await auditCount(h.db);
    const req = await make(f);
    const res = await h.app.inject(req as never);
    let refused = res.statusCode >= 400 && res.statusCode < 500;
    if (res.statusCode === 200 && req.url === '/v1/push') {
      const results = (res.json() as PushResponse).results;
      refused = results.length > 0 && results.every((r) => r.status === 'rejected');
      // Refused for the reason the case is about: an unproven name is not judged by the roles, and
      // a role or site case is judged by them (it carries the author's live sign-in).
      const codes = results.map((r) => (r.status === 'rejected' ? r.code : r.status));
      if (name.startsWith('unproven:')) expect(codes).toContain('auth.unproven');
      else if (name.startsWith('escalation: EZ') || name.startsWith('other site:')) expect(codes).not.toContain('auth.unproven');
    }
    expect(refused, `${res.statusCode} ${res.body.slice(0, 300)}`).toBe(true);
    // German words for the PC (never a stack trace).
    if (res.statusCode >= 400) expect((res.json() as { error: { message: string } }).error.message).toMatch(/[a-zäöüß]{3,}/i);
    expect(await fingerprint(h)).toBe(before);
    // No refusal carries a customer's data back (issue 7 item 6).
    expect(res.body).not.toContain('Erika Muster');
    expect(res.body).not.toContain('02603 1234');
    expect(await auditCount(h.db)).toBeGreaterThan(logged);
  });
});
