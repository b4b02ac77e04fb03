import type { Role, Staff } from '@shared/model';
import type { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import { SITE_SEED } from '@shared/demo/generate';
import type { WriteContext } from '../../../../renderer/src/db/repositories/base';

/**
 * Staffing test set-up on top of fixture.ts: the seeded directory (per site three EZ clerks – one
 * full-time, two part-time –, three LB clerks, Vermittlung, FM; TL_EZ, TL_LB, GF at Bad Ems).
 * Thu 2026-11-26 is a session day (08:00–12:00); its week starts Mon 2026-11-23.
 */

export const WEEK = '2026-11-23';
export const THU = '2026-11-26';
export const LAHNSTEIN = SITE_SEED[2].id;
export const NASTAETTEN = SITE_SEED[3].id;

/** Thu 07:30 Berlin: before the session, the day's sick notes come in. */
export const THU_0730 = new Date('2026-11-26T07:30:00+01:00');
/** Two weeks ahead: a planned absence. */
export const TWO_WEEKS_BEFORE = new Date('2026-11-12T09:00:00+01:00');

export async function people(db: AnlaufstelleDB, siteId: string, role: Role): Promise<Staff[]> {
  const all = await db.staff.where('homeSiteId').equals(siteId).toArray();
  return all.filter((p) => p.roles.includes(role)).sort((a, b) => (a.id < b.id ? -1 : 1));
}

export async function onePerson(db: AnlaufstelleDB, role: Role, siteId?: string): Promise<Staff> {
  const all = await db.staff.toArray();
  const p = all.find((x) => x.roles.includes(role) && (siteId === undefined || x.homeSiteId === siteId));
  if (!p) throw new Error(`no ${role}`);
  return p;
}

export function as(person: { id: string } | string, now: Date): WriteContext {
  return { actorId: typeof person === 'string' ? person : person.id, now };
}
