import { callbackDueAt, type DeadlinePolicy } from '@shared/domain/callback-deadline';
import { routeVisit } from '@shared/domain/routing';
import type { CallbackTicket, Handoff, Site, TriageInput, Visit } from '@shared/model';
import { triageInputSchema } from '@shared/model';
import { berlinDate, berlinInstant, addDays } from '@shared/domain/calendar';
import type { AnlaufstelleDB } from '../db';
import { withRetentionStart } from '../retention-index';
import { isLive, logChange, newId, NotFoundError, parseOrThrow, stampNew, type WriteContext } from './base';
import { makeTicketRef } from './ticket-ref';

export interface TriageOptions {
  siteId: string;
  /** Where new tickets go to be distributed: the own site, or a staffed one in LB cover (§4.5). */
  distributionSiteId?: string;
  deadlinePolicy: DeadlinePolicy;
  lbCover?: boolean;
}

export interface TriageResult {
  visit: Visit;
  handoffs: Handoff[];
  ticket: CallbackTicket | null;
}

/**
 * Records one triaged visit with everything it sets off – hand-offs and the callback ticket – in
 * one transaction, so a visit is never half saved (SPEC §3, §4, §5).
 */
export async function recordTriage(
  db: AnlaufstelleDB,
  rawInput: TriageInput,
  options: TriageOptions,
  ctx: WriteContext,
): Promise<TriageResult> {
  const input = parseOrThrow(triageInputSchema, rawInput);
  const acute = input.concernKind === 'application' ? input.acute : false;
  const route = routeVisit(input.concernKind, acute, input.verbisCheck);

  return db.transaction('rw', [db.sites, db.visits, db.handoffs, db.tickets, db.outbox], async () => {
    const site = await db.sites.get(options.siteId);
    if (!isLive(site)) throw new NotFoundError('Der Standort ist unbekannt. Bitte in den Einstellungen wählen.');
    // Tickets land on this site's distribution list: it must exist, or nobody would ever see them.
    const distributionSiteId = options.distributionSiteId ?? site.id;
    if (distributionSiteId !== site.id && !isLive(await db.sites.get(distributionSiteId))) {
      throw new NotFoundError('Der Standort für die Ticketverteilung ist unbekannt. Bitte die Besetzung prüfen.');
    }

    const visitId = newId();
    const arrivedAt = ctx.now.toISOString();
    const handoffs: Handoff[] = [];
    if (route.handoffs.length > 0) {
      const label = ('label' in input && input.label) || (await nextCallNumber(db, site, ctx.now));
      for (const h of route.handoffs) {
        handoffs.push({
          ...stampNew(ctx),
          siteId: site.id,
          visitId,
          target: h.target,
          concernKind: input.concernKind,
          acute: h.acute,
          label,
          waitingSince: arrivedAt,
          status: 'waiting',
          takenBy: null,
          takenAt: null,
          finishedAt: null,
        });
      }
    }

    let ticket: CallbackTicket | null = null;
    if (input.concernKind === 'other') {
      ticket = {
        ...stampNew(ctx),
        ref: await makeTicketRef(db, site.code),
        siteId: site.id,
        distributionSiteId,
        visitId,
        ...input.ticket,
        dueAt: callbackDueAt(ctx.now, options.deadlinePolicy).toISOString(),
        deadlinePolicy: options.deadlinePolicy,
        status: 'open',
        assignee: null,
        attempts: [],
        contact: null,
        closedAt: null,
        closeNote: '',
        anonymisedAt: null,
      };
      // What is returned is what is stored (the database layer adds it on every write anyway).
      ticket = withRetentionStart('tickets', ticket);
    }

    const visit: Visit = {
      ...stampNew(ctx, visitId),
      siteId: site.id,
      arrivedAt,
      concernKind: input.concernKind,
      quickSubtype: input.concernKind === 'quick' ? input.quickSubtype : null,
      acute,
      outcome: route.outcome,
      verbisCheck: input.verbisCheck,
      digitalCheck: input.digitalCheck,
      servedBy: ctx.actorId,
      handoffIds: handoffs.map((h) => h.id),
      ticketId: ticket?.id ?? null,
      lbCover: options.lbCover ?? false,
    };

    await db.visits.add(visit);
    await logChange(db, 'visits', visit.id, 'put', ctx);
    for (const h of handoffs) {
      await db.handoffs.add(h);
      await logChange(db, 'handoffs', h.id, 'put', ctx);
    }
    if (ticket) {
      await db.tickets.add(ticket);
      await logChange(db, 'tickets', ticket.id, 'put', ctx);
    }
    return { visit, handoffs, ticket };
  });
}

/** Call numbers restart every day per site: "Nr. 001", "Nr. 002", … */
async function nextCallNumber(db: AnlaufstelleDB, site: Site, now: Date): Promise<string> {
  const today = berlinDate(now);
  const from = berlinInstant(today, '00:00').toISOString();
  const to = berlinInstant(addDays(today, 1), '00:00').toISOString();
  const count = await db.visits.where('[siteId+arrivedAt]').between([site.id, from], [site.id, to]).count();
  return `Nr. ${String(count + 1).padStart(3, '0')}`;
}

/** Visits of one site in [from, to) – the day views read through this. */
export function visitsBetween(db: AnlaufstelleDB, siteId: string, from: Date, to: Date): Promise<Visit[]> {
  return db.visits
    .where('[siteId+arrivedAt]')
    .between([siteId, from.toISOString()], [siteId, to.toISOString()])
    .filter((v) => v.deletedAt === null)
    .toArray();
}
