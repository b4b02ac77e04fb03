import type { Role } from '../../../../shared/model';
import type {
  CoverageAbsence,
  CoverageData,
  CoverageDecision,
  CoverageShift,
  CoverageSite,
  CoverageStaff,
} from '../../../../shared/domain/coverage';

/** Small builders for the staffing domain tests: four sites, default sessions (seed §4.1). */
export const DEFAULT_SESSIONS = [1, 2, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '12:00' }));

export const site = (id: string, name: string, minStaff = 1, sessions = DEFAULT_SESSIONS): CoverageSite & { code: string } => ({
  id,
  name,
  minStaff,
  sessions,
  code: { be: 'BE', dz: 'DZ', ls: 'LS', na: 'NA' }[id] ?? id.slice(0, 2).toUpperCase(),
});

export const SITES = [site('be', 'Bad Ems'), site('dz', 'Diez'), site('ls', 'Lahnstein'), site('na', 'Nastätten')];

export const person = (
  id: string,
  homeSiteId: string,
  roles: Role[],
  weekdays: number[] = [1, 2, 3, 4, 5],
  active = true,
): CoverageStaff => ({ id, name: `Person ${id}`, homeSiteId, roles, weekdays, active });

let seq = 0;
export const shift = (
  siteId: string,
  date: string,
  staffId: string,
  extra: Partial<CoverageShift> = {},
): CoverageShift => ({
  id: `shift-${++seq}`,
  siteId,
  date,
  sessionStart: '08:00',
  staffId,
  source: 'pattern',
  coverSource: null,
  coverDecisionId: null,
  ...extra,
});

export const absence = (
  staffId: string,
  from: string,
  kind: 'planned' | 'unplanned',
  extra: Partial<CoverageAbsence> = {},
): CoverageAbsence => ({
  id: `abs-${++seq}`,
  staffId,
  from,
  to: from,
  halfDay: 'none',
  kind,
  reason: kind === 'planned' ? 'vacation' : 'sickness',
  // The rule gives `kind` on every day (issue 7 item 9: the kind is per day): a planned vacation
  // registered long ahead, an unplanned sickness registered on its first morning.
  registeredAt: kind === 'planned' ? '2020-01-02T09:00:00.000Z' : `${from}T06:30:00.000Z`,
  kindOverridden: false,
  ...extra,
});

export const decision = (
  siteId: string,
  date: string,
  staffId: string,
  status: 'accepted' | 'rejected',
  extra: Partial<CoverageDecision> = {},
): CoverageDecision => ({
  id: `dec-${++seq}`,
  siteId,
  date,
  sessionStart: '08:00',
  staffId,
  source: 'ez-same-site',
  decidedBy: 'FM',
  status,
  decidedByStaffId: 'fm-be',
  note: '',
  ...extra,
});

export const data = (over: Partial<CoverageData>): CoverageData => ({
  sites: SITES,
  staff: [],
  shifts: [],
  absences: [],
  closures: [],
  decisions: [],
  ...over,
});
