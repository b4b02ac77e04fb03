import Dexie from 'dexie';
import { nextTicketStatus, type TicketEvent } from '@shared/domain/ticket-state';
import type { CallbackTicket, ContactInput, DistributeInput, TicketStatus } from '@shared/model';
import { attemptInputSchema, closeInputSchema, contactInputSchemaOn, distributeInputSchema, TICKET_STATUSES } from '@shared/model';
import { z } from 'zod';
import type { AnlaufstelleDB } from '../db';
import { withRetentionStart } from '../retention-index';
import { readDeskMode } from './roster';
import { berlinInstant } from '@shared/domain/calendar';
import { ANONYMISED, anonymisedTicket, retentionCutoff } from '@shared/domain/retention';
import {
  checkContext,
  checkId,
  checkIds,
  checkRetentionDays,
  isLive,
  logChange,
  newId,
  NotFoundError,
  parseOrThrow,
  stampUpdate,
  sweepInBatches,
  SWEEP_BATCH,
  todayOf,
  ValidationError,
  type WriteContext,
} from './base';

/**
 * The callback ticket aggregate (SPEC §5). Every change is one transaction that checks the state
 * machine first: an illegal step throws IllegalTransitionError and writes nothing. A check the
 * change depends on (`check`, reading `tables`) runs inside that same transaction (issue 10 item
 * 11): a person deactivated meanwhile either is seen as deactivated, or is deactivated only after
 * the ticket is theirs – never between the check and the write.
 */
async function apply(
  db: AnlaufstelleDB,
  id: string,
  event: TicketEvent,
  ctx: WriteContext,
  change: (t: CallbackTicket) => Partial<CallbackTicket>,
  inside: { tables?: Dexie.Table[]; check?: () => Promise<void> } = {},
): Promise<CallbackTicket> {
  checkId(id, 'das Ticket');
  checkContext(ctx);
  return db.transaction('rw', [db.tickets, db.outbox, ...(inside.tables ?? [])], async () => {
    await inside.check?.();
    const current = await db.tickets.get(id);
    if (!isLive(current)) throw new NotFoundError('Dieses Ticket gibt es nicht mehr.');
    const status = nextTicketStatus(current.status, event);
    // The retention start (issue 10 item 13) moves with every write; set here too so the caller
    // gets back exactly what is stored.
    const next = withRetentionStart('tickets', stampUpdate({ ...current, ...change(current), status }, ctx));
    await db.tickets.put(next);
    await logChange(db, 'tickets', id, 'put', ctx);
    return next;
  });
}

// The writes below are async so bad input rejects the returned promise like every other refusal
// (a plain function would throw before returning one, past a caller's `.catch`).

/**
 * Seed §4.5 "Aufgaben im Vertretungsfall": while the Leistungsbereich covers a desk, "die
 * Ticketverteilung … ist von Mitarbeitenden der Eingangszonen an den besetzten Standorten zu
 * übernehmen" – the covered desk does not distribute. The German reason, or null when it may.
 */
export function coveredDeskDistributionRefusal(mode: { lbCover: boolean; distributionSiteName: string | null }): string | null {
  if (!mode.lbCover) return null;
  return mode.distributionSiteName !== null
    ? `Während der Vertretung durch den Leistungsbereich verteilt die Eingangszone in ${mode.distributionSiteName} die Tickets.`
    : 'Während der Vertretung durch den Leistungsbereich verteilt die Eingangszone eines besetzten Standorts die Tickets. ' +
        'Heute ist keine andere Eingangszone besetzt – die Tickets warten, bis wieder eine Kraft der Eingangszone da ist.';
}

export interface DistributeOptions {
  /** The desk (site) that distributes: refused while the Leistungsbereich covers it (seed §4.5). */
  deskSiteId?: string;
}

