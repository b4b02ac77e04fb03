import { berlinDate, berlinInstant } from '../domain/calendar';
import { waitingMinutes } from '../domain/handoff-queue';
import type { Handoff } from '../model/records';
import { HANDOFF_TARGETS, type HandoffTarget } from '../model/vocabulary';
import { reportScope, wallTime, type ReportContext, type ReportScope } from './context';
import { hourLabel } from './visits';
import { collect, median, p90, share } from './stats';
import type { ReportTable } from './table';

/** The fields of a hand-off the figures read – never its label (a name or call number). */
export type ReportHandoff = Pick<
  Handoff,
  'siteId' | 'target' | 'acute' | 'waitingSince' | 'status' | 'takenAt' | 'finishedAt' | 'deletedAt'
>;

export const TARGET_LABELS: Record<HandoffTarget, string> = { LB: 'Leistungsbereich', VERMITTLUNG: 'Vermittlung' };

interface Group {
  count: number;
  acute: number;
  waits: number[];
  atRisk: number;
  outsideSessions: number;
  neverFinished: number;
}

const emptyGroup = (): Group => ({ count: 0, acute: 0, waits: [], atRisk: 0, outsideSessions: 0, neverFinished: 0 });

export interface HandoffCounts {
  /** `${siteId}|${target}` and `*|${target}` (all chosen sites). */
  groups: Map<string, Group>;
  /** `${target}|${hour}` → waiting minutes of the hand-offs taken over. */
  waitsByHour: Map<string, number[]>;
  countByHour: Map<string, number>;
}

/**
 * The session a hand-off belongs to (SPEC §4 "at the end of the opening session any visitor still
 * waiting is flagged"): the first session of its site and day that takes place and has not ended
 * when the visitor starts waiting. Null after the day's last session or on a day without one
 * (holiday, closure day): such a hand-off is not assessed for "taggleich".
 */
function sessionEndFor(scope: ReportScope, h: ReportHandoff): Date | null {
  const t = wallTime(h.waitingSince);
  const s = scope.sessions(h.siteId, t.date).find((x) => x.closed === null && t.hhmm < x.end);
  return s ? berlinInstant(t.date, s.end) : null;
}

/**
 * Hand-offs to LB and Vermittlung whose waiting began in the period (issue 8 item 2, SPEC §4).
 * Waiting time = takeover (`takenAt`) − start of waiting, in minutes; only hand-offs taken over
 * have one. "Taggleich gefährdet": not taken over before the end of its session. "Nie
 * abgeschlossen": not finished now and begun on an earlier day than today. Anonymised hand-offs
 * (label removed after the retention period) count like any other.
 */
export function countHandoffsOf(handoffs: Iterable<ReportHandoff>, ctx: ReportContext): HandoffCounts {
  const scope = reportScope(ctx);
  const groups = new Map<string, Group>();
  const waitsByHour = new Map<string, number[]>();
  const countByHour = new Map<string, number>();
  const today = berlinDate(ctx.now);
  const group = (key: string) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = emptyGroup()));
    return g;
  };
  for (const h of handoffs) {
    if (h.deletedAt !== null || !scope.hasSite(h.siteId) || !scope.inPeriod(h.waitingSince)) continue;
    const wait = h.takenAt === null ? null : waitingMinutes(h.waitingSince, new Date(h.takenAt));
    const end = sessionEndFor(scope, h);
    const atRisk = end !== null && (h.takenAt === null ? ctx.now >= end : Date.parse(h.takenAt) >= end.getTime());
    const never = h.finishedAt === null && berlinDate(new Date(h.waitingSince)) < today;
    for (const g of [group(`${h.siteId}|${h.target}`), group(`*|${h.target}`)]) {
      g.count++;
      if (h.acute) g.acute++;
      if (wait !== null) g.waits.push(wait);
      if (end === null) g.outsideSessions++;
      if (atRisk) g.atRisk++;
      if (never) g.neverFinished++;
    }
    const hourKey = `${h.target}|${wallTime(h.waitingSince).hour}`;
    countByHour.set(hourKey, (countByHour.get(hourKey) ?? 0) + 1);
    if (wait !== null) collect(waitsByHour, hourKey, wait);
  }
  return { groups, waitsByHour, countByHour };
}

