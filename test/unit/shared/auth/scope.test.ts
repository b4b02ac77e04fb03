import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERSONAL_FIELDS, RESTRICTED, projectRecord, restrictRecord, withoutPersonalFields, type PullScope } from '../../../../shared/auth/scope';
import { absenceKindOn, classifyAbsenceDay, kindInputOf } from '../../../../shared/domain/absence-kind';
import { addDays } from '../../../../shared/domain/calendar';
import { ANONYMISED } from '../../../../shared/domain/retention';
import { ABSENCE_REASONS, absenceSchema, callbackTicketSchema, handoffSchema, newCustomerSchema, type Absence, type AbsenceReason } from '../../../../shared/model';

/** Issue 7 item 6: the projection each PC's pull goes through (SPEC §8, SYNC.md §6). */

const BE = 'site-be';
const DZ = 'site-di';
const T0 = '2026-12-03T08:00:00.000Z';
const base = (id: string) => ({ id, createdAt: T0, createdBy: 's-anna', updatedAt: T0, updatedBy: 's-anna', deletedAt: null });
const scope = (over: Partial<PullScope> = {}): PullScope => ({ siteId: DZ, profile: 'counter', staffIds: new Set(), directoryKeeper: false, ...over });

const ticket = (over: Record<string, unknown> = {}) => ({
  ...base('t-1'),
  ref: 'BE-7K3F',
  siteId: BE,
  distributionSiteId: BE,
  visitId: null,
  department: 'LB',
  concern: 'Rückfrage zum Bescheid',
  customerName: 'Erika Muster',
  customerNumber: '123A456789',
  phone: '02603 1234',
  preferredTimes: 'vormittags',
  dueAt: '2026-12-05T08:00:00.000Z',
  deadlinePolicy: 'working-days',
  status: 'closed',
  assignee: null,
  attempts: [{ id: 'a-1', at: T0, by: 's-lars', note: 'Frau Muster sagt, sie ist krank' }],
  contact: { kind: 'reached', at: T0, by: 's-lars', note: 'Bescheid erklärt' },
  closedAt: T0,
  closeNote: 'Widerspruch folgt',
  anonymisedAt: null,
  ...over,
});
const handoff = (over: Record<string, unknown> = {}) => ({
  ...base('h-1'),
  siteId: BE,
  visitId: 'v-1',
  target: 'LB',
  concernKind: 'benefits',
  acute: false,
  label: 'Frau Muster',
  waitingSince: T0,
  status: 'waiting',
  takenBy: null,
  takenAt: null,
  finishedAt: null,
  ...over,
});
const newCustomer = (over: Record<string, unknown> = {}) => ({
  ...base('n-1'),
  siteId: BE,
  recordedAtSiteId: BE,
  visitId: null,
  channel: 'personal',
  appliedAt: T0,
  name: 'Erika Muster',
  birthDate: '1980-01-01',
  bgNumber: '07123BG0001',
  phone: '02603 1234',
  intakeDueAt: T0,
  refusalDueAt: T0,
  stepsDueAt: T0,
  stepStep: null,
  stepVerbis: null,
  stepAnnounced: null,
  stepActivation: null,
  invitation: null,
  noShows: [],
  intakeDone: null,
  refused: null,
  anonymisedAt: null,
  ...over,
});
const absence = (over: Partial<Absence> = {}): Absence => ({
  ...base('ab-1'),
  staffId: 's-dora',
  from: '2026-12-07',
  to: '2026-12-11',
  halfDay: 'none',
  kind: 'unplanned',
  reason: 'sickness',
  registeredAt: T0,
  kindOverridden: false,
  note: 'Bandscheibe',
  ...over,
});

