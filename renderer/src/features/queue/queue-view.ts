import { berlinDate } from '@shared/domain/calendar';
import type { DeskSession } from '@shared/domain/desk-sessions';
import { isSameDayAtRisk, SAME_DAY_WARNING_MINUTES, waitingMinutes } from '@shared/domain/handoff-queue';
import type { Role } from '@shared/model';
import type { Handoff } from '@shared/model';
import type { HandoffTarget } from '@shared/model/vocabulary';

/** Which hand-offs the queue shows: both targets (default, target shown) or one of them. */
export type QueueFilter = 'all' | HandoffTarget;

export const TARGET_LABELS: Record<HandoffTarget, string> = {
  LB: 'Leistungsbereich',
  VERMITTLUNG: 'Vermittlung',
};

/**
 * 'at-risk': still waiting from 30 minutes before the end of today's session (SPEC §4).
 * 'missed': still waiting from an earlier day – same-day hand-off has already failed.
 */
export type SameDayState = 'ok' | 'at-risk' | 'missed';

export interface QueueRow {
  handoff: Handoff;
  /** Place in the waiting line (1 = next); null for visitors already in service. */
  position: number | null;
  /** Waiting time so far, or – once taken over – how long the visitor waited. */
  minutes: number;
  sameDay: SameDayState;
}

export interface QueueView {
  waiting: QueueRow[];
  inService: QueueRow[];
  counts: Record<QueueFilter, number>;
}

export function sameDayState(h: Handoff, now: Date, sessionEnd: Date | null): SameDayState {
  if (h.status !== 'waiting') return 'ok';
  // SPEC §4 "taggleich": a visitor left from an earlier day has missed it, whatever today's hours.
  if (berlinDate(new Date(h.waitingSince)) < berlinDate(now)) return 'missed';
  return isSameDayAtRisk(h.status, now, sessionEnd) ? 'at-risk' : 'ok';
}

/**
 * Splits the site's open hand-offs (already in queue order: acute first, then oldest – SPEC §4)
 * into the waiting line and those in service, for one filter.
 */
export function buildQueueView(openHandoffs: readonly Handoff[], filter: QueueFilter, now: Date, sessionEnd: Date | null): QueueView {
  const counts: Record<QueueFilter, number> = { all: 0, LB: 0, VERMITTLUNG: 0 };
  const waiting: QueueRow[] = [];
  const inService: QueueRow[] = [];
  for (const h of openHandoffs) {
    counts.all++;
    counts[h.target]++;
    if (filter !== 'all' && h.target !== filter) continue;
    if (h.status === 'waiting') {
      waiting.push({ handoff: h, position: waiting.length + 1, minutes: waitingMinutes(h.waitingSince, now), sameDay: sameDayState(h, now, sessionEnd) });
    } else if (h.status === 'in-service') {
      const until = h.takenAt ? new Date(h.takenAt) : now;
      inService.push({ handoff: h, position: null, minutes: waitingMinutes(h.waitingSince, until), sameDay: 'ok' });
    }
  }
  // Those in service: the most recently taken over on top, where the clerk just put them.
  inService.sort((a, b) => takenMs(b.handoff) - takenMs(a.handoff));
  return { waiting, inService, counts };
}

const takenMs = (h: Handoff) => (h.takenAt ? Date.parse(h.takenAt) : 0);

/**
 * SPEC §4: "LB staff see and take their site's LB queue" – and Vermittlung theirs. The queue opens
 * on the target of the person at this desk; someone in both roles or in neither (EZ, TL) sees all.
 */
export function defaultQueueFilter(roles: readonly Role[] | null): QueueFilter {
  if (!roles) return 'all';
  const lb = roles.includes('LB');
  const vermittlung = roles.includes('VERMITTLUNG');
  if (lb && !vermittlung) return 'LB';
  if (vermittlung && !lb) return 'VERMITTLUNG';
  return 'all';
}

/**
 * The line above the queue: today's free-access hours, or why there are none – a public holiday or
 * closure day (deskSessionsOn's reason), so nobody expects visitors or "taggleich" warnings.
 */
export function sessionHint(today: readonly DeskSession[]): string {
  const open = today.filter((s) => s.closed === null);
  if (open.length > 0) {
    return `Freier Zugang heute ${open.map((s) => `${s.start}–${s.end} Uhr`).join(', ')}. Wer ${SAME_DAY_WARNING_MINUTES} Minuten vor Ende noch wartet, wird markiert.`;
  }
  const reason = today.find((s) => s.closed !== null)?.closed;
  return reason ? `Heute kein freier Zugang – ${reason}.` : 'Heute kein freier Zugang.';
}
