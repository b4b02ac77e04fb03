import { addDays, berlinDate, berlinInstant } from '@shared/domain/calendar';
import { groupSessionGap, intakeDueAt, refusalDueAt, sameDayStepsDueAt } from '@shared/domain/new-customer';
import { anonymisedNewCustomer, retentionCutoff } from '@shared/domain/retention';
import {
  groupSessionInputSchema,
  NEW_CUSTOMER_STEPS,
  NEW_CUSTOMER_STEP_LABELS,
  otherChannelApplicationSchema,
  ACTIVATION_OUTCOMES,
  type ActivationOutcome,
  type ApplicationChannel,
  type GroupSession,
  type GroupSessionInput,
  type NewCustomer,
  type NewCustomerPerson,
  type NewCustomerStep,
  type OtherChannelApplicationInput,
  type Site,
} from '@shared/model';
import type { AnlaufstelleDB } from '../db';
import {
  checkContext,
  checkId,
  checkInstant,
  checkRetentionDays,
  isLive,
  logChange,
  NotFoundError,
  parseOrThrow,
  stampNew,
  stampUpdate,
  todayOf,
  ValidationError,
  type WriteContext,
} from './base';
import { readDeskMode } from './roster';

/**
 * Neukunden (issue 9, seed §1.1, §1.2, §4.2, §4.5): the one write path of the new-customer records
 * and the group sessions for new customers. The deadlines come from shared/domain/new-customer.ts,
 * computed once when the application is recorded and stored with it.
 */

const tables = (db: AnlaufstelleDB) => [db.newCustomers, db.groupSessions, db.outbox];

/** A new record from the person's data, for a worklist site; call inside a transaction with newCustomers and outbox. */
export async function addNewCustomer(
  db: AnlaufstelleDB,
  data: { siteId: string; recordedAtSiteId: string; visitId: string | null; channel: ApplicationChannel; appliedAt: Date; person: NewCustomerPerson },
  ctx: WriteContext,
): Promise<NewCustomer> {
  const { person } = data;
  if (person.birthDate !== null && person.birthDate > berlinDate(ctx.now)) throw new ValidationError('Das Geburtsdatum liegt in der Zukunft.');
  const record: NewCustomer = {
    ...stampNew(ctx),
    siteId: data.siteId,
    recordedAtSiteId: data.recordedAtSiteId,
    visitId: data.visitId,
    channel: data.channel,
    appliedAt: data.appliedAt.toISOString(),
    name: person.name,
    birthDate: person.birthDate,
    bgNumber: person.bgNumber,
    phone: person.phone,
    intakeDueAt: intakeDueAt(data.appliedAt, data.channel).toISOString(),
    refusalDueAt: refusalDueAt(data.appliedAt).toISOString(),
    stepsDueAt: sameDayStepsDueAt(data.appliedAt).toISOString(),
    stepStep: null,
    stepVerbis: null,
    stepAnnounced: null,
    // Seed §4.2: after a digital main application the activation code is not needed.
    stepActivation: data.channel === 'digital' ? { at: ctx.now.toISOString(), by: ctx.actorId, outcome: 'not-needed' } : null,
    invitation: null,
    noShows: [],
    intakeDone: null,
    refused: null,
    anonymisedAt: null,
  };
  await db.newCustomers.add(record);
  await logChange(db, 'newCustomers', record.id, 'put', ctx);
  return record;
}

/**
 * Issue 9 item 2: an application that arrived digitally, in writing or by phone, recorded by the
 * Kundenbüro of `siteId` into the same worklist (the distribution site while LB covers the desk).
 */
export async function recordOtherChannelApplication(
  db: AnlaufstelleDB,
  raw: OtherChannelApplicationInput,
  siteId: string,
  ctx: WriteContext,
): Promise<{ record: NewCustomer; routedTo: Site | null }> {
  checkContext(ctx);
  checkId(siteId, 'den Standort');
  const input = parseOrThrow(otherChannelApplicationSchema, raw);
  const today = todayOf(ctx);
  if (input.appliedOn > today) throw new ValidationError('Der Tag der Antragstellung liegt in der Zukunft.');
  if (input.appliedOn < addDays(today, -366)) throw new ValidationError('Der Tag der Antragstellung liegt mehr als ein Jahr zurück.');
  return db.transaction('rw', [db.sites, db.staff, db.shifts, db.absences, db.closures, ...tables(db)], async () => {
    const site = await db.sites.get(siteId);
    if (!isLive(site)) throw new NotFoundError('Der Standort ist unbekannt. Bitte in den Einstellungen wählen.');
    const worklist = await worklistSite(db, site, ctx.now);
    const record = await addNewCustomer(
      db,
      { siteId: worklist.id, recordedAtSiteId: site.id, visitId: null, channel: input.channel, appliedAt: berlinInstant(input.appliedOn, '00:00'), person: input.person },
      ctx,
    );
    return { record, routedTo: worklist.id === site.id ? null : worklist };
  });
}

