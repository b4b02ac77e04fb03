import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RESTRICTED, restrictRecord } from '../../shared/auth/scope';
import type { Profile } from '../../shared/auth/permissions';
import type { PullResponse, PushResponse } from '../../shared/sync/protocol';
import { enrollPc, pushAs, signedIn, startAuthServer, syncHeaders, type AuthHarness, type Pc } from './auth-helpers';
import { change, hlc, PG15_URL, pull, startServer, TARGET, ticket } from './helpers';
import { scopeFingerprint } from '../src/sync';
import type { Principal } from '../src/auth/service';

/**
 * Issue 7 item 6 "Data scope" (SPEC §8, SYNC.md §6): "A PC receives only what its users may see …
 * Records that leave a PC's scope are removed from it." The real access control, PCs enrolled and
 * people signed in as in production.
 */
const available = TARGET === 'pglite' || PG15_URL !== undefined;
const T = '2026-12-03T08:00:00.000Z';

const absence = (id: string, staffId: string, over: Record<string, unknown> = {}) => ({
  id,
  createdAt: T,
  createdBy: staffId,
  updatedAt: T,
  updatedBy: staffId,
  deletedAt: null,
  staffId,
  from: '2026-12-07',
  to: '2026-12-09',
  halfDay: 'none',
  kind: 'unplanned',
  reason: 'sickness',
  registeredAt: T,
  kindOverridden: false,
  note: 'Grippe',
  ...over,
});

