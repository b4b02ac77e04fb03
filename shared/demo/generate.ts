import { callbackDueAt } from '../domain/callback-deadline';
import { addDays, berlinDate, berlinInstant, berlinWeekday, isWorkingDay } from '../domain/calendar';
import type { CallbackTicket, Handoff, Site, Staff, Visit } from '../model/records';
import type { ConcernKind, Department, QuickSubtype } from '../model/vocabulary';
import { QUICK_SUBTYPES } from '../model/vocabulary';
import { FIRST, generateDirectory, LAST, prng, uuidFrom } from './directory';

export { DEFAULT_SESSIONS, generateDirectory, SITE_SEED } from './directory';

/**
 * Deterministic demo and benchmark data. The same generator feeds the first-start demo (a few
 * weeks) and `npm run bench` (a year: four sites, ~200,000 visits, ~30,000 tickets).
 */


export interface DemoData {
  sites: Site[];
  staff: Staff[];
  visits: Visit[];
  handoffs: Handoff[];
  tickets: CallbackTicket[];
}

export interface GenerateOptions {
  now: Date;
  /** Calendar days of history before today. */
  days: number;
  /** Average visits per site and opening session. */
  visitsPerSession: number;
  seed?: number;
}

const CONCERNS = [
  'Frage zur Eingliederungsvereinbarung',
  'Bitte um Rückruf wegen Maßnahmeangebot',
  'Frage zum Bildungsgutschein',
  'Terminverschiebung gewünscht',
  'Rückfrage zu einem Vermittlungsvorschlag',
  'Frage zu Bildung und Teilhabe',
];
const PREFERRED = ['vormittags', 'nachmittags ab 14 Uhr', 'jederzeit', 'Mo–Mi vormittags', 'nicht vor 10 Uhr'];

function pickKind(r: number): ConcernKind {
  // Rough mix at a Jobcenter counter: most requests are quick ones.
  if (r < 0.45) return 'quick';
  if (r < 0.6) return 'application';
  if (r < 0.85) return 'benefits';
  return 'other';
}

