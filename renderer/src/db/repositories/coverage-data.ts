import { coverageDataFrom, type CoverageData } from '@shared/domain/coverage';
import { addDays } from '@shared/domain/calendar';
import type { AnlaufstelleDB } from '../db';
import { checkDate } from './base';

/**
 * Everything the coverage board needs for the dates [from, to] (issue #3 item 5), read with the
 * staffing indexes: shifts and decisions by 'date', absences by 'to' (every absence that ends on or
 * after `from`, then cut at `to`), closures by 'date'. Sites and staff are the whole (small)
 * directory. Works inside or outside a transaction that includes these tables.
 */
export async function loadCoverageData(db: AnlaufstelleDB, from: string, to: string): Promise<CoverageData> {
  checkDate(from, 'Erster Tag');
  checkDate(to, 'Letzter Tag');
  // 'date' ranges are half-open in Dexie's between(); the day after `to` closes them.
  const end = addDays(to, 1);
  const [sites, staff, shifts, absences, closures, decisions] = await Promise.all([
    db.sites.toArray(),
    db.staff.toArray(),
    db.shifts.where('date').between(from, end).toArray(),
    db.absences
      .where('to')
      .aboveOrEqual(from)
      .filter((a) => a.from <= to)
      .toArray(),
    db.closures.where('date').between(from, end).toArray(),
    db.coverDecisions.where('date').between(from, end).toArray(),
  ]);
  return coverageDataFrom({ sites, staff, shifts, absences, closures, decisions });
}

/** The staffing tables a write that recomputes coverage must include in its transaction. */
export function coverageTables(db: AnlaufstelleDB) {
  return [db.sites, db.staff, db.shifts, db.absences, db.closures, db.coverDecisions];
}