/**
 * Seed §4.5 (last paragraph): while the Leistungsbereich covers the desk, new customers are taken on
 * by the Eingangszone of a staffed site – the record goes to the distribution site's worklist, like
 * the tickets. Read inside the write's transaction from the roster as it stands.
 */
export async function worklistSite(db: AnlaufstelleDB, site: Site, now: Date): Promise<Site> {
  const desk = await readDeskMode(db, site.id, now);
  if (!desk.lbCover || desk.distributionSiteId === null || desk.distributionSiteId === site.id) return site;
  const target = await db.sites.get(desk.distributionSiteId);
  return isLive(target) ? target : site;
}

async function update(db: AnlaufstelleDB, id: string, ctx: WriteContext, change: (c: NewCustomer) => Partial<NewCustomer>): Promise<NewCustomer> {
  checkContext(ctx);
  checkId(id, 'die Neukundin / den Neukunden');
  return db.transaction('rw', tables(db), async () => {
    const current = await db.newCustomers.get(id);
    if (!isLive(current)) throw new NotFoundError('Diesen Neukunden-Eintrag gibt es nicht mehr.');
    if (current.anonymisedAt !== null) throw new ValidationError('Der Eintrag ist nach Ablauf der Aufbewahrungsfrist anonymisiert.');
    const next: NewCustomer = { ...stampUpdate(current, ctx), ...change(current) };
    await db.newCustomers.put(next);
    await logChange(db, 'newCustomers', id, 'put', ctx);
    return next;
  });
}

const closedError = (c: NewCustomer) =>
  c.refused ? 'Der Fall ist durch Versagung abgeschlossen.' : c.intakeDone ? 'Die Eingangsprüfung ist abgeschlossen.' : null;

/** Ticks (or unticks, a slip of the key) one same-day step with who and when (seed §1.1). */
export async function markStep(
  db: AnlaufstelleDB,
  id: string,
  step: NewCustomerStep,
  done: boolean,
  ctx: WriteContext,
  outcome?: ActivationOutcome,
): Promise<NewCustomer> {
  if (!NEW_CUSTOMER_STEPS.includes(step)) throw new ValidationError('Diesen Schritt gibt es nicht.');
  if (step === 'stepActivation' && done && (outcome === undefined || !ACTIVATION_OUTCOMES.includes(outcome))) {
    throw new ValidationError('Bitte angeben, ob der Freischaltcode ausgehändigt wurde oder nicht nötig ist.');
  }
  return update(db, id, ctx, (c) => {
    if (c.refused) throw new ValidationError(`${NEW_CUSTOMER_STEP_LABELS[step]}: ${closedError(c)}`);
    const mark = { at: ctx.now.toISOString(), by: ctx.actorId };
    if (step === 'stepActivation') return { stepActivation: done ? { ...mark, outcome: outcome! } : null };
    return { [step]: done ? mark : null };
  });
}

/** Seed §1.2: the invitation (with Rechtsfolgenbelehrung) to a group session of the worklist's site. */
export async function inviteToGroupSession(db: AnlaufstelleDB, id: string, sessionId: string, ctx: WriteContext): Promise<NewCustomer> {
  checkId(sessionId, 'die Gruppeninformation');
  return db.transaction('rw', tables(db), async () => {
    const c = await db.newCustomers.get(id);
    const session = await db.groupSessions.get(sessionId);
    if (!isLive(session)) throw new NotFoundError('Diese Gruppeninformation gibt es nicht mehr.');
    if (c && session.siteId !== c.siteId) throw new ValidationError('Die Gruppeninformation findet an einem anderen Standort statt.');
    if (session.date < todayOf(ctx)) throw new ValidationError('Diese Gruppeninformation liegt in der Vergangenheit.');
    const booked = await bookedCount(db, session.id, id);
    if (booked >= session.capacity) throw new ValidationError(`Die Gruppeninformation am ${germanDay(session.date)} ist voll (${session.capacity} Plätze).`);
    return update(db, id, ctx, (cur) => {
      const closed = closedError(cur);
      if (closed) throw new ValidationError(`Einladung nicht möglich: ${closed}`);
      return { invitation: { sessionId, at: ctx.now.toISOString(), by: ctx.actorId } };
    });
  });
}

