import { describe, expect, it } from 'vitest';
import {
  FINISH_UNDO_SECONDS,
  SAME_DAY_WARNING_MINUTES,
  canUndoFinish,
  compareHandoffs,
  isSameDayAtRisk,
  orderQueue,
  waitingMinutes,
} from '../../../../shared/domain/handoff-queue';

// Instants carry their Berlin offset (+01:00 in November) so the wall clock reads directly.
type Entry = { id: string; acute: boolean; waitingSince: string };

const entry = (id: string, waitingSince: string, acute = false): Entry => ({ id, acute, waitingSince: new Date(waitingSince).toISOString() });
const ids = (xs: readonly Entry[]) => xs.map((x) => x.id);

describe('SPEC §4 / seed §4.4: the hand-off queue – acute destitution first, then the longest waiting', () => {
  it('SPEC §4: acute destitution goes first, then the longest waiting', () => {
    const queue = orderQueue([
      entry('benefits-0900', '2026-11-26T09:00:00+01:00'),
      entry('acute-0940', '2026-11-26T09:40:00+01:00', true),
      entry('application-0915', '2026-11-26T09:15:00+01:00'),
      entry('acute-0920', '2026-11-26T09:20:00+01:00', true),
    ]);
    expect(ids(queue)).toEqual(['acute-0920', 'acute-0940', 'benefits-0900', 'application-0915']);
  });

  it('SPEC §3: an acute visitor who arrived last still goes before everybody who is not acute', () => {
    const queue = orderQueue([
      entry('early', '2026-11-26T08:01:00+01:00'),
      entry('middle', '2026-11-26T10:00:00+01:00'),
      entry('acute-late', '2026-11-26T11:59:00+01:00', true),
    ]);
    expect(ids(queue)[0]).toBe('acute-late');
  });

  it('SPEC §4: among visitors who are not acute, the one waiting longest comes first', () => {
    const queue = orderQueue([
      entry('c', '2026-11-26T10:30:00+01:00'),
      entry('a', '2026-11-26T08:05:00+01:00'),
      entry('b', '2026-11-26T09:45:00+01:00'),
    ]);
    expect(ids(queue)).toEqual(['a', 'b', 'c']);
  });

  it('a visitor left waiting since yesterday comes before today’s visitors who are not acute', () => {
    const queue = orderQueue([entry('today', '2026-11-26T08:00:00+01:00'), entry('yesterday', '2026-11-24T11:50:00+01:00')]);
    expect(ids(queue)).toEqual(['yesterday', 'today']);
  });

  it('orders by the instant, not by how the timestamp is written (with or without milliseconds)', () => {
    // Both forms are valid stored instants (isoInstant); a plain string comparison would put
    // '…08:00:00.500Z' before '…08:00:00Z' because '.' sorts before 'Z'.
    const queue = orderQueue([
      { id: 'later', acute: false, waitingSince: '2026-11-26T08:00:00.500Z' },
      { id: 'earlier', acute: false, waitingSince: '2026-11-26T08:00:00Z' },
    ]);
    expect(ids(queue)).toEqual(['earlier', 'later']);
  });

  it('ties (same acute flag, same instant) fall back to the id, so every desk shows one order', () => {
    const at = '2026-11-26T09:00:00+01:00';
    const forward = orderQueue([entry('b', at), entry('a', at), entry('c', at)]);
    const backward = orderQueue([entry('c', at), entry('a', at), entry('b', at)]);
    expect(ids(forward)).toEqual(['a', 'b', 'c']);
    expect(ids(backward)).toEqual(ids(forward));
  });

  it('compareHandoffs is antisymmetric and 0 only for the same entry', () => {
    const a = entry('a', '2026-11-26T09:00:00+01:00', true);
    const b = entry('b', '2026-11-26T08:00:00+01:00');
    expect(Math.sign(compareHandoffs(a, b))).toBe(-1);
    expect(Math.sign(compareHandoffs(b, a))).toBe(1);
    expect(compareHandoffs(a, a)).toBe(0);
  });

  it('orderQueue leaves its input untouched (the live query result is shared)', () => {
    const input = [entry('late', '2026-11-26T10:00:00+01:00'), entry('early', '2026-11-26T09:00:00+01:00')];
    const before = ids(input);
    const sorted = orderQueue(input);
    expect(ids(input)).toEqual(before);
    expect(sorted).not.toBe(input);
  });

  it('an empty queue stays empty', () => {
    expect(orderQueue([])).toEqual([]);
  });
});