describe('SPEC §8: customer names and phone numbers only on the PCs of those who work the ticket', () => {
  it('the creating desk gets the ticket whole', () => {
    const t = ticket();
    expect(projectRecord(scope({ siteId: BE }), 'tickets', t)).toBe(t);
  });
  it('the distribution site gets it whole (Ticketverteilung while the desk is in LB cover)', () => {
    const t = ticket({ distributionSiteId: DZ });
    expect(projectRecord(scope(), 'tickets', t)).toBe(t);
  });
  it('the department it is assigned to, at its site, gets it whole', () => {
    const t = ticket({ assignee: { kind: 'team', department: 'LB', siteId: DZ } });
    expect(projectRecord(scope({ profile: 'office' }), 'tickets', t)).toBe(t);
  });
  it('the person it is assigned to gets it whole on a PC she signed in at', () => {
    const t = ticket({ assignee: { kind: 'person', staffId: 's-dora' } });
    expect(projectRecord(scope({ profile: 'office', staffIds: new Set(['s-dora']) }), 'tickets', t)).toBe(t);
    expect(projectRecord(scope({ profile: 'office', staffIds: new Set(['s-anna']) }), 'tickets', t)).not.toBe(t);
  });
  it('any other PC gets no name, number, phone, times, concern or notes – but dates, status, assignee and figures', () => {
    const t = ticket({ assignee: { kind: 'team', department: 'LB', siteId: BE } });
    const p = projectRecord(scope(), 'tickets', t);
    expect(p).toMatchObject({ customerName: RESTRICTED, customerNumber: null, phone: '', preferredTimes: '', concern: RESTRICTED, closeNote: '', restricted: true });
    expect(p.attempts).toEqual([{ id: 'a-1', at: T0, by: 's-lars', note: '' }]);
    expect(p.contact).toEqual({ kind: 'reached', at: T0, by: 's-lars', note: '' });
    for (const k of ['id', 'ref', 'siteId', 'distributionSiteId', 'department', 'dueAt', 'status', 'assignee', 'closedAt', 'createdAt', 'updatedAt'] as const) expect(p[k]).toEqual(t[k]);
    // The PC parses it with the app's own schema: the projection is a valid ticket and keeps its marker.
    expect(callbackTicketSchema.parse(p).restricted).toBe(true);
    expect(JSON.stringify(p)).not.toMatch(/Muster|02603|krank|Bescheid|Widerspruch|123A/);
  });
  it('an anonymised ticket stays as it is (nothing personal left)', () => {
    const t = ticket({ customerName: ANONYMISED, phone: '', anonymisedAt: T0 });
    expect(projectRecord(scope(), 'tickets', t)).toBe(t);
  });
});

describe('SPEC §8: a waiting visitor’s name only at the site where the visitor waits', () => {
  it('the site’s PCs get the hand-off whole while it is open', () => {
    const h = handoff();
    expect(projectRecord(scope({ siteId: BE }), 'handoffs', h)).toBe(h);
    expect(projectRecord(scope({ siteId: BE }), 'handoffs', handoff({ status: 'in-service' }))).toEqual(handoff({ status: 'in-service' }));
  });
  it('another site’s PCs, and every PC once it is done, get no label', () => {
    const p = projectRecord(scope(), 'handoffs', handoff());
    expect(p).toMatchObject({ label: RESTRICTED, restricted: true, status: 'waiting', siteId: BE });
    expect(handoffSchema.parse(p).restricted).toBe(true);
    expect(projectRecord(scope({ siteId: BE }), 'handoffs', handoff({ status: 'done' })).label).toBe(RESTRICTED);
  });
  it('an anonymised hand-off stays as it is', () => {
    const h = handoff({ label: ANONYMISED, status: 'done' });
    expect(projectRecord(scope(), 'handoffs', h)).toBe(h);
  });
});

describe('SPEC §8: a new customer’s data only on the PCs of the site whose worklist holds it', () => {
  it('the site gets it whole, another site without name, birth date, BG number and phone', () => {
    const n = newCustomer();
    expect(projectRecord(scope({ siteId: BE }), 'newCustomers', n)).toBe(n);
    const p = projectRecord(scope(), 'newCustomers', n);
    expect(p).toMatchObject({ name: RESTRICTED, birthDate: null, bgNumber: null, phone: '', restricted: true, intakeDueAt: T0 });
    expect(newCustomerSchema.parse(p).restricted).toBe(true);
  });
});

