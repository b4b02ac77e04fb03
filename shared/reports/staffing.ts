import { absenceKindOn, type AbsenceKindRecord } from '../domain/absence-kind';
import { addDays, isWorkingDay } from '../domain/calendar';
import type { BoardCell } from '../domain/coverage';
import type { Absence, CoverSourceId } from '../model/staffing';
import { COVER_SOURCES, COVER_SOURCE_LABELS } from '../model/staffing';
import type { ReportContext } from './context';
import type { ReportTable } from './table';

/**
 * Desk staffing of the period (issue 8 item 2, seed §4.5, SPEC §6), from the coverage board
 * (`coverageOfDate` – the same cells the Besetzung screen shows) and the absences. Counts only:
 * no name, no absence reason (health data, SPEC §8).
 */

export type ReportCell = Pick<BoardCell, 'siteId' | 'date' | 'status' | 'planned' | 'escalateTo'> & {
  accepted: readonly { source: CoverSourceId }[];
};
export type ReportAbsence = Pick<Absence, 'staffId' | 'deletedAt'> & AbsenceKindRecord;

/**
 * Issue 8 item 5: staffing data of groups of fewer than 3 people is not shown – a site's absence
 * figures when only one or two people were absent would say who was away.
 */
export const MIN_GROUP = 3;

interface SiteStaffing {
  sessions: number;
  covered: number;
  atRisk: number;
  uncovered: number;
  notPlanned: number;
  closed: number;
  cover: Record<CoverSourceId, number>;
  escalations: number;
  planned: number;
  unplanned: number;
  absentPeople: Set<string>;
}

const empty = (): SiteStaffing => ({
  sessions: 0,
  covered: 0,
  atRisk: 0,
  uncovered: 0,
  notPlanned: 0,
  closed: 0,
  cover: { 'ez-same-site': 0, 'ez-other-site': 0, 'lb-same-site': 0 },
  escalations: 0,
  planned: 0,
  unplanned: 0,
  absentPeople: new Set(),
});

export interface StaffingCounts {
  /** siteId and '*' (all chosen sites). */
  perSite: Map<string, SiteStaffing>;
}

export function countStaffingOf(
  cells: Iterable<ReportCell>,
  absences: Iterable<ReportAbsence>,
  homeSiteOf: ReadonlyMap<string, string>,
  ctx: ReportContext,
): StaffingCounts {
  const chosen = new Set(ctx.sites.map((s) => s.id));
  const perSite = new Map<string, SiteStaffing>([...ctx.sites.map((s) => [s.id, empty()] as const), ['*', empty()]]);
  const { from, to } = ctx.period;
  for (const c of cells) {
    if (!chosen.has(c.siteId) || c.date < from || c.date > to) continue;
    for (const s of [perSite.get(c.siteId)!, perSite.get('*')!]) {
      if (c.status === 'closed') {
        s.closed++;
        continue;
      }
      s.sessions++;
      if (!c.planned) s.notPlanned++;
      else if (c.status === 'covered') s.covered++;
      else if (c.status === 'at-risk') s.atRisk++;
      else s.uncovered++;
      if (c.escalateTo === 'GF' && c.planned) s.escalations++;
      for (const d of c.accepted) s.cover[d.source]++;
    }
  }
  for (const a of absences) {
    const site = homeSiteOf.get(a.staffId);
    if (a.deletedAt !== null || site === undefined || !chosen.has(site) || a.to < from || a.from > to) continue;
    // Issue 7 item 9: each day has its own kind – count working days of the period, each by its kind.
    const first = a.from > from ? a.from : from;
    const last = a.to < to ? a.to : to;
    for (let day = first; day <= last; day = addDays(day, 1)) {
      if (!isWorkingDay(day)) continue;
      const kind = absenceKindOn(a, day);
      for (const s of [perSite.get(site)!, perSite.get('*')!]) {
        if (kind === 'planned') s.planned++;
        else s.unplanned++;
        s.absentPeople.add(a.staffId);
      }
    }
  }
  return { perSite };
}

