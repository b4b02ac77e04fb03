import type { AnlaufstelleDB } from '../db/db';
import { anonymiseFinishedHandoffs } from '../db/repositories/handoffs';
import { anonymiseAbsenceReasons, clearOldCoverNotes, removeOldInboxMessages } from '../db/repositories/retention';
import { loadSettings } from '../db/repositories/settings';
import { anonymiseDueTickets } from '../db/repositories/tickets';
import { anonymiseClosedNewCustomers } from '../db/repositories/new-customers';

/** First sweep after start – after the first paint, off the path to an interactive counter. */
const FIRST_SWEEP_AFTER_MS = 2_000;
/** Desk PCs run for days: the period is checked again every hour, not only at start. */
const SWEEP_EVERY_MS = 60 * 60_000;

export interface SweepCounts {
  tickets: number;
  handoffs: number;
  absences: number;
  inbox: number;
  coverNotes: number;
  newCustomers: number;
}

/**
 * SPEC §9 retention, once, for every record kind with personal data (issue 10 item 13; the rules
 * in shared/domain/retention.ts, the table in ARCHITECTURE.md): tickets (closed, or untouched for
 * the period), hand-offs, absence reasons, inbox messages and cover decisions' notes, after the period configured *now*
 * (a changed setting counts from the next sweep). Each walks an index of the due rows only, in
 * small batches, so a sweep with nothing due costs next to nothing and never holds up the counter.
 */
export async function runRetentionSweep(db: AnlaufstelleDB, now: Date): Promise<SweepCounts> {
  const { retentionDays } = await loadSettings(db);
  const ctx = { actorId: 'system', now };
  const tickets = await anonymiseDueTickets(db, retentionDays, ctx);
  const handoffs = await anonymiseFinishedHandoffs(db, retentionDays, ctx);
  const absences = await anonymiseAbsenceReasons(db, retentionDays, ctx);
  const inbox = await removeOldInboxMessages(db, retentionDays, ctx);
  const coverNotes = await clearOldCoverNotes(db, retentionDays, ctx);
  const newCustomers = await anonymiseClosedNewCustomers(db, retentionDays, ctx);
  return { tickets, handoffs, absences, inbox, coverNotes, newCustomers };
}

/** Runs the sweep shortly after start and then every hour; a failed sweep is retried at the next. */
export function scheduleRetentionSweeps(db: AnlaufstelleDB): void {
  let running = false;
  const sweep = () => {
    if (running) return;
    running = true;
    runRetentionSweep(db, new Date())
      .catch((error: unknown) => console.error('Aufbewahrungsfrist: Anonymisierung fehlgeschlagen', error))
      .finally(() => {
        running = false;
      });
  };
  setTimeout(sweep, FIRST_SWEEP_AFTER_MS);
  setInterval(sweep, SWEEP_EVERY_MS);
}