/**
 * Seed §1.2 "Meldeversäumnis": the applicant did not come to the session they were invited to. The
 * invitation is kept as a no-show, and a new one can be given at once (the screen offers the next).
 */
export async function recordNoShow(db: AnlaufstelleDB, id: string, ctx: WriteContext): Promise<NewCustomer> {
  return db.transaction('rw', tables(db), async () => {
    const c = await db.newCustomers.get(id);
    const session = c?.invitation ? await db.groupSessions.get(c.invitation.sessionId) : undefined;
    if (session && session.date > todayOf(ctx)) throw new ValidationError('Die Gruppeninformation hat noch nicht stattgefunden.');
    return update(db, id, ctx, (cur) => {
      if (!cur.invitation) throw new ValidationError('Es gibt keine Einladung, zu der ein Meldeversäumnis eingetragen werden könnte.');
      return { invitation: null, noShows: [...cur.noShows, { ...cur.invitation, id: crypto.randomUUID(), at: ctx.now.toISOString(), by: ctx.actorId }] };
    });
  });
}

/** The Leistungsbereich's intake check (Eingangsprüfung) is finished: the record leaves the open worklist. */
export async function markIntakeDone(db: AnlaufstelleDB, id: string, ctx: WriteContext): Promise<NewCustomer> {
  return update(db, id, ctx, (c) => {
    const closed = closedError(c);
    if (closed) throw new ValidationError(closed);
    return { intakeDone: { at: ctx.now.toISOString(), by: ctx.actorId } };
  });
}

/** Seed §1.1: a case whose applicant does not cooperate is closed by refusal (Versagung). */
export async function recordRefusal(db: AnlaufstelleDB, id: string, ctx: WriteContext): Promise<NewCustomer> {
  return update(db, id, ctx, (c) => {
    const closed = closedError(c);
    if (closed) throw new ValidationError(closed);
    return { refused: { at: ctx.now.toISOString(), by: ctx.actorId } };
  });
}

// ── reading ───────────────────────────────────────────────────────────────────────────────────

export type DueState = 'done' | 'overdue' | 'open';

export interface WorklistRow {
  record: NewCustomer;
  closed: boolean;
  /** Same-day steps (four ticks and the invitation) by the end of the day of application. */
  steps: { done: number; of: number; state: DueState };
  intake: DueState;
  refusalDue: boolean;
}

/** What a worklist row shows about its deadlines, as of `now`. */
export function worklistRow(record: NewCustomer, now: Date): WorklistRow {
  const nowIso = now.toISOString();
  const marks = [record.stepStep, record.stepVerbis, record.stepAnnounced, record.stepActivation, record.invitation];
  const done = marks.filter((m) => m !== null).length;
  const closed = record.intakeDone !== null || record.refused !== null;
  return {
    record,
    closed,
    steps: { done, of: marks.length, state: done === marks.length ? 'done' : nowIso >= record.stepsDueAt ? 'overdue' : 'open' },
    intake: record.intakeDone ? 'done' : record.refused ? 'done' : nowIso >= record.intakeDueAt ? 'overdue' : 'open',
    // The refusal date has come and the case is still open: the LB decides now (seed §1.1).
    refusalDue: !closed && nowIso >= record.refusalDueAt,
  };
}

/** A site's worklist: open records first, oldest application first; closed ones of the last 30 days after. */
export async function worklistOf(db: AnlaufstelleDB, siteId: string, now: Date): Promise<WorklistRow[]> {
  checkId(siteId, 'den Standort');
  checkInstant(now);
  const rows = await db.newCustomers.where('[siteId+appliedAt]').between([siteId, ''], [siteId, '\uffff']).filter(isLive).toArray();
  const recent = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  return rows
    .map((r) => worklistRow(r, now))
    .filter((r) => !r.closed || (r.record.intakeDone?.at ?? r.record.refused?.at ?? '') >= recent)
    .sort((a, b) => Number(a.closed) - Number(b.closed) || (a.record.appliedAt < b.record.appliedAt ? -1 : 1));
}

/** The new-customer record a counter visit started, if any. */
export async function newCustomerOfVisit(db: AnlaufstelleDB, visitId: string): Promise<NewCustomer | undefined> {
  return (await db.newCustomers.where('visitId').equals(visitId).toArray()).find(isLive);
}

// ── group sessions ────────────────────────────────────────────────────────────────────────────

export interface SessionWithSeats {
  session: GroupSession;
  booked: number;
  free: number;
}

