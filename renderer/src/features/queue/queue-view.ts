import { berlinDate } from '@shared/domain/calendar';
import type { DeskSession } from '@shared/domain/desk-sessions';
import { isSameDayAtRisk, SAME_DAY_WARNING_MINUTES, waitingMinutes } from '@shared/domain/handoff-queue';
import { formatTime } from '../../lib/format';
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

/** The two lists of the queue screen; each has its own selection. */
export type QueueListName = 'waiting' | 'service';

/** What a key on a list does – decided here, for the row the key names, never for "whatever is selected somewhere". */
export type QueueCommand =
  | { kind: 'take'; handoff: Handoff }
  | { kind: 'finish'; handoff: Handoff }
  | { kind: 'refuse'; message: string }
  | { kind: 'none' };

/**
 * Issue 10 item 1: the target of Enter and A is the selected row of the list the key was pressed
 * in, and what may happen depends on that row's state – not on which list happened to keep the
 * focus. Enter takes a waiting visitor over; A closes a visitor in service. A waiting visitor is
 * never closed by one key: A on a waiting row says why and closes nothing; Enter on a visitor in
 * service (a second Enter after "übernehmen") does not close either.
 */
export function queueKeyCommand(key: 'Enter' | 'A', row: QueueRow | null): QueueCommand {
  if (!row) return { kind: 'none' };
  const h = row.handoff;
  if (h.status === 'waiting') {
    return key === 'Enter'
      ? { kind: 'take', handoff: h }
      : { kind: 'refuse', message: `${h.label} wartet noch und wird nicht mit einer Taste abgeschlossen – bitte zuerst übernehmen (Enter), dann abschließen (A).` };
  }
  if (h.status === 'in-service') {
    return key === 'A' ? { kind: 'finish', handoff: h } : { kind: 'refuse', message: `${h.label} ist bereits übernommen – abschließen mit A.` };
  }
  return { kind: 'none' };
}

/**
 * Issue 10 item 7: the queue opens with the focus where its keys work – the waiting line if anyone
 * waits, else the visitors in service, else the filter (with nothing in either list, N and the filter
 * are all there is to use).
 */
export function initialQueueFocus(view: Pick<QueueView, 'waiting' | 'inService'>): QueueListName | 'filter' {
  if (view.waiting.length > 0) return 'waiting';
  if (view.inService.length > 0) return 'service';
  return 'filter';
}

/**
 * The warning above the list when visitors are flagged (SPEC §4). Before the session ends it asks
 * to act now; once it has ended it says only what is still true – the visitor was left waiting at
 * the end and "taggleich" is at risk – without a countdown that has run out (issue 10 item 7).
 * `atRisk` counts people flagged today, `missed` people left over from an earlier day.
 */
export function sameDayWarning(atRisk: number, missed: number, now: Date, sessionEnd: Date | null): { title: string; text: string } | null {
  const parts: string[] = [];
  const people = (n: number, one: string, many: string) => (n === 1 ? one : many.replace('{n}', String(n)));
  if (atRisk > 0) {
    if (sessionEnd !== null && now.getTime() < sessionEnd.getTime()) {
      parts.push(
        `${people(atRisk, 'Eine Person wartet', '{n} Personen warten')} noch, die Sprechzeit endet um ${formatTime(sessionEnd)} Uhr. Bitte jetzt übernehmen oder mit der Teamleitung klären.`,
      );
    } else {
      const end = sessionEnd !== null ? ` (${formatTime(sessionEnd)} Uhr)` : '';
      parts.push(
        `${people(atRisk, 'Eine Person stand', '{n} Personen standen')} bei Ende der Sprechzeit${end} noch in der Warteschlange. Wer noch da ist, kann übernommen werden; sonst bitte mit der Teamleitung klären.`,
      );
    }
  }
  if (missed > 0) {
    parts.push(`${people(missed, 'Eine Weiterleitung', '{n} Weiterleitungen')} aus den Vortagen ${missed === 1 ? 'ist' : 'sind'} noch offen – taggleich verfehlt. Bitte mit der Teamleitung klären.`);
  }
  if (parts.length === 0) return null;
  return { title: atRisk > 0 ? 'Taggleich gefährdet:' : 'Taggleich verfehlt:', text: parts.join(' ') };
}