describe('SPEC §8: absence reasons (health data of staff) only for the person and those who keep the directory', () => {
  it('the absent person’s PC gets the reason', () => {
    const a = absence();
    expect(projectRecord(scope({ staffIds: new Set(['s-dora']) }), 'absences', a)).toBe(a);
  });
  it('a PC where an ADMIN signed in gets the reason', () => {
    const a = absence();
    expect(projectRecord(scope({ directoryKeeper: true }), 'absences', a)).toBe(a);
  });
  it('a lead’s PC gets the absence coarsened: no note, sickness reads short notice', () => {
    const p = projectRecord(scope({ profile: 'lead', staffIds: new Set(['s-tina']) }), 'absences', absence());
    expect(p).toMatchObject({ reason: 'short-notice', note: '', restricted: true, from: '2026-12-07', to: '2026-12-11', kind: 'unplanned' });
    expect(absenceSchema.parse(p).restricted).toBe(true);
    expect(projectRecord(scope(), 'absences', absence({ reason: 'vacation', note: 'Mallorca' }))).toMatchObject({ reason: 'other', note: '' });
  });
  it('an anonymised absence stays as it is', () => {
    const a = absence({ reason: 'other', note: '', anonymisedAt: T0 });
    expect(projectRecord(scope(), 'absences', a)).toBe(a);
  });
  it('planning still works: every day of a coarsened absence has the kind it has in full', () => {
    const day0 = '2026-11-02';
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: -20, max: 40 }),
        fc.constantFrom<AbsenceReason>(...ABSENCE_REASONS),
        fc.boolean(),
        fc.constantFrom('planned', 'unplanned' as const),
        fc.boolean(),
        (start, length, registeredOffset, reason, overridden, kind, anonymised) => {
          const from = addDays(day0, start);
          const to = addDays(from, length);
          const full = absence({
            from,
            to,
            reason,
            kindOverridden: overridden,
            kind,
            registeredAt: `${addDays(from, -registeredOffset)}T09:00:00.000Z`,
            ...(anonymised ? { anonymisedAt: T0 } : {}),
          });
          const seen = projectRecord(scope(), 'absences', full) as unknown as Absence;
          for (let d = addDays(from, -2); d <= addDays(to, 2); d = addDays(d, 1)) {
            expect(absenceKindOn(seen, d)).toBe(absenceKindOn(full, d));
            expect(classifyAbsenceDay(kindInputOf(seen), d)).toBe(classifyAbsenceDay(kindInputOf(full), d));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('Issue 7 item 6: everything else comes whole', () => {
  it('visits, staff, sites, shifts are not projected', () => {
    const v = { ...base('v-1'), siteId: BE, servedBy: 's-anna' };
    for (const t of ['visits', 'staff', 'sites', 'shifts', 'closures', 'coverDecisions', 'inbox', 'alarms']) expect(projectRecord(scope(), t, v)).toBe(v);
  });
  it('restricting twice is restricting once', () => {
    for (const [t, r] of [['tickets', ticket()], ['handoffs', handoff()], ['newCustomers', newCustomer()], ['absences', absence()]] as const) {
      const once = restrictRecord(t, r);
      expect(restrictRecord(t, once)).toEqual(once);
    }
  });
});

describe('Issue 7 item 6: a change to a restricted row never writes the personal fields or the marker', () => {
  it('drops them from the fields it names', () => {
    const r = restrictRecord('tickets', ticket());
    const out = withoutPersonalFields('tickets', r, ['status', 'closedAt', 'customerName', 'phone', 'closeNote', 'restricted']);
    expect(out.fields).toEqual(['status', 'closedAt']);
    for (const f of [...PERSONAL_FIELDS.tickets!, 'restricted']) expect(out.record).not.toHaveProperty(f);
  });
  it('a change naming no fields writes the non-personal ones', () => {
    const r = restrictRecord('absences', absence());
    const out = withoutPersonalFields('absences', r, undefined);
    expect(out.fields).not.toContain('reason');
    expect(out.fields).not.toContain('note');
    expect(out.fields).not.toContain('id');
    expect(out.fields).toContain('to');
  });
});