describe('SPEC §4: a visitor still waiting at the end of the opening session is flagged ("taggleich" at risk)', () => {
  // Thu 26 Nov 2026, free access 08:00–12:00 (seed §4.1).
  const sessionEnd = new Date('2026-11-26T12:00:00+01:00');
  const at = (hhmmss: string) => new Date(`2026-11-26T${hhmmss}+01:00`);

  it('warns 30 minutes ahead, so LB can still act', () => {
    expect(SAME_DAY_WARNING_MINUTES).toBe(30);
  });

  it('is not flagged while more than 30 minutes of the session are left (11:29:59)', () => {
    expect(isSameDayAtRisk('waiting', at('11:29:59.999'), sessionEnd)).toBe(false);
    expect(isSameDayAtRisk('waiting', at('09:00:00'), sessionEnd)).toBe(false);
  });

  it('is flagged from exactly 30 minutes before the end of the session (11:30)', () => {
    expect(isSameDayAtRisk('waiting', at('11:30:00'), sessionEnd)).toBe(true);
    expect(isSameDayAtRisk('waiting', at('11:35:00'), sessionEnd)).toBe(true);
  });

  it('stays flagged at and after the end of the session', () => {
    expect(isSameDayAtRisk('waiting', at('12:00:00'), sessionEnd)).toBe(true);
    expect(isSameDayAtRisk('waiting', at('15:45:00'), sessionEnd)).toBe(true);
  });

  it('only a visitor who still waits is at risk: one in service or done is not flagged', () => {
    expect(isSameDayAtRisk('in-service', at('11:45:00'), sessionEnd)).toBe(false);
    expect(isSameDayAtRisk('done', at('12:30:00'), sessionEnd)).toBe(false);
  });

  it('nothing is flagged on a day without an opening session (no session end)', () => {
    expect(isSameDayAtRisk('waiting', at('11:45:00'), null)).toBe(false);
  });
});

describe('SPEC §4: waiting time is measured in whole minutes', () => {
  const since = new Date('2026-11-26T09:00:00+01:00').toISOString();

  it('counts whole minutes that have passed (rounded down)', () => {
    expect(waitingMinutes(since, new Date('2026-11-26T09:00:59+01:00'))).toBe(0);
    expect(waitingMinutes(since, new Date('2026-11-26T09:01:00+01:00'))).toBe(1);
    expect(waitingMinutes(since, new Date('2026-11-26T09:10:30+01:00'))).toBe(10);
    expect(waitingMinutes(since, new Date('2026-11-26T11:35:00+01:00'))).toBe(155);
  });

  it('never shows a negative waiting time when a desk clock is slightly behind', () => {
    expect(waitingMinutes(since, new Date('2026-11-26T08:58:00+01:00'))).toBe(0);
  });

  it('counts across midnight for a visitor left waiting since yesterday', () => {
    expect(waitingMinutes(new Date('2026-11-25T11:00:00+01:00').toISOString(), new Date('2026-11-26T09:00:00+01:00'))).toBe(22 * 60);
  });
});

describe('issue 10 item 1: a close can be undone for FINISH_UNDO_SECONDS', () => {
  const finishedAt = '2026-11-26T09:20:00.000Z';
  const after = (s: number) => new Date(Date.parse(finishedAt) + s * 1000);

  it('within ten seconds, including the tenth', () => {
    expect(FINISH_UNDO_SECONDS).toBe(10);
    expect(canUndoFinish(finishedAt, after(0))).toBe(true);
    expect(canUndoFinish(finishedAt, after(10))).toBe(true);
  });

  it('not later, not before the close, not for an open hand-off', () => {
    expect(canUndoFinish(finishedAt, after(10.001))).toBe(false);
    expect(canUndoFinish(finishedAt, after(-1))).toBe(false);
    expect(canUndoFinish(null, after(1))).toBe(false);
  });
});
