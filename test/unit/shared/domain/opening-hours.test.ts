import { describe, expect, it } from 'vitest';
import { berlinDate } from '../../../../shared/domain/calendar';
import { deskSessionsOn, type ClosureLike } from '../../../../shared/domain/desk-sessions';
import { currentSession, relevantSessionEnd, sessionsOn } from '../../../../shared/domain/opening-hours';
import type { OpeningSession } from '../../../../shared/model/records';

// Seed §4.1: free access Mon, Tue, Thu, Fri 08:00–12:00 – no free access on Wednesday.
const FREE_ACCESS: OpeningSession[] = [1, 2, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '12:00' }));

// A site that also opens in the afternoon on Thursdays (sessions are configurable per site).
const SPLIT_THURSDAY: OpeningSession[] = [
  { weekday: 4, start: '14:00', end: '16:00' },
  { weekday: 4, start: '08:00', end: '12:00' },
];

// Instants carry their Berlin offset so the wall clock reads directly; 2026-11-26 is a Thursday.
const thu = (hhmm: string) => new Date(`2026-11-26T${hhmm}:00+01:00`);
const wed = (hhmm: string) => new Date(`2026-11-25T${hhmm}:00+01:00`);

// The day's sessions come from deskSessionsOn, the one place that knows holidays and closures.
const dayOf = (schedule: OpeningSession[], now: Date, closures: ClosureLike[] = []) =>
  deskSessionsOn({ id: 'site-1', sessions: schedule }, berlinDate(now), closures);
const openAt = (schedule: OpeningSession[], now: Date, closures: ClosureLike[] = []) => currentSession(dayOf(schedule, now, closures), now);
const endAt = (schedule: OpeningSession[], now: Date, closures: ClosureLike[] = []) =>
  relevantSessionEnd(dayOf(schedule, now, closures), now);

describe('seed §4.1: opening sessions of a day', () => {
  it('seed §4.1: Monday, Tuesday, Thursday and Friday have free access 08:00–12:00', () => {
    for (const date of ['2026-11-23', '2026-11-24', '2026-11-26', '2026-11-27']) {
      expect(sessionsOn(FREE_ACCESS, date)).toEqual([{ weekday: expect.any(Number), start: '08:00', end: '12:00' }]);
    }
  });

  it('seed §4.1: no free access on Wednesday, nor at the weekend', () => {
    expect(sessionsOn(FREE_ACCESS, '2026-11-25')).toEqual([]);
    expect(sessionsOn(FREE_ACCESS, '2026-11-28')).toEqual([]);
    expect(sessionsOn(FREE_ACCESS, '2026-11-29')).toEqual([]);
  });

  it('returns the sessions of a day in time order, whatever order they were configured in', () => {
    expect(sessionsOn(SPLIT_THURSDAY, '2026-11-26').map((s) => s.start)).toEqual(['08:00', '14:00']);
  });

  it('does not reorder the configured list itself', () => {
    const configured = [...SPLIT_THURSDAY];
    sessionsOn(configured, '2026-11-26');
    expect(configured).toEqual(SPLIT_THURSDAY);
  });
});

describe('seed §4.1: is the desk open now?', () => {
  it('is open from 08:00 up to, not including, 12:00 on a Thursday', () => {
    expect(openAt(FREE_ACCESS, thu('08:00'))).toEqual({
      date: '2026-11-26',
      start: thu('08:00'),
      end: thu('12:00'),
    });
    expect(openAt(FREE_ACCESS, thu('11:59'))?.end).toEqual(thu('12:00'));
  });

  it('is closed before 08:00 and from 12:00 on', () => {
    expect(openAt(FREE_ACCESS, thu('07:59'))).toBeNull();
    expect(openAt(FREE_ACCESS, thu('12:00'))).toBeNull();
    expect(openAt(FREE_ACCESS, thu('15:00'))).toBeNull();
  });

  it('seed §4.1: is closed all Wednesday', () => {
    expect(openAt(FREE_ACCESS, wed('09:00'))).toBeNull();
  });

  it('finds the afternoon session of a split day, and nothing over lunch', () => {
    expect(openAt(SPLIT_THURSDAY, thu('14:30'))?.start).toEqual(thu('14:00'));
    expect(openAt(SPLIT_THURSDAY, thu('13:00'))).toBeNull();
  });

  it('reads the Berlin wall clock, not UTC: 07:30 UTC is 08:30 in Berlin in winter', () => {
    expect(openAt(FREE_ACCESS, new Date('2026-11-26T07:30:00Z'))?.date).toBe('2026-11-26');
    // 11:30 UTC is already 12:30 in Berlin: closed.
    expect(openAt(FREE_ACCESS, new Date('2026-11-26T11:30:00Z'))).toBeNull();
  });

  it('uses summer time (CEST, UTC+2) in summer: 08:00 Berlin is 06:00 UTC', () => {
    // 2026-06-11 is a Thursday (the week before, 06-04, is Fronleichnam).
    expect(openAt(FREE_ACCESS, new Date('2026-06-11T06:00:00Z'))?.start.toISOString()).toBe('2026-06-11T06:00:00.000Z');
    expect(openAt(FREE_ACCESS, new Date('2026-06-11T05:59:00Z'))).toBeNull();
  });
});