/** Ticketverteilung: to a department team of a site, or to a person. */
export async function distributeTicket(
  db: AnlaufstelleDB,
  id: string,
  raw: DistributeInput,
  ctx: WriteContext,
  options: DistributeOptions = {},
) {
  const input = parseOrThrow(distributeInputSchema, raw);
  const { deskSiteId } = parseOrThrow(distributeOptionsSchema, options);
  const assignee = input.assignee;
  // Both checks read what another desk may change at the same moment (a person deactivated, LB
  // cover starting): they run inside the write's transaction, over every table they read.
  const check = async () => {
    if (deskSiteId !== undefined) {
      const refusal = coveredDeskDistributionRefusal(await readDeskMode(db, deskSiteId, ctx.now));
      if (refusal !== null) throw new ValidationError(refusal);
    }
    // A ticket handed to nobody would drop off every list while its clock runs (SPEC §5).
    if (assignee.kind === 'person') {
      const person = await db.staff.get(assignee.staffId);
      if (!isLive(person) || !person.active) {
        throw new ValidationError('Diese Person ist nicht (mehr) im Personalverzeichnis aktiv. Bitte eine andere Person wählen.');
      }
    } else if (!isLive(await db.sites.get(assignee.siteId))) {
      throw new ValidationError('Diesen Standort gibt es nicht. Bitte einen der vier Standorte wählen.');
    }
  };
  const tables = [db.sites, db.staff, db.shifts, db.absences, db.closures];
  return apply(db, id, 'distribute', ctx, () => ({ assignee }), { tables, check });
}

const distributeOptionsSchema = z.object(
  { deskSiteId: z.string({ error: 'Der Standort des Platzes ist ungültig.' }).min(1).max(100).optional() },
  { error: 'Die Angaben zur Verteilung sind ungültig.' },
);

/** A failed callback attempt: logged, and the clock keeps running (SPEC §5). */
export async function logCallbackAttempt(db: AnlaufstelleDB, id: string, raw: { note: string }, ctx: WriteContext) {
  checkContext(ctx);
  const input = parseOrThrow(attemptInputSchema, raw);
  return apply(db, id, 'log-attempt', ctx, (t) => ({
    attempts: [...t.attempts, { id: newId(), at: ctx.now.toISOString(), by: ctx.actorId, note: input.note }],
  }));
}

/** The first successful contact: reached, or an appointment given with date, time and form. */
export async function recordContact(db: AnlaufstelleDB, id: string, raw: ContactInput, ctx: WriteContext) {
  checkContext(ctx);
  const input = parseOrThrow(contactInputSchemaOn(todayOf(ctx)), raw);
  const at = ctx.now.toISOString();
  // SPEC §5 "appointment given": a date that has passed is a typo, not an appointment.
  if (input.kind === 'appointment' && berlinInstant(input.appointment.date, input.appointment.time) <= ctx.now) {
    throw new ValidationError('Der Termin muss in der Zukunft liegen.');
  }
  return apply(db, id, 'record-contact', ctx, () => ({
    contact:
      input.kind === 'reached'
        ? { kind: 'reached', at, by: ctx.actorId, note: input.note }
        : { kind: 'appointment', at, by: ctx.actorId, note: input.note, appointment: input.appointment },
  }));
}

export async function closeTicket(db: AnlaufstelleDB, id: string, raw: { note: string }, ctx: WriteContext) {
  checkContext(ctx);
  const input = parseOrThrow(closeInputSchema, raw);
  const at = ctx.now.toISOString();
  // SPEC §9: the retention period now runs from closing (db/retention-index.ts sets retentionStart).
  return apply(db, id, 'close', ctx, () => ({ closedAt: at, closeNote: input.note }));
}

export { ANONYMISED };

/**
 * SPEC §9, issue 10 item 13: personal data of a ticket is removed once its retention period has
 * passed – from closing, or for a ticket never closed from its last activity
 * (shared/domain/retention.ts `ticketRetentionStart`). The ticket stays (figures, on-time rate);
 * name, phone, numbers and free texts go.
 *
 * Runs at every start and hourly (app/retention.ts), so it must cost nothing when nothing is due:
 * it walks the sparse 'retentionStart' index, which holds only tickets that still carry personal
 * data (db/retention-index.ts), up to the cutoff – exactly the due rows. Anonymising removes the
 * ticket from it. Demo tickets are local-only (demo.ts): anonymised like the others, but never put
 * in the outbox.
 */
