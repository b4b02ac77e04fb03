import Dexie from 'dexie';
import { nextTicketStatus, type TicketEvent } from '@shared/domain/ticket-state';
import type { CallbackTicket, ContactInput, DistributeInput, TicketStatus } from '@shared/model';
import { attemptInputSchema, closeInputSchema, contactInputSchema, distributeInputSchema } from '@shared/model';
import type { AnlaufstelleDB } from '../db';
import { isLive, logChange, newId, NotFoundError, parseOrThrow, stampUpdate, type WriteContext } from './base';

/**
 * The callback ticket aggregate (SPEC §5). Every change is one transaction that checks the state
 * machine first: an illegal step throws IllegalTransitionError and writes nothing.
 */
async function apply(
  db: AnlaufstelleDB,
  id: string,
  event: TicketEvent,
  ctx: WriteContext,
  change: (t: CallbackTicket) => Partial<CallbackTicket>,
): Promise<CallbackTicket> {
  return db.transaction('rw', [db.tickets, db.outbox], async () => {
    const current = await db.tickets.get(id);
    if (!isLive(current)) throw new NotFoundError('Dieses Ticket gibt es nicht mehr.');
    const status = nextTicketStatus(current.status, event);
    const next = stampUpdate({ ...current, ...change(current), status }, ctx);
    await db.tickets.put(next);
    await logChange(db, 'tickets', id, 'put', ctx);
    return next;
  });
}

// The writes below are async so bad input rejects the returned promise like every other refusal
// (a plain function would throw before returning one, past a caller's `.catch`).

/** Ticketverteilung: to a department team of a site, or to a person. */
export async function distributeTicket(db: AnlaufstelleDB, id: string, raw: DistributeInput, ctx: WriteContext) {
  const input = parseOrThrow(distributeInputSchema, raw);
  return apply(db, id, 'distribute', ctx, () => ({ assignee: input.assignee }));
}

/** A failed callback attempt: logged, and the clock keeps running (SPEC §5). */
export async function logCallbackAttempt(db: AnlaufstelleDB, id: string, raw: { note: string }, ctx: WriteContext) {
  const input = parseOrThrow(attemptInputSchema, raw);
  return apply(db, id, 'log-attempt', ctx, (t) => ({
    attempts: [...t.attempts, { id: newId(), at: ctx.now.toISOString(), by: ctx.actorId, note: input.note }],
  }));
}

/** The first successful contact: reached, or an appointment given with date, time and form. */
export async function recordContact(db: AnlaufstelleDB, id: string, raw: ContactInput, ctx: WriteContext) {
  const input = parseOrThrow(contactInputSchema, raw);
  const at = ctx.now.toISOString();
  return apply(db, id, 'record-contact', ctx, () => ({
    contact:
      input.kind === 'reached'
        ? { kind: 'reached', at, by: ctx.actorId, note: input.note }
        : { kind: 'appointment', at, by: ctx.actorId, note: input.note, appointment: input.appointment },
  }));
}

export async function closeTicket(db: AnlaufstelleDB, id: string, raw: { note: string }, ctx: WriteContext) {
  const input = parseOrThrow(closeInputSchema, raw);
  return apply(db, id, 'close', ctx, () => ({ closedAt: ctx.now.toISOString(), closeNote: input.note }));
}

export const ANONYMISED = '— anonymisiert —';

/**
 * SPEC §9: personal data of closed tickets is removed after the retention period. The ticket
 * stays (figures, on-time rate); name, phone, numbers and free texts go.
 */
export async function anonymiseClosedTickets(
  db: AnlaufstelleDB,
  retentionDays: number,
  ctx: WriteContext,
): Promise<number> {
  const cutoff = new Date(ctx.now.getTime() - retentionDays * 86_400_000).toISOString();
  return db.transaction('rw', [db.tickets, db.outbox], async () => {
    const due = await db.tickets
      .where('status')
      .equals('closed')
      .filter((t) => t.anonymisedAt === null && t.closedAt !== null && t.closedAt < cutoff)
      .toArray();
    for (const t of due) {
      await db.tickets.put(
        stampUpdate(
          {
            ...t,
            customerName: ANONYMISED,
            customerNumber: null,
            phone: '',
            preferredTimes: '',
            concern: ANONYMISED,
            closeNote: '',
            attempts: t.attempts.map((a) => ({ ...a, note: '' })),
            contact: t.contact ? { ...t.contact, note: '' } : null,
            anonymisedAt: ctx.now.toISOString(),
          },
          ctx,
        ),
      );
      await logChange(db, 'tickets', t.id, 'put', ctx);
    }
    return due.length;
  });
}

// ---------------------------------------------------------------------------------------------
// Read side (issue #2 item 4): each query walks an index, never the whole table, so the list and
// the deadline watcher stay fast with a year of data (SPEC §10: ~30,000 tickets).

/** The ticket, or null if it does not exist or was deleted (tombstone, SPEC §9). */
export async function getTicket(db: AnlaufstelleDB, id: string): Promise<CallbackTicket | null> {
  const t = await db.tickets.get(id);
  return isLive(t) ? t : null;
}

export interface TicketQuery {
  /** Whose distribution list (seed §4.5: tickets of a covered desk go to a staffed site); null = all sites. */
  distributionSiteId: string | null;
  /** Statuses to load; null = every status. */
  statuses: readonly TicketStatus[] | null;
}

/**
 * Tickets for the list. Picks the narrowest index: [distributionSiteId+status] for one site,
 * status for all sites; only "every status of every site" reads the whole table.
 */
export async function listTickets(db: AnlaufstelleDB, query: TicketQuery): Promise<CallbackTicket[]> {
  const { distributionSiteId: site, statuses } = query;
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

/** Open work of one site: not yet contacted, so its deadline clock is still running (SPEC §5). */
export function openTicketsOfSite(db: AnlaufstelleDB, distributionSiteId: string): Promise<CallbackTicket[]> {
  return listTickets(db, { distributionSiteId, statuses: ['open', 'assigned'] });
}

/** Live tickets whose deadline lies in [from, to] – a range scan on the dueAt index. */
export async function ticketsDueBetween(db: AnlaufstelleDB, from: Date, to: Date): Promise<CallbackTicket[]> {
  const rows = await db.tickets.where('dueAt').between(from.toISOString(), to.toISOString(), true, true).toArray();
  return rows.filter((t) => t.deletedAt === null);
}
