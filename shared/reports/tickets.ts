import { berlinDate } from '../domain/calendar';
import { dueState, workingTimeBetween } from '../domain/callback-deadline';
import { weekStartOf } from '../domain/desk-sessions';
import type { CallbackTicket } from '../model/records';
import { APPOINTMENT_FORMS, APPOINTMENT_FORM_LABELS, DEPARTMENTS, DEPARTMENT_LABELS, type AppointmentForm } from '../model/vocabulary';
import { reportScope, type ReportContext } from './context';
import { germanDate, isoWeek } from './period';
import { median, p90, share } from './stats';
import type { ReportTable } from './table';

/** The fields of a ticket the figures read – never name, phone, number or concern. */
export type ReportTicket = Pick<CallbackTicket, 'siteId' | 'department' | 'createdAt' | 'dueAt' | 'deletedAt'> & {
  contact: { at: string; kind: 'reached' | 'appointment'; appointment?: { form: AppointmentForm } } | null;
};

interface Group {
  created: number;
  onTime: number;
  missed: number;
  overdue: number;
  pending: number;
  /** Working-day hours from creation to the first contact (SPEC §5 clock). */
  hoursToContact: number[];
}

const emptyGroup = (): Group => ({ created: 0, onTime: 0, missed: 0, overdue: 0, pending: 0, hoursToContact: [] });

export interface TicketCounts {
  /** `${siteId|*}|${department|*}`. */
  groups: Map<string, Group>;
  /** Monday of the week of creation → group (all chosen sites). */
  byWeek: Map<string, Group>;
  forms: Record<AppointmentForm, number>;
}

const HOUR_MS = 3_600_000;

/**
 * Callback tickets created in the period at the chosen sites (issue 8 item 2, SPEC §5), counted
 * where they were created and for the department they went to. Against the deadline, as of now,
 * with the app's own rule (`dueState`): on time = first successful contact strictly before
 * `dueAt`; missed = contact at or after it; still overdue = no contact and `dueAt` passed; not yet
 * due = no contact, deadline still ahead. Time to first contact runs on the working-day clock of
 * the deadline (`workingTimeBetween`). Anonymised tickets count: their figures and dates stay.
 */
export function countTicketsOf(tickets: Iterable<ReportTicket>, ctx: ReportContext): TicketCounts {
  const scope = reportScope(ctx);
  const groups = new Map<string, Group>();
  const byWeek = new Map<string, Group>();
  const forms = Object.fromEntries(APPOINTMENT_FORMS.map((f) => [f, 0])) as Record<AppointmentForm, number>;
  const group = (map: Map<string, Group>, key: string) => {
    let g = map.get(key);
    if (!g) map.set(key, (g = emptyGroup()));
    return g;
  };
  for (const t of tickets) {
    if (t.deletedAt !== null || !scope.hasSite(t.siteId) || !scope.inPeriod(t.createdAt)) continue;
    const state = dueState(t.dueAt, ctx.now, t.contact?.at ?? null);
    const hours = t.contact ? workingTimeBetween(new Date(t.createdAt), new Date(t.contact.at)) / HOUR_MS : null;
    const week = weekStartOf(berlinDate(new Date(t.createdAt)));
    const targets = [
      group(groups, `${t.siteId}|${t.department}`),
      group(groups, `${t.siteId}|*`),
      group(groups, `*|${t.department}`),
      group(groups, '*|*'),
      group(byWeek, week),
    ];
    for (const g of targets) {
      g.created++;
      if (state === 'met') g.onTime++;
      else if (state === 'missed') g.missed++;
      else if (state === 'overdue') g.overdue++;
      else g.pending++;
      if (hours !== null) g.hoursToContact.push(hours);
    }
    if (t.contact?.kind === 'appointment' && t.contact.appointment) forms[t.contact.appointment.form]++;
  }
  return { groups, byWeek, forms };
}

/** Of the tickets whose deadline has been decided (contacted, or overdue now): the share on time. */
export function onTimeRate(g: Pick<Group, 'onTime' | 'missed' | 'overdue'>): number | null {
  return share(g.onTime, g.onTime + g.missed + g.overdue);
}

