// fake-indexeddb first: Dexie picks up the global indexedDB when a database is opened.
import 'fake-indexeddb/auto';
import { SITE_SEED } from '@shared/demo/generate';
import type { Role, TriageInput } from '@shared/model';
import { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import type { WriteContext } from '../../../../renderer/src/db/repositories/base';
import { seedDirectory } from '../../../../renderer/src/db/repositories/demo';
import type { TriageOptions } from '../../../../renderer/src/db/repositories/visits';

/**
 * Shared set-up of the repository tests: a fresh database per test (random name, so tests never
 * see each other's rows) with the four sites and the staff list seeded through the write path.
 */

/** Thu 26 Nov 2026, 10:00 Berlin (CET, +01:00) – inside the opening session (seed §4.1). */
export const THU_10 = new Date('2026-11-26T10:00:00+01:00');

export const BAD_EMS = SITE_SEED[0].id;
export const DIEZ = SITE_SEED[1].id;

export const CLERK = 'clerk-ez-1';
export const LB_CLERK = 'clerk-lb-1';

export function ctx(now: Date = THU_10, actorId = CLERK): WriteContext {
  return { actorId, now };
}

/** `minutes` after `base`. */
export function later(base: Date, minutes: number): Date {
  return new Date(base.getTime() + minutes * 60_000);
}

export async function freshDb(now: Date = THU_10): Promise<AnlaufstelleDB> {
  const db = new AnlaufstelleDB(`test-${crypto.randomUUID()}`);
  await seedDirectory(db, now);
  return db;
}

/** The id of the first seeded person of a site with a role (the directory is generated, ids are not fixed). */
export async function staffIdWith(db: AnlaufstelleDB, role: Role, siteId: string = BAD_EMS): Promise<string> {
  const person = (await db.staff.toArray()).find((s) => s.homeSiteId === siteId && s.roles.includes(role));
  if (!person) throw new Error(`No ${role} at ${siteId} in the seeded directory`);
  return person.id;
}

export const AT_BAD_EMS: TriageOptions = { siteId: BAD_EMS, deadlinePolicy: 'working-days' };

const noChecks = { verbisCheck: 'no-need', digitalCheck: 'not-first-visit' } as const;

export function quick(extra: Partial<TriageInput> = {}): TriageInput {
  return { concernKind: 'quick', quickSubtype: 'documents', ...noChecks, ...extra } as TriageInput;
}

export function application(acute: boolean, label = ''): TriageInput {
  return { concernKind: 'application', acute, label, ...noChecks };
}

export function benefits(label = ''): TriageInput {
  return { concernKind: 'benefits', label, ...noChecks };
}

export const TICKET_DRAFT = {
  department: 'MI',
  concern: 'Rückfrage zu einem Vermittlungsvorschlag',
  customerName: 'Erika Mustermann',
  phone: '02603 123456',
  preferredTimes: 'vormittags',
  customerNumber: '12345BG0012345',
} as const;

/** A "Sonstige Anliegen" visit; `ticket` overrides draft fields, also with invalid values on purpose. */
export function other(ticket: Partial<Record<keyof typeof TICKET_DRAFT, string>> = {}): TriageInput {
  return { concernKind: 'other', ticket: { ...TICKET_DRAFT, ...ticket }, ...noChecks } as TriageInput;
}

/** Everything a write can touch, to prove that a refused write changed nothing. */
export async function snapshot(db: AnlaufstelleDB) {
  return {
    visits: await db.visits.toArray(),
    handoffs: await db.handoffs.toArray(),
    tickets: await db.tickets.toArray(),
    outbox: await db.outbox.toArray(),
  };
}

export async function counts(db: AnlaufstelleDB) {
  return {
    visits: await db.visits.count(),
    handoffs: await db.handoffs.count(),
    tickets: await db.tickets.count(),
    outbox: await db.outbox.count(),
  };
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
