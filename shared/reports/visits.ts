import { addDays, berlinWeekday } from '../domain/calendar';
import { WEEKDAY_SHORT } from '../domain/desk-sessions';
import type { Visit } from '../model/records';
import { CONCERN_KINDS, CONCERN_LABELS, QUICK_SUBTYPES, QUICK_SUBTYPE_LABELS, type ConcernKind, type QuickSubtype } from '../model/vocabulary';
import { holidayNote, openSessionAt, reportScope, wallTime, type ReportContext } from './context';
import { germanDate } from './period';
import { bump, share } from './stats';
import type { ReportTable } from './table';

/** The fields of a visit the figures read – no person, no free text (issue 8 item 5). */
export type ReportVisit = Pick<
  Visit,
  'siteId' | 'arrivedAt' | 'concernKind' | 'quickSubtype' | 'acute' | 'outcome' | 'verbisCheck' | 'digitalCheck' | 'deletedAt'
>;

interface SiteRow {
  total: number;
  closedAtDesk: number;
  vermittlung: number;
  codes: number;
  outside: number;
  acute: number;
  byKind: Record<ConcernKind, number>;
  byQuick: Record<QuickSubtype, number>;
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const emptyRow = (): SiteRow => ({ total: 0, closedAtDesk: 0, vermittlung: 0, codes: 0, outside: 0, acute: 0, byKind: zeros(CONCERN_KINDS), byQuick: zeros(QUICK_SUBTYPES) });

export interface VisitCounts {
  perSite: Map<string, SiteRow>;
  all: SiteRow;
  byDay: Map<string, number>;
  /** `${isoWeekday}|${hour}` → visits (Berlin wall clock of arrival). */
  byWeekdayHour: Map<string, number>;
}

/**
 * Counts the visits of the period at the chosen sites (issue 8 item 2, SPEC §4). A visit counts
 * where and when it arrived (`arrivedAt`, Berlin wall clock); deleted visits (tombstones) never
 * count; anonymisation does not touch visits (they hold no personal data), so every visit counts.
 */
export function countVisitsOf(visits: Iterable<ReportVisit>, ctx: ReportContext): VisitCounts {
  const scope = reportScope(ctx);
  const perSite = new Map(ctx.sites.map((s) => [s.id, emptyRow()]));
  const all = emptyRow();
  const byDay = new Map<string, number>();
  const byWeekdayHour = new Map<string, number>();
  for (const v of visits) {
    if (v.deletedAt !== null || !scope.hasSite(v.siteId) || !scope.inPeriod(v.arrivedAt)) continue;
    const t = wallTime(v.arrivedAt);
    const outside = openSessionAt(scope, v.siteId, t) === null;
    for (const row of [perSite.get(v.siteId)!, all]) {
      row.total++;
      row.byKind[v.concernKind]++;
      if (v.concernKind === 'quick' && v.quickSubtype !== null) row.byQuick[v.quickSubtype]++;
      if (v.outcome === 'closed-at-desk') row.closedAtDesk++;
      // Seed §2.3 "Terminabsprache": VerBIS showed Vermittlung's need to talk → immediate hand-off.
      if (v.verbisCheck === 'vermittlung-needed') row.vermittlung++;
      // Seed §4.2: activation code for jobcenter.digital handed out at a first visit.
      if (v.digitalCheck === 'code-handed-out') row.codes++;
      if (v.acute) row.acute++;
      if (outside) row.outside++;
    }
    bump(byDay, t.date);
    bump(byWeekdayHour, `${berlinWeekday(t.date)}|${t.hour}`);
  }
  return { perSite, all, byDay, byWeekdayHour };
}

/** Seed §4.1: free access 08:00–12:00 – the hours the heat map always shows, plus any hour with visits. */
const DEFAULT_HOURS = [8, 9, 10, 11];

export function heatHours(byWeekdayHour: ReadonlyMap<string, number>): number[] {
  const hours = new Set(DEFAULT_HOURS);
  for (const key of byWeekdayHour.keys()) hours.add(Number(key.split('|')[1]));
  const min = Math.min(...hours);
  const max = Math.max(...hours);
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/** Weekdays Mo–Fr always; Saturday and Sunday only when somebody came. */
export function heatWeekdays(byWeekdayHour: ReadonlyMap<string, number>): number[] {
  const days = new Set([1, 2, 3, 4, 5]);
  for (const key of byWeekdayHour.keys()) days.add(Number(key.split('|')[0]));
  return [...days].sort((a, b) => a - b);
}

export const hourLabel = (h: number) => `${String(h).padStart(2, '0')}–${String(h + 1).padStart(2, '0')} Uhr`;

export function visitTables(c: VisitCounts, ctx: ReportContext): ReportTable[] {
  const siteRows = ctx.sites.map((s) => [s.name, c.perSite.get(s.id)!] as const);
  const withTotal = [...siteRows, ['Alle gewählten Standorte', c.all] as const];
  const hours = heatHours(c.byWeekdayHour);
  const weekdays = heatWeekdays(c.byWeekdayHour);
  const days: string[] = [];
  for (let d = ctx.period.from; d <= ctx.period.to; d = addDays(d, 1)) days.push(d);
  return [
    {
      id: 'vorsprachen-standorte',
      title: 'Vorsprachen je Standort',
      definition:
        'Gezählt wird jede erfasste Vorsprache (Theke), deren Ankunft im Zeitraum liegt (Uhrzeit Europe/Berlin), am Standort, an dem sie erfasst wurde. ' +
        '„An der Anlaufstelle abgeschlossen“: Ergebnis Schnellanliegen erledigt (GA §4.4); der Anteil bezieht sich auf alle Vorsprachen der Zeile. ' +
        '„Weiterleitung an die Vermittlung“: der letzte VerBIS-Vermerk zeigte Gesprächsbedarf der Vermittlung (GA §2.3 Terminabsprache). ' +
        '„Freischaltcodes“: bei der Erstvorsprache ausgehändigte Codes für jobcenter.digital (GA §4.2). ' +
        '„Außerhalb der Öffnungszeiten“: Ankunft außerhalb einer stattfindenden Öffnungszeit des Standorts (z. B. Termine, Feiertage, Schließtage). ' +
        'Gelöschte Vorsprachen zählen nicht; Vorsprachen enthalten keine Personendaten.',
      columns: [
        { label: 'Standort', kind: 'text' },
        { label: 'Vorsprachen', kind: 'count' },
        { label: 'An der Anlaufstelle abgeschlossen', kind: 'count' },
        { label: 'Anteil abgeschlossen (%)', kind: 'percent' },
        { label: 'Weiterleitung an die Vermittlung nach VerBIS-Vermerk', kind: 'count' },
        { label: 'Freischaltcodes ausgehändigt', kind: 'count' },
        { label: 'Außerhalb der Öffnungszeiten', kind: 'count' },
      ],
      rows: withTotal.map(([name, r]) => [name, r.total, r.closedAtDesk, share(r.closedAtDesk, r.total), r.vermittlung, r.codes, r.outside]),
    },
    {
      id: 'vorsprachen-anliegensart',
      title: 'Vorsprachen nach Anliegensart',
      definition:
        'Die Vorsprachen je Standort nach der an der Theke gewählten Anliegensart (GA §4.4). „Davon akut mittellos“ zählt die Vorsprachen zur Antragstellung mit der Markierung akute Mittellosigkeit.',
      columns: [
        { label: 'Standort', kind: 'text' },
        ...CONCERN_KINDS.map((k) => ({ label: CONCERN_LABELS[k], kind: 'count' as const })),
        { label: 'Davon akut mittellos', kind: 'count' },
      ],
      rows: withTotal.map(([name, r]) => [name, ...CONCERN_KINDS.map((k) => r.byKind[k]), r.acute]),
    },
    {
      id: 'schnellanliegen-art',
      title: 'Schnellanliegen nach Art',
      definition: 'Die Schnellanliegen (GA §4.4) nach der an der Theke gewählten Art, je Standort.',
      columns: [{ label: 'Art', kind: 'text' }, ...withTotal.map(([name]) => ({ label: name, kind: 'count' as const }))],
      rows: QUICK_SUBTYPES.map((q) => [QUICK_SUBTYPE_LABELS[q], ...withTotal.map(([, r]) => r.byQuick[q])]),
    },
    {
      id: 'vorsprachen-tage',
      title: 'Vorsprachen je Tag',
      definition:
        'Alle Vorsprachen der gewählten Standorte je Kalendertag (Europe/Berlin), auch Tage ohne Vorsprache. Gesetzliche Feiertage in Rheinland-Pfalz sind vermerkt.',
      columns: [
        { label: 'Datum', kind: 'text' },
        { label: 'Wochentag', kind: 'text' },
        { label: 'Vorsprachen', kind: 'count' },
        { label: 'Hinweis', kind: 'text' },
      ],
      rows: days.map((d) => [germanDate(d), WEEKDAY_SHORT[berlinWeekday(d) - 1]!, c.byDay.get(d) ?? 0, holidayNote(d) ?? '']),
    },
    {
      id: 'vorsprachen-wochentag-stunde',
      title: 'Vorsprachen nach Wochentag und Stunde',
      definition:
        'Alle Vorsprachen der gewählten Standorte nach Wochentag und Stunde der Ankunft (Europe/Berlin; 08–09 Uhr zählt 08:00:00 bis 08:59:59). ' +
        'Eine Ankunft um 12:00 zählt zur Stunde 12–13 Uhr, also nach dem Ende der Öffnungszeit 08:00–12:00. Spalte „Summe“: Vorsprachen je Wochentag.',
      columns: [{ label: 'Wochentag', kind: 'text' }, ...hours.map((h) => ({ label: hourLabel(h), kind: 'count' as const })), { label: 'Summe', kind: 'count' }],
      rows: [
        ...weekdays.map((wd) => {
          const cells = hours.map((h) => c.byWeekdayHour.get(`${wd}|${h}`) ?? 0);
          return [WEEKDAY_SHORT[wd - 1]!, ...cells, cells.reduce((a, b) => a + b, 0)];
        }),
        ['Summe', ...hours.map((h) => weekdays.reduce((a, wd) => a + (c.byWeekdayHour.get(`${wd}|${h}`) ?? 0), 0)), c.all.total],
      ],
    },
  ];
}