export function ticketTables(c: TicketCounts, ctx: ReportContext): ReportTable[] {
  const sites = [...ctx.sites.map((s) => [s.id, s.name] as const), ['*', 'Alle gewählten Standorte'] as const];
  const departments = [...DEPARTMENTS.map((d) => [d, DEPARTMENT_LABELS[d]] as const), ['*', 'Alle Fachbereiche'] as const];
  const weeks = [...c.byWeek.keys()].sort();
  return [
    {
      id: 'tickets-fristen',
      title: 'Rückruf-Tickets je Standort und Fachbereich',
      definition:
        'Rückruf-Tickets (Sonstige Anliegen, GA §4.4), die im Zeitraum angelegt wurden, am Standort der Anlage, je Fachbereich. ' +
        '„Fristgerecht“: der erste erfolgreiche Kontakt (erreicht oder Termin gegeben) lag vor der 24-Stunden-Frist (SPEC §5; Kontakt genau zur Frist ist verfehlt). ' +
        '„Verfehlt“: Kontakt zur Frist oder danach. „Noch überfällig“: bis jetzt kein Kontakt, Frist abgelaufen. „Noch nicht fällig“: kein Kontakt, Frist läuft noch. ' +
        'Quote = fristgerecht ÷ (fristgerecht + verfehlt + noch überfällig). ' +
        'Zeit bis zum Erstkontakt in Stunden auf der Arbeitstage-Uhr der Frist (nur Mo–Fr ohne Feiertage in Rheinland-Pfalz zählen), Median und 90. Perzentil nach dem Rangverfahren. ' +
        'Anonymisierte Tickets zählen mit; Zeilen ohne Ticket sind ausgelassen.',
      columns: [
        { label: 'Standort', kind: 'text' },
        { label: 'Fachbereich', kind: 'text' },
        { label: 'Angelegt', kind: 'count' },
        { label: 'Fristgerecht', kind: 'count' },
        { label: 'Verfehlt', kind: 'count' },
        { label: 'Noch überfällig', kind: 'count' },
        { label: 'Noch nicht fällig', kind: 'count' },
        { label: 'Quote fristgerecht (%)', kind: 'percent' },
        { label: 'Median Zeit bis Erstkontakt (Std.)', kind: 'hours' },
        { label: '90. Perzentil Zeit bis Erstkontakt (Std.)', kind: 'hours' },
      ],
      rows: sites.flatMap(([siteId, siteName]) =>
        departments.flatMap(([dep, depName]) => {
          const g = c.groups.get(`${siteId}|${dep}`);
          // Every site's and the overall total row is shown, even at 0; department rows only with tickets.
          if (!g && dep !== '*') return [];
          const x = g ?? emptyGroup();
          return [[siteName, depName, x.created, x.onTime, x.missed, x.overdue, x.pending, onTimeRate(x), median(x.hoursToContact), p90(x.hoursToContact)]];
        }),
      ),
    },
    {
      id: 'tickets-quote-woche',
      title: 'Quote fristgerecht je Woche',
      definition:
        'Die Rückruf-Tickets aller gewählten Standorte nach der Woche ihrer Anlage (Montag bis Sonntag, Europe/Berlin). Quote wie oben: fristgerecht ÷ (fristgerecht + verfehlt + noch überfällig); Wochen, in denen noch keine Frist entschieden ist, haben keine Quote (–).',
      columns: [
        { label: 'Woche', kind: 'text' },
        { label: 'Angelegt', kind: 'count' },
        { label: 'Fristgerecht', kind: 'count' },
        { label: 'Verfehlt oder noch überfällig', kind: 'count' },
        { label: 'Quote fristgerecht (%)', kind: 'percent' },
      ],
      rows: weeks.map((w) => {
        const g = c.byWeek.get(w)!;
        const k = isoWeek(w);
        return [`KW ${k.week}/${k.year} (ab ${germanDate(w)})`, g.created, g.onTime, g.missed + g.overdue, onTimeRate(g)];
      }),
    },
    {
      id: 'tickets-termine',
      title: 'Termine nach Form',
      definition:
        'Rückruf-Tickets des Zeitraums, deren erster erfolgreicher Kontakt ein Termin war, nach der Form des Termins (SPEC §5: persönlich, Video, Telefon).',
      columns: [
        { label: 'Form', kind: 'text' },
        { label: 'Termine', kind: 'count' },
      ],
      rows: APPOINTMENT_FORMS.map((f) => [APPOINTMENT_FORM_LABELS[f], c.forms[f]]),
    },
  ];
}
