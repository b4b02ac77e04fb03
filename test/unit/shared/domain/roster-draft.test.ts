import { describe, expect, it } from 'vitest';
import { draftWeekRoster } from '../../../../shared/domain/roster-draft';
import { absenceCoversSession, deskSessionsOn, sessionKey, weekStartOf } from '../../../../shared/domain/desk-sessions';
import { DEFAULT_SESSIONS, person, site } from './staffing-fixtures';

// Issue #3 item 3: the roster is drafted from the EZ clerks' weekday patterns, respecting closures,
// DE-RP public holidays and the sites' sessions (seed §4.1: Mo, Di, Do, Fr 08:00–12:00).
// Week of Mon 2026-11-23; week of Mon 2026-06-01 has Fronleichnam on Thu 2026-06-04.

const WEEK = '2026-11-23';
const be = site('be', 'Bad Ems');
const dz = site('dz', 'Diez');

const dates = (shifts: { date: string }[]) => shifts.map((s) => s.date);

describe('issue #3 item 3: drafting a week from weekday patterns', () => {
  it('rosters one EZ clerk per open session by default (Mon, Tue, Thu, Fri – no session on Wednesday)', () => {
    const drafts = draftWeekRoster({ weekStart: WEEK, sites: [be], staff: [person('a', 'be', ['EZ'])], closures: [] });
    expect(dates(drafts)).toEqual(['2026-11-23', '2026-11-24', '2026-11-26', '2026-11-27']);
    expect(drafts.every((d) => d.siteId === 'be' && d.staffId === 'a' && d.sessionStart === '08:00')).toBe(true);
  });

  it('drafts only EZ-role, active people of the home site whose pattern includes the weekday', () => {
    const staff = [
      person('lb', 'be', ['LB']),
      person('fm', 'be', ['FM']),
      person('gone', 'be', ['EZ'], [1, 2, 3, 4, 5], false),
      person('other-site', 'dz', ['EZ']),
      person('mon-tue', 'be', ['EZ'], [1, 2]),
    ];
    const drafts = draftWeekRoster({ weekStart: WEEK, sites: [be], staff, closures: [] });
    expect(drafts.map((d) => [d.date, d.staffId])).toEqual([
      ['2026-11-23', 'mon-tue'],
      ['2026-11-24', 'mon-tue'],
    ]);
  });

  it('fills minStaff per session and rotates fairly: fewest sessions this week first, then staff id', () => {
    const staff = [person('a', 'be', ['EZ']), person('b', 'be', ['EZ']), person('c', 'be', ['EZ'])];
    const drafts = draftWeekRoster({ weekStart: WEEK, sites: [site('be', 'Bad Ems', 2)], staff, closures: [] });
    const load = (id: string) => drafts.filter((d) => d.staffId === id).length;
    expect(drafts).toHaveLength(8); // 4 sessions × 2
    expect([load('a'), load('b'), load('c')].sort()).toEqual([2, 3, 3]);
    expect(drafts.filter((d) => d.date === '2026-11-23').map((d) => d.staffId)).toEqual(['a', 'b']);
    expect(drafts.filter((d) => d.date === '2026-11-24').map((d) => d.staffId)).toEqual(['c', 'a']);
  });

  it('has no session on a DE-RP public holiday (Fronleichnam, Thu 2026-06-04)', () => {
    const drafts = draftWeekRoster({ weekStart: '2026-06-01', sites: [be], staff: [person('a', 'be', ['EZ'])], closures: [] });
    expect(dates(drafts)).toEqual(['2026-06-01', '2026-06-02', '2026-06-05']);
  });

  it('respects closure days of one site and of all sites', () => {
    const staff = [person('a', 'be', ['EZ']), person('b', 'dz', ['EZ'])];
    const drafts = draftWeekRoster({
      weekStart: WEEK,
      sites: [be, dz],
      staff,
      closures: [
        { siteId: 'be', date: '2026-11-23', reason: 'Betriebsversammlung' },
        { siteId: null, date: '2026-11-27', reason: 'Personalversammlung' },
      ],
    });
    expect(dates(drafts.filter((d) => d.siteId === 'be'))).toEqual(['2026-11-24', '2026-11-26']);
    expect(dates(drafts.filter((d) => d.siteId === 'dz'))).toEqual(['2026-11-23', '2026-11-24', '2026-11-26']);
  });

  it('follows the site sessions: an extra Wednesday session and two sessions a day', () => {
    const sessions = [...DEFAULT_SESSIONS, { weekday: 3, start: '08:00', end: '12:00' }, { weekday: 3, start: '14:00', end: '16:00' }];
    const drafts = draftWeekRoster({
      weekStart: WEEK,
      sites: [site('be', 'Bad Ems', 1, sessions)],
      staff: [person('a', 'be', ['EZ']), person('b', 'be', ['EZ'])],
      closures: [],
    });
    expect(drafts.filter((d) => d.date === '2026-11-25').map((d) => [d.sessionStart, d.staffId])).toEqual([
      ['08:00', 'a'], // Mon a, Tue b → tied at one each, id decides
      ['14:00', 'b'],
    ]);
  });

  it('prefers present clerks; an absent one is drafted only when nobody else works that day', () => {
    const staff = [person('a', 'be', ['EZ']), person('b', 'be', ['EZ'], [1])];
    const absences = [{ staffId: 'a', from: '2026-11-23', to: '2026-11-24', halfDay: 'none' as const }];
    const drafts = draftWeekRoster({ weekStart: WEEK, sites: [be], staff, closures: [], absences });
    expect(drafts.map((d) => [d.date, d.staffId])).toEqual([
      ['2026-11-23', 'b'], // a is on vacation, b works Mondays
      ['2026-11-24', 'a'], // nobody else works Tuesday: the gap keeps its absence behind it
      ['2026-11-26', 'a'],
      ['2026-11-27', 'a'],
    ]);
  });

  it('leaves planned sessions alone, counts existing entries and never doubles a person in one session', () => {
    const staff = [person('a', 'be', ['EZ']), person('b', 'be', ['EZ'])];
    const drafts = draftWeekRoster({
      weekStart: WEEK,
      sites: [be],
      staff,
      closures: [],
      skip: new Set([sessionKey('be', '2026-11-23', '08:00')]),
      existing: [
        { siteId: 'be', date: '2026-11-23', sessionStart: '08:00', staffId: 'a' },
        // b is lent to Diez on Tuesday (accepted cover) – not drafted at home as well.
        { siteId: 'dz', date: '2026-11-24', sessionStart: '08:00', staffId: 'b' },
      ],
    });
    expect(drafts.map((d) => [d.date, d.staffId])).toEqual([
      ['2026-11-24', 'a'],
      ['2026-11-26', 'b'],
      ['2026-11-27', 'a'],
    ]);
  });

  it('does not depend on the order of the input lists', () => {
    const staff = [person('a', 'be', ['EZ']), person('b', 'be', ['EZ']), person('c', 'dz', ['EZ'])];
    const one = draftWeekRoster({ weekStart: WEEK, sites: [be, dz], staff, closures: [] });
    const two = draftWeekRoster({ weekStart: WEEK, sites: [dz, be], staff: [...staff].reverse(), closures: [] });
    expect(two).toEqual(one);
  });
});

