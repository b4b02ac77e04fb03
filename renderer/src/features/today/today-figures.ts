import type { ConcernKind, Visit, VisitOutcome } from '@shared/model';
import { CONCERN_KINDS, VISIT_OUTCOMES } from '@shared/model';

/** The day's visits counted by Anliegensart (seed §4.4) and by what became of them (SPEC §4). */
export interface DayFigures {
  total: number;
  byKind: Record<ConcernKind, number>;
  /** Of the applications: acute destitution (SPEC §3). */
  acute: number;
  byOutcome: Record<VisitOutcome, number>;
  /** Seed §2.3: visitors sent to Vermittlung because VerBIS showed a need to talk. */
  vermittlung: number;
  /** Seed §4.2: activation codes for jobcenter.digital handed out. */
  digitalCodes: number;
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function countVisits(visits: readonly Visit[]): DayFigures {
  const figures: DayFigures = {
    total: 0,
    byKind: zeros(CONCERN_KINDS),
    acute: 0,
    byOutcome: zeros(VISIT_OUTCOMES),
    vermittlung: 0,
    digitalCodes: 0,
  };
  for (const v of visits) {
    if (v.deletedAt !== null) continue;
    figures.total++;
    figures.byKind[v.concernKind]++;
    figures.byOutcome[v.outcome]++;
    if (v.acute) figures.acute++;
    if (v.verbisCheck === 'vermittlung-needed') figures.vermittlung++;
    if (v.digitalCheck === 'code-handed-out') figures.digitalCodes++;
  }
  return figures;
}
