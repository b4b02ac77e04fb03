import { addDays, berlinDate } from '@shared/domain/calendar';
import { classifyAbsenceKind } from '@shared/domain/absence-kind';
import { weekStartOf } from '@shared/domain/desk-sessions';
import { draftWeekRoster } from '@shared/domain/roster-draft';
import type { Absence, AbsenceReason, DeskShift, Staff } from '@shared/model';
import type { AnlaufstelleDB } from '../db';
import { checkInstant, newId } from './base';

/**
 * Demo staffing for the first start (issue #2 "a few weeks of history", issue #3): this week and
 * the next drafted from the weekday patterns, and three absences so the coverage board has
 * something to decide – a vacation next week (Diez, planned), a training today (Lahnstein,
 * planned) and a sick note this morning (Nastätten, unplanned). No cover is accepted, so no desk
 * starts in LB cover mode. Rows carry `demo: true` like the rest of the demo data.
 *
 * Called by seedDemoData (demo.ts) after the directory is in place – also when demo data is
 * switched on again later. Additive only (review finding 1): a week that already has roster
 * entries is left alone, and a demo absence that would overlap one of the person's existing
 * absences is not added.
 */
export async function seedStaffingDemo(db: AnlaufstelleDB, now: Date): Promise<{ shifts: number; absences: number }> {
  checkInstant(now);
  const at = now.toISOString();
  const stamp = { createdAt: at, createdBy: 'demo-seed', updatedAt: at, updatedBy: 'demo-seed', deletedAt: null, demo: true, demoKey: 1 } as const;
  const today = berlinDate(now);
  const monday = weekStartOf(today);

  return db.transaction('rw', [db.sites, db.staff, db.shifts, db.absences, db.closures], async () => {
    const sites = (await db.sites.toArray()).filter((s) => s.deletedAt === null).sort((a, b) => a.code.localeCompare(b.code));
    const staff = (await db.staff.toArray()).filter((p) => p.deletedAt === null);
    const ez = (code: string) => {
      const site = sites.find((s) => s.code === code);
      return staff.filter((p) => p.homeSiteId === site?.id && p.roles.includes('EZ') && p.active).sort((a, b) => (a.id < b.id ? -1 : 1));
    };
    const absence = (p: Staff | undefined, from: string, to: string, reason: AbsenceReason, registeredAt: Date): Absence[] =>
      p
        ? [
            {
              ...stamp,
              id: newId(),
              staffId: p.id,
              from,
              to,
              halfDay: 'none',
              reason,
              kind: classifyAbsenceKind({ from, to, registeredAt, reason }),
              kindOverridden: false,
              registeredAt: registeredAt.toISOString(),
              note: '',
            },
          ]
        : [];
    const closures = (await db.closures.toArray()).filter((c) => c.deletedAt === null);
    const nextMonday = addDays(monday, 7);
    const existingShifts = (await db.shifts.where('date').between(monday, addDays(nextMonday, 6), true, true).toArray()).filter(
      (x) => x.deletedAt === null,
    );
    const shifts: DeskShift[] = [];
    for (const weekStart of [monday, nextMonday]) {
      if (existingShifts.some((x) => x.date >= weekStart && x.date <= addDays(weekStart, 6))) continue;
      // The roster was drafted before the absences became known: the absent clerks stay on it,
      // so their gaps show on the board.
      for (const d of draftWeekRoster({ weekStart, sites, staff, closures })) {
        shifts.push({ ...stamp, id: newId(), ...d, source: 'pattern', coverSource: null, coverDecisionId: null });
      }
    }
    /** The clerk on the site's roster that day, else its first EZ clerk. */
    const clerkOn = (code: string, date: string) => {
      const site = sites.find((s) => s.code === code);
      const rostered = [...shifts, ...existingShifts].find((x) => x.siteId === site?.id && x.date === date);
      return staff.find((p) => p.id === rostered?.staffId) ?? ez(code)[0];
    };
    // Absences reaching into this week or later: the only ones a demo absence could overlap.
    const existingAbsences = (await db.absences.where('to').aboveOrEqual(monday).toArray()).filter((a) => a.deletedAt === null);
    const overlapsExisting = (a: Absence) => existingAbsences.some((b) => b.staffId === a.staffId && b.from <= a.to && a.from <= b.to);
    const absences = [
      ...absence(clerkOn('DZ', nextMonday), nextMonday, addDays(nextMonday, 4), 'vacation', new Date(now.getTime() - 21 * 86_400_000)),
      ...absence(clerkOn('LS', today), today, today, 'training', new Date(now.getTime() - 14 * 86_400_000)),
      ...absence(clerkOn('NA', today), today, today, 'sickness', new Date(now.getTime() - 60 * 60_000)),
    ].filter((a) => !overlapsExisting(a));

    await db.shifts.bulkPut(shifts);
    await db.absences.bulkPut(absences);
    return { shifts: shifts.length, absences: absences.length };
  });
}