describe('opening sessions and half days', () => {
  it('names the holiday or the closure reason of a cancelled session', () => {
    expect(deskSessionsOn(be, '2026-06-04', [])[0]?.closed).toBe('Feiertag (Fronleichnam)');
    expect(deskSessionsOn(be, '2026-11-26', [{ siteId: null, date: '2026-11-26', reason: 'Brandschutzübung' }])[0]?.closed).toBe(
      'Geschlossen: Brandschutzübung',
    );
    expect(deskSessionsOn(be, '2026-11-25', [])).toEqual([]);
  });

  it('decision: an "am" absence takes out the 08:00–12:00 session, a "pm" absence does not', () => {
    const day = { from: '2026-11-26', to: '2026-11-26' };
    expect(absenceCoversSession({ ...day, halfDay: 'am' }, '2026-11-26', '08:00', '12:00')).toBe(true);
    expect(absenceCoversSession({ ...day, halfDay: 'pm' }, '2026-11-26', '08:00', '12:00')).toBe(false);
    expect(absenceCoversSession({ ...day, halfDay: 'pm' }, '2026-11-26', '14:00', '16:00')).toBe(true);
    expect(absenceCoversSession({ ...day, halfDay: 'pm' }, '2026-11-26', '11:00', '13:00')).toBe(true);
    expect(absenceCoversSession({ ...day, halfDay: 'none' }, '2026-11-27', '08:00', '12:00')).toBe(false);
  });

  it('weeks start on Monday', () => {
    expect(weekStartOf('2026-11-26')).toBe('2026-11-23');
    expect(weekStartOf('2026-11-29')).toBe('2026-11-23');
    expect(weekStartOf('2026-11-23')).toBe('2026-11-23');
  });
});
