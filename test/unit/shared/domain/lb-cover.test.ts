import { describe, expect, it } from 'vitest';
import { deskModeOf, type DeskModeInput } from '../../../../shared/domain/lb-cover';
import { SITES, person } from './staffing-fixtures';

// Seed §4.5 "Aufgaben im Vertretungsfall" / issue #3 item 7: while LB covers a desk, Ticketverteilung
// and new customers go to EZ clerks of a staffed site. Thu 2026-11-26, session 08:00–12:00.

const THU = '2026-11-26';
const at = (time: string) => new Date(`${THU}T${time}:00+01:00`);
const on = (siteId: string, staffId: string, coverSource: 'lb-same-site' | 'ez-other-site' | null = null) => ({
  siteId,
  date: THU,
  sessionStart: '08:00',
  staffId,
  coverSource,
});

const staff = [
  person('be-ez', 'be', ['EZ']),
  person('be-lb', 'be', ['LB']),
  person('dz-ez', 'dz', ['EZ']),
  person('ls-ez', 'ls', ['EZ']),
  person('na-ez', 'na', ['EZ']),
  person('na-lb', 'na', ['LB']),
];

const input = (over: Partial<DeskModeInput>): DeskModeInput => ({
  siteId: 'be',
  now: at('09:00'),
  sites: SITES,
  closures: [],
  staff,
  shifts: [],
  absences: [],
  ...over,
});

const lbAtBadEms = [on('be', 'be-ez'), on('be', 'be-lb', 'lb-same-site'), on('dz', 'dz-ez'), on('ls', 'ls-ez'), on('na', 'na-ez')];
const beEzSick = [{ staffId: 'be-ez', from: THU, to: THU, halfDay: 'none' as const }];

describe('seed §4.5: LB cover mode of a desk', () => {
  it('is on while the desk is staffed by accepted LB cover and no EZ clerk is present', () => {
    const mode = deskModeOf(input({ shifts: lbAtBadEms, absences: beEzSick }));
    expect(mode.lbCover).toBe(true);
    expect(mode.coveredByNames).toEqual(['Person be-lb']);
    expect(mode.sessionStart).toBe('08:00');
  });

  it('is off when an EZ clerk is present at the desk as well', () => {
    expect(deskModeOf(input({ shifts: lbAtBadEms })).lbCover).toBe(false);
  });

  it('also counts an LB-role person rostered by hand', () => {
    const mode = deskModeOf(input({ shifts: [on('be', 'be-lb'), on('ls', 'ls-ez')] }));
    expect(mode.lbCover).toBe(true);
  });

  it('is off on a day without session (Wednesday) and at another site', () => {
    expect(deskModeOf(input({ now: new Date('2026-11-25T09:00:00+01:00'), shifts: lbAtBadEms, absences: beEzSick })).lbCover).toBe(false);
    expect(deskModeOf(input({ siteId: 'dz', shifts: lbAtBadEms, absences: beEzSick })).lbCover).toBe(false);
  });

  it('holds before opening and after closing on the same day (waiting visitors)', () => {
    expect(deskModeOf(input({ now: at('07:30'), shifts: lbAtBadEms, absences: beEzSick })).lbCover).toBe(true);
    expect(deskModeOf(input({ now: at('12:30'), shifts: lbAtBadEms, absences: beEzSick })).lbCover).toBe(true);
  });
});

describe('decision: tickets go to the nearest site whose desk an EZ clerk staffs', () => {
  it('Bad Ems → Lahnstein first', () => {
    const mode = deskModeOf(input({ shifts: lbAtBadEms, absences: beEzSick }));
    expect([mode.distributionSiteId, mode.distributionSiteName]).toEqual(['ls', 'Lahnstein']);
  });

  it('skips a site that is itself in LB cover or closed, then takes the next nearest', () => {
    const shifts = [on('be', 'be-lb', 'lb-same-site'), on('dz', 'dz-ez'), on('ls', 'ls-ez'), on('na', 'na-lb', 'lb-same-site')];
    const closures = [{ siteId: 'ls', date: THU, reason: 'Umzug' }];
    // Bad Ems prefers Lahnstein (closed), then Nastätten (LB cover only), then Diez.
    expect(deskModeOf(input({ shifts, closures })).distributionSiteId).toBe('dz');
  });

  it('Nastätten in LB cover hands over to Bad Ems', () => {
    const shifts = [on('be', 'be-ez'), on('dz', 'dz-ez'), on('ls', 'ls-ez'), on('na', 'na-lb', 'lb-same-site')];
    expect(deskModeOf(input({ siteId: 'na', shifts })).distributionSiteId).toBe('be');
  });

  it('no staffed site at all → null (the own list)', () => {
    const mode = deskModeOf(input({ shifts: [on('be', 'be-lb', 'lb-same-site')] }));
    expect(mode).toMatchObject({ lbCover: true, distributionSiteId: null, distributionSiteName: null });
  });
});
