import { callbackDueAt, type DeadlinePolicy } from '@shared/domain/callback-deadline';
import { routeVisit } from '@shared/domain/routing';
import type { CallbackTicket, Handoff, NewCustomer, Site, TriageInput, Visit } from '@shared/model';
import { triageInputSchema } from '@shared/model';
import { berlinDate, berlinInstant, addDays } from '@shared/domain/calendar';
import type { AnlaufstelleDB } from '../db';
import { withRetentionStart } from '../retention-index';
import { z } from 'zod';
import { checkContext, checkId, checkInstant, isLive, logChange, newId, NotFoundError, parseOrThrow, stampNew, ValidationError, type WriteContext } from './base';
import { addNewCustomer } from './new-customers';
import { readDeskMode } from './roster';
import { makeTicketRef } from './ticket-ref';
import { deskCodeFor } from '../../sync/desk-code';
import { callNumberOf, codedCallNumber } from '@shared/sync/desk-code';

export interface TriageOptions {
  siteId: string;
  /** Where new tickets go to be distributed: the own site, or a staffed one in LB cover (§4.5). */
  distributionSiteId?: string;
  deadlinePolicy: DeadlinePolicy;
  lbCover?: boolean;
  /**
   * Take LB cover and the distribution site from the roster as it stands inside the write's
   * transaction (issue 10 item 11), not from what the screen last showed; `lbCover` and
   * `distributionSiteId` are then ignored. The counter uses this.
   */
  deskModeFromRoster?: boolean;
}

const triageOptionsSchema = z.object(
  {
    siteId: z.string({ error: 'Der Standort ist unbekannt. Bitte in den Einstellungen wählen.' }).min(1, {
      error: 'Der Standort ist unbekannt. Bitte in den Einstellungen wählen.',
    }).max(100),
    distributionSiteId: z.string({ error: 'Der Standort für die Ticketverteilung ist ungültig.' }).min(1).max(100).optional(),
    deadlinePolicy: z.enum(['working-days', 'calendar'], { error: 'Bitte in den Einstellungen eine Fristberechnung wählen.' }),
    lbCover: z.boolean({ error: 'Die Angabe zur Vertretung durch den Leistungsbereich ist ungültig.' }).optional(),
    deskModeFromRoster: z.boolean({ error: 'Die Angabe zur Besetzung ist ungültig.' }).optional(),
  },
  { error: 'Standort und Fristberechnung fehlen.' },
);

export interface TriageResult {
  visit: Visit;
  handoffs: Handoff[];
  ticket: CallbackTicket | null;
  /** Issue 9: the new-customer record a new application started (null otherwise). */
  newCustomer?: NewCustomer | null;
}

/**
 * Records one triaged visit with everything it sets off – hand-offs and the callback ticket – in
 * one transaction, so a visit is never half saved (SPEC §3, §4, §5).
 */
export async function recordTriage(
  db: AnlaufstelleDB,
  rawInput: TriageInput,
  rawOptions: TriageOptions,
  ctx: WriteContext,
): Promise<TriageResult> {
  checkContext(ctx);
  const options = parseOrThrow(triageOptionsSchema, rawOptions);
  const input = parseOrThrow(triageInputSchema, rawInput);
  const acute = input.concernKind === 'application' ? input.acute : false;
  const route = routeVisit(input.concernKind, acute, input.verbisCheck);

  if (input.concernKind === 'application' && input.newApplication === 'new' && input.newCustomer === undefined) {
    throw new ValidationError('Neuantrag: bitte Name und Geburtsdatum oder BG-Nummer angeben.');
  }
  const tables = [db.sites, db.staff, db.shifts, db.absences, db.closures, db.visits, db.handoffs, db.tickets, db.newCustomers, db.outbox, db.syncState];
  return db.transaction('rw', tables, async () => {
    const site = await db.sites.get(options.siteId);
    if (!isLive(site)) throw new NotFoundError('Der Standort ist unbekannt. Bitte in den Einstellungen wählen.');
    const desk = options.deskModeFromRoster ? await readDeskMode(db, site.id, ctx.now) : null;
    const lbCover = desk ? desk.lbCover : (options.lbCover ?? false);
    // Tickets land on this site's distribution list: it must exist, or nobody would ever see them.
    const distributionSiteId = (desk ? desk.distributionSiteId : options.distributionSiteId) ?? site.id;
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
        ref: await makeTicketRef(db, site.code, await deskCodeFor(db, site.id)),
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
      lbCover,
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
    // Issue 9 item 1 (seed §1.1): a new application starts the new-customer record with the hand-off
    // – on the distribution site's worklist while LB covers this desk (§4.5, item 6).
    let newCustomer: NewCustomer | null = null;
    if (input.concernKind === 'application' && input.newApplication === 'new') {
      newCustomer = await addNewCustomer(
        db,
        { siteId: lbCover ? distributionSiteId : site.id, recordedAtSiteId: site.id, visitId, channel: 'personal', appliedAt: ctx.now, person: input.newCustomer! },
        ctx,
      );
    }
    return { visit, handoffs, ticket, newCustomer };
  });
}

/**
 * Call numbers restart every day per site. A PC with a desk code (issue 6 item 6: assigned by the
 * sync service, one per PC and site) counts its own: "Nr. A 001", "Nr. A 002", … – two desks of a
 * site never hand out the same number, even while one is offline. A PC that has never reached the
 * service (or runs without one) counts the site's visits it knows: "Nr. 001", "Nr. 002", …
 */
async function nextCallNumber(db: AnlaufstelleDB, site: Site, now: Date): Promise<string> {
  const today = berlinDate(now);
  const from = berlinInstant(today, '00:00').toISOString();
  const to = berlinInstant(addDays(today, 1), '00:00').toISOString();
  const visitsToday = db.visits.where('[siteId+arrivedAt]').between([site.id, from], [site.id, to]);
  const code = await deskCodeFor(db, site.id);
  if (code === null) return `Nr. ${String((await visitsToday.count()) + 1).padStart(3, '0')}`;
  const handoffIds = (await visitsToday.toArray()).flatMap((v) => v.handoffIds);
  const labels = (await db.handoffs.bulkGet(handoffIds)).map((h) => h?.label ?? '');
  const highest = Math.max(0, ...labels.map((l) => callNumberOf(l, code) ?? 0));
  return codedCallNumber(code, highest + 1);
}

/** Visits of one site in [from, to) – the day views read through this. */
export async function visitsBetween(db: AnlaufstelleDB, siteId: string, from: Date, to: Date): Promise<Visit[]> {
  checkId(siteId, 'den Standort');
  checkInstant(from);
  checkInstant(to);
  return db.visits
    .where('[siteId+arrivedAt]')
    .between([siteId, from.toISOString()], [siteId, to.toISOString()])
    .filter((v) => v.deletedAt === null)
    .toArray();
}