describe('SPEC §4: which session end a waiting visitor is measured against', () => {
  it('is the end of the open session', () => {
    expect(endAt(FREE_ACCESS, thu('09:00'))).toEqual(thu('12:00'));
  });

  it('SPEC §4: after closing time it stays the end of the last session of the day (a visitor still waiting)', () => {
    expect(endAt(FREE_ACCESS, thu('12:00'))).toEqual(thu('12:00'));
    expect(endAt(FREE_ACCESS, thu('17:30'))).toEqual(thu('12:00'));
  });

  it('is null before the first session of the day has started', () => {
    expect(endAt(FREE_ACCESS, thu('07:45'))).toBeNull();
  });

  it('seed §4.1: is null on a Wednesday, which has no session', () => {
    expect(endAt(FREE_ACCESS, wed('11:45'))).toBeNull();
  });

  it('on a split day: the morning end over lunch, the afternoon end once that session has started', () => {
    expect(endAt(SPLIT_THURSDAY, thu('13:00'))).toEqual(thu('12:00'));
    expect(endAt(SPLIT_THURSDAY, thu('14:00'))).toEqual(thu('16:00'));
    expect(endAt(SPLIT_THURSDAY, thu('18:00'))).toEqual(thu('16:00'));
  });

  it('lands on the right instant on the day the clocks go forward (Sun 29 Mar 2026)', () => {
    const sunday: OpeningSession[] = [{ weekday: 7, start: '08:00', end: '12:00' }];
    // 12:00 CEST = 10:00 UTC; the day started in CET.
    expect(endAt(sunday, new Date('2026-03-29T07:00:00Z'))?.toISOString()).toBe('2026-03-29T10:00:00.000Z');
  });

  it('lands on the right instant on the day the clocks go back (Sun 25 Oct 2026)', () => {
    const sunday: OpeningSession[] = [{ weekday: 7, start: '08:00', end: '12:00' }];
    // 12:00 CET = 11:00 UTC; the day started in CEST.
    expect(endAt(sunday, new Date('2026-10-25T08:00:00Z'))?.toISOString()).toBe('2026-10-25T11:00:00.000Z');
  });

  it('takes the Berlin date, not the UTC date, just after midnight', () => {
    // 23:30 UTC on Wed is 00:30 Thursday in Berlin: Thursday's session has not started yet.
    expect(endAt(FREE_ACCESS, new Date('2026-11-25T23:30:00Z'))).toBeNull();
    // 23:30 UTC on Thursday is 00:30 Friday: Friday's session has not started yet either.
    expect(endAt(FREE_ACCESS, new Date('2026-11-26T23:30:00Z'))).toBeNull();
  });
});

describe('SPEC §2 / issue #3 item 2: no session on public holidays and closure days', () => {
  // Thu 4 Jun 2026 is Fronleichnam, a public holiday in Rhineland-Palatinate.
  const fronleichnam = (hhmm: string) => new Date(`2026-06-04T${hhmm}:00+02:00`);

  it('SPEC §2: the desk is not open on Fronleichnam (DE-RP), so nobody is measured against 12:00', () => {
    expect(openAt(FREE_ACCESS, fronleichnam('09:00'))).toBeNull();
    expect(endAt(FREE_ACCESS, fronleichnam('11:45'))).toBeNull();
  });

  it("issue #3 item 2: a closure day of the site or of all sites has no session", () => {
    expect(endAt(FREE_ACCESS, thu('11:45'), [{ siteId: 'site-1', date: '2026-11-26', reason: 'Betriebsausflug' }])).toBeNull();
    expect(openAt(FREE_ACCESS, thu('09:00'), [{ siteId: null, date: '2026-11-26', reason: 'Personalversammlung' }])).toBeNull();
    // Another site's closure leaves this desk open.
    expect(endAt(FREE_ACCESS, thu('11:45'), [{ siteId: 'site-2', date: '2026-11-26', reason: 'Umzug' }])).toEqual(thu('12:00'));
  });
});
