import { describe, expect, it } from 'vitest';
import { callbackDueAt } from '../../../../shared/domain/callback-deadline';
import type { Department } from '../../../../shared/model';
import { periodContaining } from '../../../../shared/reports/period';
import { countTicketsOf, ticketTables, type ReportTicket } from '../../../../shared/reports/tickets';
import { context, row } from './fixtures';

const iso = (s: string) => new Date(s).toISOString();

/** A ticket with the app's own deadline (working-day clock, SPEC §5). */
function ticket(department: Department, created: string, contact: ReportTicket['contact'], extra: Partial<ReportTicket> = {}): ReportTicket {
  return {
    siteId: 'be',
    department,
    createdAt: iso(created),
    dueAt: callbackDueAt(new Date(created)).toISOString(),
    deletedAt: null,
    contact: contact ? { ...contact, at: iso(contact.at) } : null,
    ...extra,
  };
}

// Week 01.06.–07.06.2026: Thu 04.06. is Corpus Christi (a DE-RP holiday). Report made Mon 08.06. 12:00.
const ctx = context(periodContaining('week', '2026-06-01'), '2026-06-08T12:00:00+02:00');
const TICKETS = [
  // Mon 10:00 → due Tue 10:00; reached Tue 09:59: on time after 23 h 59 min.
  ticket('LB', '2026-06-01T10:00:00+02:00', { kind: 'reached', at: '2026-06-02T09:59:00+02:00' }),
  // Wed 09:00 → due Fri 09:00 (Thu is a holiday); reached exactly at 09:00 Fri: missed, 24 h.
  ticket('LB', '2026-06-03T09:00:00+02:00', { kind: 'reached', at: '2026-06-05T09:00:00+02:00' }),
  // Tue 10:00 → due Wed 10:00; no contact: still overdue.
  ticket('MI', '2026-06-02T10:00:00+02:00', null),
  // Fri 11:00 → due Mon 11:00; video appointment given Mon 10:00: on time, 13 h + 10 h = 23 h.
  ticket('MI', '2026-06-05T11:00:00+02:00', { kind: 'appointment', at: '2026-06-08T10:00:00+02:00', appointment: { form: 'video' } }),
  // Sun 23:00 → the clock starts Mon 00:00, due Tue 00:00: not yet due.
  ticket('FM', '2026-06-07T23:00:00+02:00', null),
  // Created on the holiday: due Fri 24:00; appointment in person Fri 08:00: on time, 8 h.
  // Anonymised after the retention period (SPEC §9): the figures and dates stay, so it counts.
  ticket('MI', '2026-06-04T10:00:00+02:00', { kind: 'appointment', at: '2026-06-05T08:00:00+02:00', appointment: { form: 'in-person' } }),
  ticket('LB', '2026-05-31T23:59:00+02:00', null), // before the period
  ticket('LB', '2026-06-08T00:00:00+02:00', null), // first instant of the next week
  ticket('LB', '2026-06-02T10:00:00+02:00', null, { deletedAt: '2026-06-02T10:01:00.000Z' }),
];

describe('issue 8 item 2: callback tickets against the 24-hour deadline (SPEC §5)', () => {
  const counts = countTicketsOf(TICKETS, ctx);
  const [table, weekly, forms] = ticketTables(counts, ctx);

  it('on time = first contact strictly before dueAt; a contact exactly at the due time is missed', () => {
    expect(row(table!, 'Bad Ems', 'Leistungsbereich').slice(2, 8)).toEqual([2, 1, 1, 0, 0, 0.5]);
  });

  it('still overdue and not yet due count as of now; the rate leaves out tickets not yet due', () => {
    expect(row(table!, 'Bad Ems', 'Markt & Integration (Vermittlung)').slice(2, 8)).toEqual([3, 2, 0, 1, 0, 2 / 3]);
    expect(row(table!, 'Bad Ems', 'Fallmanagement').slice(2, 8)).toEqual([1, 0, 0, 0, 1, null]);
    expect(row(table!, 'Alle gewählten Standorte', 'Alle Fachbereiche').slice(2, 8)).toEqual([6, 3, 1, 1, 1, 0.6]);
  });

  it('time to first contact on the working-day clock: 8, 23, 23.98…, 24 hours → median 23, 90th percentile 24', () => {
    const all = row(table!, 'Alle gewählten Standorte', 'Alle Fachbereiche');
    expect(all[8]).toBe(23);
    expect(all[9]).toBe(24);
    expect(row(table!, 'Bad Ems', 'Leistungsbereich')[8]).toBeCloseTo(23 + 59 / 60, 10);
  });

  it('sites without tickets show their total row with 0; the week line and appointments by form', () => {
    expect(row(table!, 'Diez', 'Alle Fachbereiche').slice(2)).toEqual([0, 0, 0, 0, 0, null, null, null]);
    expect(weekly!.rows).toEqual([['KW 23/2026 (ab 01.06.2026)', 6, 3, 2, 0.6]]);
    expect(forms!.rows).toEqual([
      ['Persönlich', 1],
      ['Video', 1],
      ['Telefon', 0],
    ]);
  });
});
