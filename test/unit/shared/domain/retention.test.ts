import { describe, expect, it } from 'vitest';
import { addDays, berlinDate, berlinInstant } from '@shared/domain/calendar';
import {
  absenceRetentionStart,
  berlinDayStart,
  inboxRetentionStart,
  retentionCutoff,
  retentionDue,
  ticketRetentionStart,
} from '@shared/domain/retention';

/**
 * Issue 10 item 13 and SYNC.md §11.7: the retention cutoff in Berlin calendar days, not
 * `retentionDays * 86_400_000`. A period starting on Berlin day D ends with day D + N; the data goes
 * from D + N + 1, 00:00 Berlin – at least N whole days kept, the same on every PC and the server,
 * whatever the machine's zone (this file also runs with TZ=UTC and TZ=America/New_York).
 */
const at = (date: string, time: string) => berlinInstant(date, time);

describe('retention cutoff in Berlin calendar days (SPEC §9, SYNC.md §11.7)', () => {
  it('is 00:00 Berlin of the day N days before today', () => {
    expect(retentionCutoff(at('2026-11-26', '10:00'), 90)).toBe('2026-08-27T22:00:00.000Z'); // 28.08., CEST
    expect(retentionCutoff(at('2026-11-26', '00:00'), 1)).toBe('2026-11-24T23:00:00.000Z'); // 25.11., CET
  });

  it('across the autumn DST change: a ticket closed on Sun 25.10. 00:30 CEST is kept through Mon 26.10. (N = 1)', () => {
    const closed = at('2026-10-25', '00:30').toISOString(); // 2026-10-24T22:30Z
    // 24 hours later by the clock of a ms-based cutoff it would already be due; by days it is not.
    expect(new Date(Date.parse(closed) + 86_400_000) < at('2026-10-26', '23:59')).toBe(true);
    expect(retentionDue(closed, at('2026-10-26', '23:59'), 1)).toBe(false);
    expect(retentionDue(closed, at('2026-10-27', '00:00'), 1)).toBe(true);
  });

  it('across the spring DST change: closed Sat 28.03. 23:30 CET, due from Mon 30.03. 00:00 CEST (N = 1)', () => {
    const closed = at('2026-03-28', '23:30').toISOString();
    expect(retentionDue(closed, at('2026-03-29', '23:59'), 1)).toBe(false);
    expect(retentionDue(closed, new Date('2026-03-29T21:59:00Z'), 1)).toBe(false); // 23:59 CEST
    expect(retentionDue(closed, new Date('2026-03-29T22:00:00Z'), 1)).toBe(true); // 00:00 CEST on the 30th
  });

  it.each([1, 2, 30, 90])('for every start day of 2026 and N = %i: kept through day D + N, due at 00:00 of D + N + 1 – never mid-day', (n) => {
    for (let d = '2026-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      for (const startTime of ['00:00', '12:00', '23:59']) {
        const start = at(d, startTime).toISOString();
        expect(retentionDue(start, at(addDays(d, n), '23:59'), n), `${d} ${startTime}`).toBe(false);
        expect(retentionDue(start, at(addDays(d, n + 1), '00:00'), n), `${d} ${startTime}`).toBe(true);
      }
    }
  });

  it('refuses a period that is not a whole number of days ≥ 1, in German', () => {
    expect(() => retentionCutoff(new Date(), 0)).toThrow('Aufbewahrungsfrist: ganze Tage ab 1 erwartet');
    expect(() => retentionCutoff(new Date(), 1.5)).toThrow('Aufbewahrungsfrist');
  });

  it('berlinDayStart is the Berlin midnight whatever the process zone', () => {
    expect(berlinDayStart('2026-07-01')).toBe('2026-06-30T22:00:00.000Z');
    expect(berlinDate(new Date(berlinDayStart('2026-01-15')))).toBe('2026-01-15');
  });
});

describe('issue 10 item 13: when each record\'s period starts', () => {
  const base = { updatedAt: '2026-05-04T08:00:00.000Z', anonymisedAt: null, contact: null, closedAt: null };

  it('a closed ticket: from closing', () => {
    expect(ticketRetentionStart({ ...base, status: 'closed', closedAt: '2026-05-04T08:00:00.000Z' })).toBe('2026-05-04T08:00:00.000Z');
  });

  it('a ticket never closed: from its last activity, or the appointment day if later', () => {
    expect(ticketRetentionStart({ ...base, status: 'open' })).toBe('2026-05-04T08:00:00.000Z');
    expect(ticketRetentionStart({ ...base, status: 'assigned' })).toBe('2026-05-04T08:00:00.000Z');
    const contact = { kind: 'appointment' as const, at: base.updatedAt, by: 'x', note: '', appointment: { date: '2026-06-10', time: '10:00', form: 'phone' as const } };
    expect(ticketRetentionStart({ ...base, status: 'contacted', contact })).toBe('2026-06-09T22:00:00.000Z');
  });

  it('nothing to watch once anonymised – until something is written again', () => {
    expect(ticketRetentionStart({ ...base, status: 'open', anonymisedAt: base.updatedAt })).toBeUndefined();
    expect(ticketRetentionStart({ ...base, status: 'open', anonymisedAt: '2026-05-01T00:00:00.000Z' })).toBe(base.updatedAt);
  });

  it('an absence: from its last day (00:00 Berlin)', () => {
    expect(absenceRetentionStart({ to: '2026-08-07', updatedAt: base.updatedAt })).toBe('2026-08-06T22:00:00.000Z');
    expect(absenceRetentionStart({ to: '2026-08-07', updatedAt: base.updatedAt, anonymisedAt: base.updatedAt })).toBeUndefined();
  });

  it('an inbox message: from sending, or from the session day it is about if later', () => {
    const m = { createdAt: '2026-05-04T08:00:00.000Z', updatedAt: '2026-05-04T08:00:00.000Z', refs: {} };
    expect(inboxRetentionStart(m)).toBe('2026-05-04T08:00:00.000Z');
    expect(inboxRetentionStart({ ...m, refs: { date: '2026-05-20' } })).toBe('2026-05-19T22:00:00.000Z');
    expect(inboxRetentionStart({ ...m, refs: { date: '2026-05-01' } })).toBe('2026-05-04T08:00:00.000Z');
    expect(inboxRetentionStart({ ...m, anonymisedAt: m.updatedAt })).toBeUndefined();
  });
});