export async function anonymiseDueTickets(
  db: AnlaufstelleDB,
  retentionDays: number,
  ctx: WriteContext,
): Promise<number> {
  checkContext(ctx);
  const cutoff = retentionCutoff(ctx.now, checkRetentionDays(retentionDays));
  return sweepInBatches(() => db.transaction('rw', [db.tickets, db.outbox], async () => {
    const due = await db.tickets.where('retentionStart').below(cutoff).limit(SWEEP_BATCH).toArray();
    const anonymised = due.map((t) => {
      const next = stampUpdate(anonymisedTicket(t, ctx.now.toISOString()), ctx);
      // Nothing personal is left: off the retention index.
      delete next.retentionStart;
      return next;
    });
    await db.tickets.bulkPut(anonymised);
    for (const t of anonymised) if (t.demo !== true) await logChange(db, 'tickets', t.id, 'put', ctx);
    return anonymised.length;
  }));
}

// ---------------------------------------------------------------------------------------------
// Read side (issue #2 item 4): each query walks an index, never the whole table, so the list and
// the deadline watcher stay fast with a year of data (SPEC §10: ~30,000 tickets).

/** The ticket, or null if it does not exist or was deleted (tombstone, SPEC §9). */
export async function getTicket(db: AnlaufstelleDB, id: string): Promise<CallbackTicket | null> {
  // An id that cannot be one (from an edited address) is simply not found.
  if (typeof id !== 'string' || id.length === 0 || id.length > 100) return null;
  const t = await db.tickets.get(id);
  return isLive(t) ? t : null;
}

export interface TicketQuery {
  /** Whose distribution list (seed §4.5: tickets of a covered desk go to a staffed site); null = all sites. */
  distributionSiteId: string | null;
  /** Statuses to load; null = every status. */
  statuses: readonly TicketStatus[] | null;
}

const ticketQuerySchema = z.object(
  {
    distributionSiteId: z.string({ error: 'Bitte einen Standort wählen.' }).min(1).max(100).nullable(),
    statuses: z.array(z.enum(TICKET_STATUSES, { error: 'Unbekannter Ticketstatus.' })).readonly().nullable(),
  },
  { error: 'Die Ticketabfrage ist ungültig.' },
);

/**
 * Tickets for the list. Picks the narrowest index: [distributionSiteId+status] for one site,
 * status for all sites; only "every status of every site" reads the whole table.
 */
export async function listTickets(db: AnlaufstelleDB, query: TicketQuery): Promise<CallbackTicket[]> {
  const { distributionSiteId: site, statuses } = parseOrThrow(ticketQuerySchema, query);
  let rows: CallbackTicket[];
  if (site !== null && statuses !== null) {
    rows = await db.tickets
      .where('[distributionSiteId+status]')
      .anyOf(statuses.map((s) => [site, s]))
      .toArray();
  } else if (site !== null) {
    rows = await db.tickets
      .where('[distributionSiteId+status]')
      .between([site, Dexie.minKey], [site, Dexie.maxKey])
      .toArray();
  } else if (statuses !== null) {
    rows = await db.tickets.where('status').anyOf([...statuses]).toArray();
  } else {
    rows = await db.tickets.toArray();
  }
  return rows.filter((t) => t.deletedAt === null);
}

/**
 * Tickets of several distribution lists: a staffed site also works the lists of the sites whose
 * desk the Leistungsbereich covers (seed §4.5). null = all sites. One index query per site.
 */
export async function listTicketsOn(
  db: AnlaufstelleDB,
  siteIds: readonly string[] | null,
  statuses: readonly TicketStatus[] | null,
): Promise<CallbackTicket[]> {
  if (siteIds === null) return listTickets(db, { distributionSiteId: null, statuses });
  checkIds(siteIds, 'die Standorte');
  const lists = await Promise.all([...new Set(siteIds)].map((distributionSiteId) => listTickets(db, { distributionSiteId, statuses })));
  return lists.flat();
}

/** Open work of these lists: not yet contacted, so the deadline clocks are still running (SPEC §5). */
export function openTicketsOn(db: AnlaufstelleDB, siteIds: readonly string[]): Promise<CallbackTicket[]> {
  return listTicketsOn(db, siteIds, ['open', 'assigned']);
}