describe.runIf(available)(`data scope per PC on ${TARGET} (issue 7 item 6)`, () => {
  let h: AuthHarness;
  beforeAll(async () => {
    h = await startAuthServer();
  });
  beforeEach(async () => {
    await h.reset();
  });
  afterAll(async () => {
    await h.close();
  });

  /** An enrolled PC with people signed in at it (within the offline period). */
  async function pcWith(siteId: string, profile: Profile, ...users: string[]): Promise<Pc> {
    const pc = await enrollPc(h, siteId, profile);
    for (const u of users) await signedIn(h, pc, u);
    return pc;
  }
  async function pulled(pc: Pc, cursor = 0): Promise<PullResponse> {
    const res = await h.app.inject({ method: 'GET', url: `/v1/pull?cursor=${cursor}`, headers: syncHeaders(pc) });
    expect(res.statusCode).toBe(200);
    return res.json() as PullResponse;
  }
  const recordOf = (page: PullResponse, table: string, id: string) => page.records.find((r) => r.table === table && r.id === id)?.record;
  async function pushed(pc: Pc, ...changes: Parameters<typeof pushAs>[2]): Promise<PushResponse> {
    const res = await pushAs(h, pc, changes);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as PushResponse;
  }
  async function storedTicket(id: string): Promise<Record<string, unknown>> {
    const { rows } = await h.db.query<{ data: Record<string, unknown> }>("SELECT data FROM records WHERE tbl = 'tickets' AND id = $1", [id]);
    return rows[0]!.data;
  }

  it('SPEC §8: a Diez counter PC pulls a Bad Ems ticket without name and phone; the Bad Ems PC gets it whole', async () => {
    const be = await pcWith('site-be', 'counter', 'anna.ez');
    const di = await pcWith('site-di', 'counter', 'dora.ez');
    expect((await pushed(be, change('tickets', ticket('t-1')))).results[0]).toMatchObject({ status: 'applied' });

    const whole = recordOf(await pulled(be), 'tickets', 't-1');
    expect(whole).toMatchObject({ customerName: 'Erika Muster', phone: '02603 1234' });
    expect(whole).not.toHaveProperty('restricted');

    const seen = recordOf(await pulled(di), 'tickets', 't-1');
    expect(seen).toMatchObject({ customerName: RESTRICTED, phone: '', concern: RESTRICTED, restricted: true, status: 'open', dueAt: '2026-12-05T08:00:00.000Z' });
    expect(JSON.stringify(seen)).not.toMatch(/Muster|02603|vormittags|Bescheid/);
  });

  it('SPEC §8 "the person it is assigned to": a ticket assigned to Dora comes whole to the Diez office PC she signed in at, not to another', async () => {
    const be = await pcWith('site-be', 'counter', 'anna.ez');
    const hers = await pcWith('site-di', 'office', 'dora.ez');
    const other = await pcWith('site-di', 'office', 'anna.ez');
    await pushed(be, change('tickets', ticket('t-2', { assignee: { kind: 'person', staffId: 's-dora' } })));
    expect(recordOf(await pulled(hers), 'tickets', 't-2')).toMatchObject({ customerName: 'Erika Muster', phone: '02603 1234' });
    expect(recordOf(await pulled(other), 'tickets', 't-2')).toMatchObject({ customerName: RESTRICTED, restricted: true });
  });

  it('SPEC §8: an absence reason reaches the absent person’s PC and an ADMIN’s PC; a lead PC gets it coarsened', async () => {
    const doras = await pcWith('site-di', 'counter', 'dora.ez');
    const admins = await pcWith('site-be', 'lead', 'ada.admin');
    const leads = await pcWith('site-be', 'lead', 'tina.tl');
    await pushed(doras, change('absences', absence('ab-1', 's-dora')));

    expect(recordOf(await pulled(doras), 'absences', 'ab-1')).toMatchObject({ reason: 'sickness', note: 'Grippe' });
    expect(recordOf(await pulled(admins), 'absences', 'ab-1')).toMatchObject({ reason: 'sickness', note: 'Grippe' });
    const lead = recordOf(await pulled(leads), 'absences', 'ab-1');
    // Planning still works: unplanned on every day, as a sickness is – but the lead does not learn it is one.
    expect(lead).toMatchObject({ reason: 'short-notice', note: '', kind: 'unplanned', from: '2026-12-07', to: '2026-12-09', restricted: true });
  });

  it('"Records that leave a PC’s scope are removed from it": a ticket moved to another distribution site arrives restricted at the old site’s PC', async () => {
    const di = await pcWith('site-di', 'counter', 'dora.ez');
    const be = await pcWith('site-be', 'office', 'lars.lb');
    const t = ticket('t-3', { siteId: 'site-di', distributionSiteId: 'site-be', ref: 'DZ-7K3F', createdBy: 's-dora', updatedBy: 's-dora' });
    await pushed(di, change('tickets', t));
    const first = await pulled(be);
    expect(recordOf(first, 'tickets', 't-3')).toMatchObject({ customerName: 'Erika Muster' });

    const moved = { ...t, distributionSiteId: 'site-di', updatedAt: '2026-12-03T09:00:00.000Z' };
    await pushed(di, change('tickets', moved, { hlc: hlc('2026-12-03T09:00:00.000Z'), fields: ['distributionSiteId', 'updatedAt'] }));
    const after = await pulled(be, first.cursor);
    expect(recordOf(after, 'tickets', 't-3')).toMatchObject({ customerName: RESTRICTED, phone: '', distributionSiteId: 'site-di', restricted: true });
    // The Diez PC still has it whole.
    expect(recordOf(await pulled(di, first.cursor), 'tickets', 't-3')).toMatchObject({ customerName: 'Erika Muster' });
  });

  describe('push: a PC holding a restricted row changes its other fields only', () => {
    /** A Diez ticket; Dora (home site Diez) works it from a Bad Ems office PC, which holds it restricted. */
    async function setUp() {
      const di = await pcWith('site-di', 'counter', 'dora.ez');
      const be = await pcWith('site-be', 'office', 'dora.ez');
      const t = ticket('t-4', { siteId: 'site-di', distributionSiteId: 'site-di', ref: 'DZ-7K3F', createdBy: 's-dora', updatedBy: 's-dora' });
      await pushed(di, change('tickets', t));
      const held = recordOf(await pulled(be), 'tickets', 't-4')!;
      expect(held).toMatchObject({ restricted: true, customerName: RESTRICTED });
      return { be, held };
    }

    it('the fields it names are written, the personal ones and the marker never', async () => {
      const { be, held } = await setUp();
      const edited = { ...held, assignee: { kind: 'team', department: 'LB', siteId: 'site-di' }, phone: '0000 falsch', updatedAt: '2026-12-03T09:00:00.000Z' };
      const res = await pushed(be, change('tickets', edited, { hlc: hlc('2026-12-03T09:00:00.000Z'), fields: ['assignee', 'phone', 'customerName', 'restricted', 'updatedAt'] }));
      expect(res.results[0]).toMatchObject({ status: 'applied' });
      const stored = await storedTicket('t-4');
      expect(stored).toMatchObject({ customerName: 'Erika Muster', phone: '02603 1234', concern: 'Rückfrage zum Bescheid', assignee: { kind: 'team', department: 'LB', siteId: 'site-di' } });
      expect(stored).not.toHaveProperty('restricted');
    });

    it('a change naming no fields writes only the non-personal ones', async () => {
      const { be, held } = await setUp();
      const edited = { ...held, assignee: { kind: 'person', staffId: 's-dora' }, updatedAt: '2026-12-03T09:00:00.000Z' };
      const res = await pushed(be, change('tickets', edited, { hlc: hlc('2026-12-03T09:00:00.000Z') }));
      expect(res.results[0]).toMatchObject({ status: 'applied' });
      const stored = await storedTicket('t-4');
      expect(stored).toMatchObject({ customerName: 'Erika Muster', phone: '02603 1234', preferredTimes: 'vormittags', assignee: { kind: 'person', staffId: 's-dora' } });
      expect(stored).not.toHaveProperty('restricted');
    });

    it('a refused change brings the server’s row back projected, never with the name', async () => {
      const { be, held } = await setUp();
      // Forward first (from Diez), then the Bad Ems PC tries to set it back to open: refused.
      const { rows } = await h.db.query<{ v: string }>("UPDATE records SET data = data || '{\"status\":\"assigned\",\"assignee\":{\"kind\":\"team\",\"department\":\"LB\",\"siteId\":\"site-di\"}}' WHERE tbl = 'tickets' AND id = 't-4' RETURNING version AS v");
      expect(rows).toHaveLength(1);
      const res = await pushed(be, change('tickets', { ...held, updatedAt: '2026-12-03T09:00:00.000Z' }, { hlc: hlc('2026-12-03T09:00:00.000Z'), fields: ['status', 'updatedAt'] }));
      const r = res.results[0]!;
      expect(r.status).toBe('rejected');
      if (r.status !== 'rejected') return;
      expect(r.canonical).toMatchObject({ status: 'assigned', customerName: RESTRICTED, restricted: true });
      expect(JSON.stringify(r)).not.toMatch(/Muster|02603/);
    });

    it('a new record marked restricted is refused as malformed, nothing stored', async () => {
      const be = await pcWith('site-be', 'counter', 'anna.ez');
      const forged = restrictRecord('tickets', ticket('t-5'));
      const res = await pushAs(h, be, [change('tickets', forged)]);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'malformed', issues: [{ path: 'record.restricted', message: expect.stringContaining('kann nicht neu angelegt werden') }] });
      const { rows } = await h.db.query("SELECT 1 FROM records WHERE tbl = 'tickets' AND id = 't-5'");
      expect(rows).toHaveLength(0);
    });
  });

  it('the offline period bounds the scope: a person who signed in longer ago no longer brings her cases', async () => {
    const be = await pcWith('site-be', 'counter', 'anna.ez');
    const office = await enrollPc(h, 'site-di', 'office');
    await signedIn(h, office, 'dora.ez');
    await h.db.query("UPDATE sessions SET started_at = started_at - interval '8 days' WHERE device_id = $1", [office.deviceId]);
    await pushed(be, change('tickets', ticket('t-6', { assignee: { kind: 'person', staffId: 's-dora' } })));
    expect(recordOf(await pulled(office), 'tickets', 't-6')).toMatchObject({ restricted: true });
  });
  /**
   * Issue 7 item 6 "Records that leave a PC's scope are removed from it" (SPEC §8): the scope can
   * change without any record changing – a first sign-in, a sign-in past the offline period, an
   * ADMIN. Every pull names the fingerprint of the scope it was projected with; a PC that sees a
   * new one pulls again from 0 (renderer/src/sync/engine.ts).
   */
  describe('the scope fingerprint of a pull', () => {
    const fingerprint = async (pc: Pc) => (await pulled(pc)).scopeFingerprint;
    const OFFLINE_DAYS = 7;
    async function signInsAgo(pc: Pc, minutes: number): Promise<void> {
      await h.db.query("UPDATE sessions SET started_at = now() - make_interval(mins => $2) WHERE device_id = $1", [pc.deviceId, minutes]);
    }

    it('is a SHA-256 and stable while nothing of the scope changes: more records, another pull, the same person again, another PC’s sign-in', async () => {
      const be = await pcWith('site-be', 'counter', 'anna.ez');
      const office = await pcWith('site-di', 'office', 'dora.ez');
      const first = await fingerprint(office);
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect((await pushed(be, change('tickets', ticket('t-10')))).results[0]).toMatchObject({ status: 'applied' });
      expect(await fingerprint(office)).toBe(first);
      await signedIn(h, office, 'dora.ez');
      expect(await fingerprint(office)).toBe(first);
      const other = await pcWith('site-di', 'office', 'anna.ez');
      expect(await fingerprint(office)).toBe(first);
      expect(await fingerprint(other)).not.toBe(first);
    });

    it('changes on a person’s first sign-in at the PC – and a pull from 0 then brings her case whole, the ticket unchanged', async () => {
      const be = await pcWith('site-be', 'counter', 'anna.ez');
      const office = await pcWith('site-di', 'office', 'anna.ez');
      await pushed(be, change('tickets', ticket('t-11', { assignee: { kind: 'person', staffId: 's-dora' } })));
      const before = await pulled(office);
      expect(recordOf(before, 'tickets', 't-11')).toMatchObject({ restricted: true, customerName: RESTRICTED });

      await signedIn(h, office, 'dora.ez');
      const after = await pulled(office);
      expect(after.scopeFingerprint).not.toBe(before.scopeFingerprint);
      expect(after.head).toBe(before.head);
      expect(recordOf(after, 'tickets', 't-11')).toMatchObject({ customerName: 'Erika Muster', phone: '02603 1234' });
      expect(after.records.find((r) => r.id === 't-11')!.version).toBe(before.records.find((r) => r.id === 't-11')!.version);
    });

    it('changes when a sign-in leaves the offline period – by time alone, no sign-in, no record change', async () => {
      const be = await pcWith('site-be', 'counter', 'anna.ez');
      const office = await pcWith('site-di', 'office', 'anna.ez', 'dora.ez');
      await pushed(be, change('tickets', ticket('t-12', { assignee: { kind: 'person', staffId: 's-dora' } })));
      const within = await pulled(office);
      expect(recordOf(within, 'tickets', 't-12')).toMatchObject({ customerName: 'Erika Muster' });

      // Both signed in a minute short of the period: still the same scope.
      await signInsAgo(office, OFFLINE_DAYS * 24 * 60 - 1);
      expect(await fingerprint(office)).toBe(within.scopeFingerprint);
      // Dora's sign-in runs out (Anna signs in again): the scope is another, her case comes restricted.
      await signInsAgo(office, OFFLINE_DAYS * 24 * 60 + 1);
      await signedIn(h, office, 'anna.ez');
      const past = await pulled(office);
      expect(past.scopeFingerprint).not.toBe(within.scopeFingerprint);
      expect(recordOf(past, 'tickets', 't-12')).toMatchObject({ customerName: RESTRICTED, restricted: true });
    });

    it('expiry is time-based: the scope read at a later instant has another fingerprint, with nothing written', async () => {
      const office = await pcWith('site-di', 'office', 'dora.ez');
      const [device] = (await h.auth.listDevices()).filter((d) => d.id === office.deviceId);
      const p = { device: device!, place: undefined, user: null } as unknown as Principal;
      const now = new Date();
      const day = 86_400_000;
      const today = scopeFingerprint(await h.auth.scopeOf(p, now));
      expect(scopeFingerprint(await h.auth.scopeOf(p, new Date(now.getTime() + (OFFLINE_DAYS - 1) * day)))).toBe(today);
      const later = await h.auth.scopeOf(p, new Date(now.getTime() + (OFFLINE_DAYS + 1) * day));
      expect([...later.staffIds]).toEqual([]);
      expect(scopeFingerprint(later)).not.toBe(today);
      expect(today).toBe(await fingerprint(office));
    });

    it('changes when an ADMIN signs in at the PC (SPEC §8: those who keep the directory see absence reasons)', async () => {
      const doras = await pcWith('site-di', 'counter', 'dora.ez');
      const lead = await pcWith('site-be', 'lead', 'tina.tl');
      await pushed(doras, change('absences', absence('ab-10', 's-dora')));
      const before = await pulled(lead);
      expect(recordOf(before, 'absences', 'ab-10')).toMatchObject({ reason: 'short-notice', restricted: true });

      await signedIn(h, lead, 'ada.admin');
      const after = await pulled(lead);
      expect(after.scopeFingerprint).not.toBe(before.scopeFingerprint);
      expect(recordOf(after, 'absences', 'ab-10')).toMatchObject({ reason: 'sickness', note: 'Grippe' });
    });

    it('scoped=1 (a PC re-projecting what it holds) brings only the tables whose projection depends on the scope, under the same fingerprint', async () => {
      const be = await pcWith('site-be', 'counter', 'anna.ez');
      const visit = { id: 'v-20', createdAt: T, createdBy: 's-anna', updatedAt: T, updatedBy: 's-anna', deletedAt: null, siteId: 'site-be', arrivedAt: T, concernKind: 'benefits', quickSubtype: null, acute: false, outcome: 'ticket-created', verbisCheck: 'no-need', digitalCheck: 'not-first-visit', servedBy: 's-anna', handoffIds: [], ticketId: 't-20', lbCover: false };
      const res = await pushed(be, change('visits', visit), change('tickets', ticket('t-20', { visitId: 'v-20' })));
      expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
      const all = await pulled(be);
      const page = await h.app.inject({ method: 'GET', url: '/v1/pull?cursor=0&scoped=1', headers: syncHeaders(be) });
      const scoped = page.json() as PullResponse;
      expect(all.records.map((r) => r.table).sort()).toEqual(['tickets', 'visits']);
      expect(scoped.records.map((r) => r.table)).toEqual(['tickets']);
      expect(scoped).toMatchObject({ head: all.head, cursor: all.cursor, more: false, scopeFingerprint: all.scopeFingerprint });
    });

    it('differs between PCs of different sites or profiles with the same people', async () => {
      const a = await pcWith('site-be', 'office', 'lars.lb');
      const b = await pcWith('site-be', 'lead', 'lars.lb');
      const c = await pcWith('site-di', 'office', 'lars.lb');
      const d = await pcWith('site-be', 'office', 'lars.lb');
      const [fa, fb, fc, fd] = await Promise.all([a, b, c, d].map(fingerprint));
      expect(new Set([fa, fb, fc]).size).toBe(3);
      expect(fd).toBe(fa);
    });
  });
});

describe.runIf(available)('the trusting test double has no scope (issue 7 item 6)', () => {
  it('its pulls are whole and name no scope fingerprint', async () => {
    const h = await startServer();
    try {
      const page = await pull(h, 0);
      expect(page).not.toHaveProperty('scopeFingerprint');
    } finally {
      await h.close();
    }
  });
});
