import type { AnlaufstelleDB } from '../db/db';
import { anonymiseFinishedHandoffs } from '../db/repositories/handoffs';
import { loadSettings } from '../db/repositories/settings';
import { anonymiseClosedTickets } from '../db/repositories/tickets';

/** First sweep after start – after the first paint, off the path to an interactive counter. */
const FIRST_SWEEP_AFTER_MS = 2_000;
/** Desk PCs run for days: the period is checked again every hour, not only at start. */
const SWEEP_EVERY_MS = 60 * 60_000;

/**
 * SPEC §9 retention, once: closed tickets and finished (or abandoned) hand-offs lose their
 * personal data after the period configured *now* (a changed setting counts from the next sweep).
 * Both walk indexes of the due rows only, so a sweep with nothing due costs next to nothing.
 */
export async function runRetentionSweep(db: AnlaufstelleDB, now: Date): Promise<{ tickets: number; handoffs: number }> {
  const { retentionDays } = await loadSettings(db);
  const ctx = { actorId: 'system', now };
  const tickets = await anonymiseClosedTickets(db, retentionDays, ctx);
  const handoffs = await anonymiseFinishedHandoffs(db, retentionDays, ctx);
  return { tickets, handoffs };
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