export function handoffTables(c: HandoffCounts, ctx: ReportContext): ReportTable[] {
  const sites = [...ctx.sites.map((s) => [s.id, s.name] as const), ['*', 'Alle gewählten Standorte'] as const];
  const hours = [...new Set([...c.countByHour.keys()].map((k) => Number(k.split('|')[1])))].sort((a, b) => a - b);
  return [
    {
      id: 'weiterleitungen-wartezeit',
      title: 'Weiterleitungen: Wartezeit je Standort',
      definition:
        'Weiterleitungen an den Leistungsbereich und an die Vermittlung, deren Wartezeit im Zeitraum begann (SPEC §4). ' +
        'Wartezeit = Übernahme durch den Fachbereich minus Beginn des Wartens, in ganzen Minuten; nur übernommene Weiterleitungen haben eine. ' +
        'Median und 90. Perzentil nach dem Rangverfahren (der Wert auf Rang ⌈p·n⌉ der sortierten Wartezeiten). ' +
        '„Taggleich gefährdet“: nicht vor dem Ende der Öffnungszeit übernommen, zu der die Weiterleitung gehört (die erste noch nicht beendete des Tages); ' +
        'Weiterleitungen nach der letzten Öffnungszeit oder an Tagen ohne Öffnungszeit werden dafür nicht bewertet (eigene Spalte). ' +
        '„Nie abgeschlossen“: bis jetzt nicht abgeschlossen und an einem früheren Tag begonnen. Anonymisierte Weiterleitungen zählen mit.',
      columns: [
        { label: 'Standort', kind: 'text' },
        { label: 'An', kind: 'text' },
        { label: 'Weiterleitungen', kind: 'count' },
        { label: 'Übernommen', kind: 'count' },
        { label: 'Median Wartezeit (Min.)', kind: 'minutes' },
        { label: '90. Perzentil Wartezeit (Min.)', kind: 'minutes' },
        { label: 'Anteil akut mittellos (%)', kind: 'percent' },
        { label: 'Taggleich gefährdet', kind: 'count' },
        { label: 'Nie abgeschlossen', kind: 'count' },
        { label: 'Außerhalb der Öffnungszeiten (nicht bewertet)', kind: 'count' },
      ],
      rows: sites.flatMap(([id, name]) =>
        HANDOFF_TARGETS.map((target) => {
          const g = c.groups.get(`${id}|${target}`) ?? emptyGroup();
          return [name, TARGET_LABELS[target], g.count, g.waits.length, median(g.waits), p90(g.waits), share(g.acute, g.count), g.atRisk, g.neverFinished, g.outsideSessions];
        }),
      ),
    },
    {
      id: 'weiterleitungen-stunde',
      title: 'Wartezeit je Stunde',
      definition:
        'Die Weiterleitungen aller gewählten Standorte nach der Stunde, in der das Warten begann (Europe/Berlin), mit Median und 90. Perzentil der Wartezeit der übernommenen (Rangverfahren, Minuten).',
      columns: [
        { label: 'Stunde', kind: 'text' },
        { label: 'An', kind: 'text' },
        { label: 'Weiterleitungen', kind: 'count' },
        { label: 'Median Wartezeit (Min.)', kind: 'minutes' },
        { label: '90. Perzentil Wartezeit (Min.)', kind: 'minutes' },
      ],
      rows: hours.flatMap((h) =>
        HANDOFF_TARGETS.filter((t) => c.countByHour.has(`${t}|${h}`)).map((t) => {
          const waits = c.waitsByHour.get(`${t}|${h}`) ?? [];
          return [hourLabel(h), TARGET_LABELS[t], c.countByHour.get(`${t}|${h}`) ?? 0, median(waits), p90(waits)];
        }),
      ),
    },
  ];
}