async function bookedCount(db: AnlaufstelleDB, sessionId: string, except?: string): Promise<number> {
  return db.newCustomers.filter((c) => isLive(c) && c.invitation?.sessionId === sessionId && c.id !== except).count();
}

/** A site's group sessions from `fromDate` on, with their booked and free places. */
export async function groupSessionsOf(db: AnlaufstelleDB, siteId: string, fromDate: string): Promise<SessionWithSeats[]> {
  checkId(siteId, 'den Standort');
  const sessions = await db.groupSessions.where('[siteId+date]').between([siteId, fromDate], [siteId, '\uffff']).filter(isLive).toArray();
  sessions.sort((a, b) => (a.date + a.time < b.date + b.time ? -1 : 1));
  const invited = await db.newCustomers.filter((c) => isLive(c) && c.invitation !== null).toArray();
  return sessions.map((session) => {
    const booked = invited.filter((c) => c.invitation!.sessionId === session.id).length;
    return { session, booked, free: Math.max(0, session.capacity - booked) };
  });
}

/** Issue 9 item 5: the next session of the site with a free place, from today. */
export function nextFreeSession(sessions: readonly SessionWithSeats[], today: string): SessionWithSeats | null {
  return sessions.find((s) => s.session.date >= today && s.free > 0) ?? null;
}

/** Seed §1.2 "spätestens alle 14 Tage": whether the site has a session in the next 14 days. */
export function sessionGapOf(sessions: readonly SessionWithSeats[], today: string) {
  return groupSessionGap(
    sessions.map((s) => s.session.date),
    today,
  );
}

export async function addGroupSession(db: AnlaufstelleDB, raw: GroupSessionInput, ctx: WriteContext): Promise<GroupSession> {
  checkContext(ctx);
  const input = parseOrThrow(groupSessionInputSchema, raw);
  if (input.date < todayOf(ctx)) throw new ValidationError('Der Termin liegt in der Vergangenheit.');
  if (input.date > addDays(todayOf(ctx), 366)) throw new ValidationError('Der Termin liegt mehr als ein Jahr in der Zukunft.');
  return db.transaction('rw', [db.sites, ...tables(db)], async () => {
    if (!isLive(await db.sites.get(input.siteId))) throw new NotFoundError('Der Standort ist unbekannt.');
    const session: GroupSession = { ...stampNew(ctx), ...input };
    await db.groupSessions.add(session);
    await logChange(db, 'groupSessions', session.id, 'put', ctx);
    return session;
  });
}

/** Removes a session nobody is invited to (a session with invitations must be kept). */
export async function removeGroupSession(db: AnlaufstelleDB, id: string, ctx: WriteContext): Promise<void> {
  checkContext(ctx);
  checkId(id, 'die Gruppeninformation');
  await db.transaction('rw', tables(db), async () => {
    const session = await db.groupSessions.get(id);
    if (!isLive(session)) throw new NotFoundError('Diese Gruppeninformation gibt es nicht mehr.');
    const booked = await bookedCount(db, id);
    if (booked > 0) throw new ValidationError(`Zu dieser Gruppeninformation sind ${booked} Personen eingeladen; sie kann nicht gelöscht werden.`);
    await db.groupSessions.put({ ...stampUpdate(session, ctx), deletedAt: ctx.now.toISOString() });
    await logChange(db, 'groupSessions', id, 'delete', ctx);
  });
}

// ── retention ─────────────────────────────────────────────────────────────────────────────────

/**
 * Issue 9 item 7, SPEC §9: a closed new-customer record keeps its dates and ticks, not the person,
 * once the retention period has passed since it was closed (intake done or refused).
 */
export async function anonymiseClosedNewCustomers(db: AnlaufstelleDB, retentionDays: number, ctx: WriteContext): Promise<number> {
  checkContext(ctx);
  const cutoff = retentionCutoff(ctx.now, checkRetentionDays(retentionDays));
  return db.transaction('rw', tables(db), async () => {
    const due = await db.newCustomers
      .filter((c) => isLive(c) && c.anonymisedAt === null && (c.intakeDone?.at ?? c.refused?.at ?? '\uffff') < cutoff)
      .toArray();
    for (const c of due) {
      await db.newCustomers.put({ ...stampUpdate(c, ctx), ...anonymisedNewCustomer(ctx.now.toISOString()) });
      await logChange(db, 'newCustomers', c.id, 'put', ctx);
    }
    return due.length;
  });
}


const germanDay = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;

/** The Berlin date of the application (for display and the group-session rule). */
export const appliedOn = (c: Pick<NewCustomer, 'appliedAt'>) => berlinDate(new Date(c.appliedAt));