/** A count about people, or null (shown "–") when it concerns 1 or 2 people (MIN_GROUP). */
function guarded(value: number, people: number): number | null {
  return people > 0 && people < MIN_GROUP ? null : value;
}

export function staffingTables(c: StaffingCounts, ctx: ReportContext): ReportTable[] {
  const sites = [...ctx.sites.map((s) => [s.id, s.name] as const), ['*', 'Alle gewählten Standorte'] as const];
  return [
    {
      id: 'besetzung-oeffnungszeiten',
      title: 'Besetzung der Öffnungszeiten',
      definition:
        'Jede Öffnungszeit der gewählten Standorte im Zeitraum, bewertet wie in der Übersicht „Besetzung“ (GA §4.5, SPEC §6): besetzt, gefährdet (Lücke mit offenem Vertretungsvorschlag) oder unbesetzt, nach dem heutigen Stand von Besetzungsplan, Abwesenheiten und Entscheidungen. ' +
        '„Noch nicht geplant“: für die Öffnungszeit gibt es keinen Besetzungsplan. „Geschlossen“: Feiertag oder Schließtag, nicht mitgezählt in „Öffnungszeiten“. ' +
        'Vertretungen: angenommene Vertretungen nach Weg (EZ desselben Standorts, EZ eines anderen Standorts, Leistungsbereich vor Ort). ' +
        '„Eskalation an die Geschäftsführung“: geplante Öffnungszeiten, für die niemand vorgeschlagen werden kann.',
      columns: [
        { label: 'Standort', kind: 'text' },
        { label: 'Öffnungszeiten', kind: 'count' },
        { label: 'Besetzt', kind: 'count' },
        { label: 'Gefährdet', kind: 'count' },
        { label: 'Unbesetzt', kind: 'count' },
        { label: 'Noch nicht geplant', kind: 'count' },
        { label: 'Geschlossen', kind: 'count' },
        ...COVER_SOURCES.map((s) => ({ label: `Vertretung: ${COVER_SOURCE_LABELS[s]}`, kind: 'count' as const })),
        { label: 'Eskalation an die Geschäftsführung', kind: 'count' },
      ],
      rows: sites.map(([id, name]) => {
        const s = c.perSite.get(id)!;
        return [name, s.sessions, s.covered, s.atRisk, s.uncovered, s.notPlanned, s.closed, ...COVER_SOURCES.map((k) => s.cover[k]), s.escalations];
      }),
    },
    {
      id: 'besetzung-abwesenheiten',
      title: 'Abwesenheiten',
      definition:
        'Abwesenheitstage des Personals mit Stammstandort unter den gewählten Standorten: jeder Arbeitstag im Zeitraum, an dem eine Person ganz oder halb abwesend ist, einmal je eingetragener Abwesenheit – ohne Gründe. ' +
        'Geplant oder ungeplant (GA §4.5) gilt für jeden Tag nach seiner eigenen Vorlaufzeit: ein zweiwöchiger Urlaub, erst am Freitag davor gemeldet, ist an seinem Montag ungeplant und ab Dienstag geplant. Krankheit und kurzfristiger Ausfall sind an jedem Tag ungeplant; eine Festlegung von Hand gilt für alle Tage. ' +
        `Betrifft eine Zeile nur eine oder zwei Personen, wird sie nicht ausgewiesen (–), damit niemand erkennbar ist (Gruppen unter ${MIN_GROUP} Personen).`,
      columns: [
        { label: 'Standort', kind: 'text' },
        { label: 'Geplante Tage', kind: 'count' },
        { label: 'Ungeplante Tage', kind: 'count' },
      ],
      rows: sites.map(([id, name]) => {
        const s = c.perSite.get(id)!;
        const people = s.absentPeople.size;
        return [name, guarded(s.planned, people), guarded(s.unplanned, people)];
      }),
    },
  ];
}