/** History for `days` calendar days before today, in opening sessions only. */
export function generateDemoData(options: GenerateOptions): DemoData {
  const { now, days, visitsPerSession } = options;
  const rand = prng(options.seed ?? 42);
  const { sites, staff } = generateDirectory(now, options.seed ?? 1);
  const visits: Visit[] = [];
  const handoffs: Handoff[] = [];
  const tickets: CallbackTicket[] = [];
  const today = berlinDate(now);
  const departments: Department[] = ['MI', 'MI', 'FM', 'LB', 'EZ'];
  let refSeq = 0;

  for (let d = days; d >= 1; d--) {
    const date = addDays(today, -d);
    const weekday = berlinWeekday(date);
    if (!isWorkingDay(date)) continue;
    for (const site of sites) {
      const session = site.sessions.find((s) => s.weekday === weekday);
      if (!session) continue;
      const start = berlinInstant(date, session.start).getTime();
      const end = berlinInstant(date, session.end).getTime();
      const ez = staff.filter((p) => p.homeSiteId === site.id && p.roles.includes('EZ'));
      const lb = staff.filter((p) => p.homeSiteId === site.id && p.roles.includes('LB'));
      const count = Math.max(1, Math.round(visitsPerSession * (0.7 + rand() * 0.6)));
      for (let i = 0; i < count; i++) {
        const arrived = new Date(start + Math.floor(((end - start) * (i + rand())) / count));
        const arrivedAt = arrived.toISOString();
        const kind = pickKind(rand());
        const acute = kind === 'application' && rand() < 0.2;
        const vermittlung = rand() < 0.05;
        const clerk = ez[Math.floor(rand() * ez.length)]!;
        const stamp = { createdAt: arrivedAt, createdBy: clerk.id, updatedAt: arrivedAt, updatedBy: clerk.id, deletedAt: null, demo: true, demoKey: 1 } as const;
        const visitId = uuidFrom(rand);
        const visitHandoffs: Handoff[] = [];
        const addHandoff = (target: Handoff['target'], isAcute: boolean) => {
          const taker = lb[Math.floor(rand() * lb.length)]!;
          const takenAt = new Date(arrived.getTime() + (isAcute ? 2 : 5 + rand() * 40) * 60_000).toISOString();
          const finishedAt = new Date(Date.parse(takenAt) + (10 + rand() * 20) * 60_000).toISOString();
          visitHandoffs.push({
            ...stamp,
            id: uuidFrom(rand),
            siteId: site.id,
            visitId,
            target,
            concernKind: kind,
            acute: isAcute,
            label: `Nr. ${String(i + 1).padStart(3, '0')}`,
            waitingSince: arrivedAt,
            status: 'done',
            takenBy: taker.id,
            takenAt,
            finishedAt,
            // SPEC §9: the label's retention period runs from here (sparse index, schema v3).
            retentionStart: finishedAt,
            updatedAt: finishedAt,
          });
        };
        if (vermittlung) addHandoff('VERMITTLUNG', false);
        if (kind === 'application' || kind === 'benefits') addHandoff('LB', acute);

        let ticketId: string | null = null;
        if (kind === 'other') {
          const id = uuidFrom(rand);
          ticketId = id;
          const dueAt = callbackDueAt(arrived).toISOString();
          // Older tickets are done; the last few days still have open work, some of it overdue.
          const age = d;
          const contactDelayH = rand() < 0.88 ? 1 + rand() * 20 : 26 + rand() * 30;
          const contactAt = new Date(arrived.getTime() + contactDelayH * 3_600_000);
          // The last week keeps open work for the demo: some tickets uncontacted (a few overdue).
          const recent = age <= 7;
          const contacted = contactAt.getTime() < now.getTime() && (!recent || rand() < 0.5);
          const closed = contacted && age > 3;
          const department = departments[Math.floor(rand() * departments.length)]!;
          // SPEC §5: only a distributed ticket can be contacted; undistributed ones stay open.
          const distributed = contacted || rand() < 0.7;
          const name = `${FIRST[Math.floor(rand() * FIRST.length)]} ${LAST[Math.floor(rand() * LAST.length)]}`;
          tickets.push({
            ...stamp,
            id,
            ref: `${site.code}-D${String(refSeq++).padStart(5, '0')}`,
            siteId: site.id,
            distributionSiteId: site.id,
            visitId,
            department,
            concern: CONCERNS[Math.floor(rand() * CONCERNS.length)]!,
            customerName: name,
            customerNumber: rand() < 0.5 ? `${10000 + Math.floor(rand() * 89999)}BG${String(Math.floor(rand() * 9999999)).padStart(7, '0')}` : null,
            phone: `0${2600 + Math.floor(rand() * 99)} ${100000 + Math.floor(rand() * 899999)}`,
            preferredTimes: PREFERRED[Math.floor(rand() * PREFERRED.length)]!,
            dueAt,
            deadlinePolicy: 'working-days',
            status: closed ? 'closed' : contacted ? 'contacted' : distributed ? 'assigned' : 'open',
            assignee: distributed ? { kind: 'team', department, siteId: site.id } : null,
            attempts: contactDelayH > 24 ? [{ id: uuidFrom(rand), at: new Date(arrived.getTime() + 3 * 3_600_000).toISOString(), by: clerk.id, note: 'Nicht erreicht' }] : [],
            contact: contacted ? { kind: 'reached', at: contactAt.toISOString(), by: clerk.id, note: '' } : null,
            closedAt: closed ? new Date(contactAt.getTime() + 600_000).toISOString() : null,
            closeNote: '',
            anonymisedAt: null,
          });
          // An open ticket is not distributed yet: no callback attempts either (SPEC §5).
          const t = tickets[tickets.length - 1]!;
          if (t.status === 'open') t.attempts = [];
          // SPEC §9: a closed ticket's retention period runs from closing (sparse index, schema v3).
          if (t.closedAt !== null) t.retentionStart = t.closedAt;
        }

        visits.push({
          ...stamp,
          id: visitId,
          siteId: site.id,
          arrivedAt,
          concernKind: kind,
          quickSubtype: kind === 'quick' ? (QUICK_SUBTYPES[Math.floor(rand() * QUICK_SUBTYPES.length)] as QuickSubtype) : null,
          acute,
          outcome: kind === 'quick' ? (vermittlung ? 'handoff-vermittlung' : 'closed-at-desk') : kind === 'other' ? 'ticket-created' : 'handoff-lb',
          verbisCheck: vermittlung ? 'vermittlung-needed' : 'no-need',
          digitalCheck: kind === 'application' && rand() < 0.5 ? 'code-handed-out' : 'not-first-visit',
          servedBy: clerk.id,
          handoffIds: visitHandoffs.map((h) => h.id),
          ticketId,
          lbCover: false,
        });
        handoffs.push(...visitHandoffs);
      }
    }
  }
  return { sites, staff, visits, handoffs, tickets };
}
