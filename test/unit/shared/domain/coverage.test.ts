import { describe, expect, it } from 'vitest';
import { buildWeekBoard, canDecide, cellOf, informRecipients } from '../../../../shared/domain/coverage';
import { acceptedNotices, pendingNotices } from '../../../../shared/domain/cover-notices';
import { sessionKey } from '../../../../shared/domain/desk-sessions';
import { absence, data, decision, person, shift, site } from './staffing-fixtures';

// Issue #3 item 5 / SPEC §6: each opening session covered / at risk / uncovered with the reason;
// proposals in the order of seed §4.5 (the rule is planDeskCover – here: how the board feeds it).
// Thu 2026-11-26 is an ordinary session day; Thu 2026-06-04 is Fronleichnam.

const THU = '2026-11-26';
const cell = (d: ReturnType<typeof data>, siteId = 'be', date = THU, now?: Date) => {
  const c = cellOf(d, siteId, date, '08:00', now);
  if (!c) throw new Error('no cell');
  return c;
};

/** Every site rostered with one present EZ clerk, so only Bad Ems is in question. */
const quietOthers = ['dz', 'ls', 'na'].flatMap((s) => [person(`${s}-1`, s, ['EZ'])]);
const quietShifts = ['dz', 'ls', 'na'].map((s) => shift(s, THU, `${s}-1`));

describe('SPEC §6: a rostered, present desk is covered', () => {
  it('covered, naming who staffs it', () => {
    const c = cell(data({ staff: [person('a', 'be', ['EZ'])], shifts: [shift('be', THU, 'a')] }));
    expect(c.status).toBe('covered');
    expect(c.reason).toBe('Besetzt: Person a.');
    expect(c.proposals).toEqual([]);
  });
});

describe('seed §4.5: planned absence – EZ of the same site first, decided by the site FM', () => {
  const d = data({
    staff: [person('a', 'be', ['EZ']), person('b', 'be', ['EZ']), person('l', 'be', ['LB']), ...quietOthers],
    shifts: [shift('be', THU, 'a'), ...quietShifts],
    absences: [absence('a', THU, 'planned')],
  });

  it('is at risk with a same-site EZ proposal and says why', () => {
    const c = cell(d);
    expect(c.status).toBe('at-risk');
    expect(c.gapKind).toBe('planned');
    expect(c.proposals.map((p) => [p.staffId, p.source, p.decidedBy])).toEqual([['b', 'ez-same-site', 'FM']]);
    expect(c.reason).toBe(
      'Lücke: Person a geplant abwesend. Vorschlag: Person b (Eingangszone des Standorts) – entscheidet: Standortverantwortliche/r Fallmanager/in.',
    );
    expect(c.proposals[0]!.why).toMatch(/zuerst innerhalb des Standorts/);
  });

  it('a clerk whose weekday pattern leaves out Thursday is not proposed', () => {
    const partTime = data({ ...d, staff: [person('a', 'be', ['EZ']), person('b', 'be', ['EZ'], [1, 2]), person('l', 'be', ['LB']), ...quietOthers] });
    // Planned gap: next is EZ of another site – none can lend (one clerk each) – then LB on site.
    expect(cell(partTime).proposals.map((p) => [p.staffId, p.source])).toEqual([['l', 'lb-same-site']]);
  });
});

describe('seed §4.5: unplanned absence – the LB on site first, TL Leistung decides and is informed', () => {
  it('proposes LB cover with TL_LB as decider and in the roles to inform', () => {
    const d = data({
      staff: [person('a', 'be', ['EZ']), person('l', 'be', ['LB']), ...quietOthers, person('dz-2', 'dz', ['EZ']), person('dz-3', 'dz', ['EZ'])],
      shifts: [shift('be', THU, 'a'), ...quietShifts],
      absences: [absence('a', THU, 'unplanned')],
    });
    const c = cell(d);
    expect(c.gapKind).toBe('unplanned');
    expect(c.proposals.map((p) => [p.staffId, p.source, p.decidedBy])).toEqual([['l', 'lb-same-site', 'TL_LB']]);
    expect(c.proposals[0]!.inform).toContain('TL_LB');
    expect(c.proposals[0]!.why).toMatch(/Kurzfristiger Ausfall: zuerst besetzt der Leistungsbereich vor Ort/);
    expect(c.reason).toMatch(/^Lücke: Person a ungeplant abwesend\./);
  });

  it('a half-day absence: "pm" keeps the 08:00–12:00 session covered, "am" opens the gap', () => {
    const base = { staff: [person('a', 'be', ['EZ']), person('l', 'be', ['LB'])], shifts: [shift('be', THU, 'a')] };
    expect(cell(data({ ...base, absences: [absence('a', THU, 'unplanned', { halfDay: 'pm' })] })).status).toBe('covered');
    expect(cell(data({ ...base, absences: [absence('a', THU, 'unplanned', { halfDay: 'am' })] })).status).toBe('at-risk');
  });
});

describe('SPEC §6 "in every opening session": sites with their own opening hours', () => {
  const hours = (start: string, end: string) => [4].map((weekday) => ({ weekday, start, end }));
  const withHours = (dz: { start: string; end: string }) => [
    site('be', 'Bad Ems'),
    site('dz', 'Diez', 1, hours(dz.start, dz.end)),
    site('ls', 'Lahnstein'),
    site('na', 'Nastätten'),
  ];

  it('an afternoon half day off leaves a desk that closes at noon covered, whatever hours another site keeps', () => {
    const d = data({
      sites: withHours({ start: '08:00', end: '13:00' }),
      staff: [person('a', 'be', ['EZ']), ...quietOthers],
      shifts: [shift('be', THU, 'a'), ...quietShifts],
      absences: [absence('a', THU, 'planned', { halfDay: 'pm' })],
    });
    expect(cell(d).status).toBe('covered');
  });

  it('a clerk at a desk whose session overlaps (Diez 08:30–12:00) is not free to cover Bad Ems 08:00–12:00', () => {
    const d = data({
      sites: withHours({ start: '08:30', end: '12:00' }),
      staff: [person('a', 'be', ['EZ']), person('l', 'be', ['LB']), person('dz-1', 'dz', ['EZ']), person('dz-2', 'dz', ['EZ']),
        person('ls-1', 'ls', ['EZ']), person('na-1', 'na', ['EZ'])],
      shifts: [shift('be', THU, 'a'), shift('dz', THU, 'dz-1', { sessionStart: '08:30' }), shift('ls', THU, 'ls-1'), shift('na', THU, 'na-1')],
      absences: [absence('a', THU, 'planned')],
    });
    // Diez has two clerks present: it may lend the one not at its desk (seed §4.5 lending limit).
    expect(cell(d).proposals.map((p) => [p.staffId, p.source])).toEqual([['dz-2', 'ez-other-site']]);
    // And Diez' own session is planned with its clerk at the desk.
    expect(cellOf(d, 'dz', THU, '08:30')).toMatchObject({ status: 'covered' });
  });
});

describe('seed §4.5: cross-site EZ cover, decided by TL Eingangszone', () => {
  it('a planned gap without free EZ on site borrows from a site with clerks to spare before the LB', () => {
    const d = data({
      staff: [person('a', 'be', ['EZ']), person('l', 'be', ['LB']), ...quietOthers, person('dz-2', 'dz', ['EZ'])],
      shifts: [shift('be', THU, 'a'), ...quietShifts],
      absences: [absence('a', THU, 'planned')],
    });
    const c = cell(d);
    expect(c.proposals.map((p) => [p.staffId, p.source, p.decidedBy, p.homeSiteName])).toEqual([
      ['dz-2', 'ez-other-site', 'TL_EZ', 'Diez'],
    ]);
    // 'FM' to inform means both the receiving and the lending site's FM.
    expect(informRecipients('be', c.proposals[0]!)).toEqual([
      { role: 'FM', siteId: 'be' },
      { role: 'FM', siteId: 'dz' },
    ]);
  });

  it('a site closed that day needs nobody and may lend its clerks', () => {
    const d = data({
      staff: [person('a', 'be', ['EZ']), person('dz-1', 'dz', ['EZ']), person('dz-2', 'dz', ['EZ'])],
      shifts: [shift('be', THU, 'a'), shift('dz', THU, 'dz-1')], // Diez roster left over from before the closure
      absences: [absence('a', THU, 'planned')],
      closures: [{ siteId: 'dz', date: THU, reason: 'Umzug' }],
    });
    expect(cell(d).proposals.map((p) => p.staffId)).toEqual(['dz-1']);
    expect(cell(d, 'dz').status).toBe('closed');
    expect(cell(d, 'dz').reason).toBe('Geschlossen: Umzug – keine Öffnungszeit.');
  });
});

describe('seed §4.5: nobody can staff the desk → the Geschäftsführung decides', () => {
  it('uncovered, escalated to GF, with the reason', () => {
    const d = data({ staff: [person('a', 'be', ['EZ']), ...quietOthers], shifts: [shift('be', THU, 'a'), ...quietShifts], absences: [absence('a', THU, 'planned')] });
    const c = cell(d);
    expect(c.status).toBe('uncovered');
    expect(c.escalateTo).toBe('GF');
    expect(c.reason).toBe(
      'Nicht besetzt: Person a geplant abwesend. Keine Vertretung möglich. Die Geschäftsführung entscheidet über das weitere Vorgehen (GA §4.5).',
    );
  });

  it('an inactive person on the roster leaves a gap', () => {
    const d = data({ staff: [person('a', 'be', ['EZ'], [1, 2, 3, 4, 5], false)], shifts: [shift('be', THU, 'a')] });
    expect(cell(d).status).toBe('uncovered');
    expect(cell(d).reason).toMatch(/^Nicht besetzt: niemand eingeteilt\./);
  });

  it('a session never drafted says so', () => {
    const c = cell(data({ staff: [person('a', 'be', ['EZ'])] }));
    expect(c.planned).toBe(false);
    expect(c.reason).toMatch(/noch nicht eingeteilt \(Wochenplan erstellen\)/);
    const emptied = cell(data({ staff: [], plannedSessions: new Set([sessionKey('be', THU, '08:00')]) }));
    expect(emptied.planned).toBe(true);
  });
});

describe('issue 7 item 9: the gap takes the kind of the absence ON THAT DATE (seed §4.5 "planbare" vs "kurzfristige" Ausfälle)', () => {
  // Vacation Mon 07.12.–Fri 18.12.2026 registered Fri 04.12.: unplanned on Monday, planned from Tuesday.
  const MON = '2026-12-07';
  const TUE = '2026-12-08';
  const others = ['dz', 'ls', 'na'];
  const d = data({
    staff: [person('a', 'be', ['EZ']), person('l', 'be', ['LB']), ...others.map((s) => person(`${s}-1`, s, ['EZ'])), person('dz-2', 'dz', ['EZ']), person('dz-3', 'dz', ['EZ'])],
    shifts: [MON, TUE].flatMap((date) => [shift('be', date, 'a'), ...others.map((s) => shift(s, date, `${s}-1`))]),
    absences: [absence('a', MON, 'unplanned', { to: '2026-12-18', reason: 'vacation', registeredAt: '2026-12-04T09:00:00.000Z' })],
  });

  it('on the Monday the gap is unplanned: the LB on site covers first, TL Leistung decides', () => {
    const c = cell(d, 'be', MON);
    expect(c.gapKind).toBe('unplanned');
    expect(c.desk[0]!.absence?.kind).toBe('unplanned');
    expect(c.proposals.map((p) => [p.staffId, p.source, p.decidedBy])).toEqual([['l', 'lb-same-site', 'TL_LB']]);
    expect(c.reason).toMatch(/^Lücke: Person a ungeplant abwesend\./);
  });

  it('on the Tuesday the same absence leaves a planned gap: EZ of another site before the LB', () => {
    const c = cell(d, 'be', TUE);
    expect(c.gapKind).toBe('planned');
    expect(c.desk[0]!.absence?.kind).toBe('planned');
    expect(c.proposals.map((p) => [p.source, p.decidedBy])).toEqual([['ez-other-site', 'TL_EZ']]);
    expect(c.reason).toMatch(/^Lücke: Person a geplant abwesend\./);
  });

  it('a kind marked by hand holds on every day of the absence', () => {
    const marked = data({ ...d, absences: [{ ...d.absences[0]!, kind: 'unplanned', kindOverridden: true }] });
    expect(cell(marked, 'be', TUE).gapKind).toBe('unplanned');
  });

  it('a sickness stays unplanned on every day, however early it was reported', () => {
    const sick = data({ ...d, absences: [{ ...d.absences[0]!, reason: 'sickness', registeredAt: '2026-11-02T09:00:00.000Z' }] });
    expect(cell(sick, 'be', TUE).gapKind).toBe('unplanned');
  });
});

describe('issue #3 item 6: decisions merge into the board', () => {
  it('accepted cover is a roster entry: the cell turns covered and lists the decision', () => {
    const accepted = decision('be', THU, 'l', 'accepted', { source: 'lb-same-site', decidedBy: 'TL_LB' });
    const d = data({
      staff: [person('a', 'be', ['EZ']), person('l', 'be', ['LB'])],
      shifts: [shift('be', THU, 'a'), shift('be', THU, 'l', { source: 'cover', coverSource: 'lb-same-site', coverDecisionId: accepted.id })],
      absences: [absence('a', THU, 'unplanned')],
      decisions: [accepted],
    });
    const c = cell(d);
    expect(c.status).toBe('covered');
    expect(c.accepted.map((x) => x.staffId)).toEqual(['l']);
    expect(c.reason).toBe('Besetzt: Person l (Vertretung: Leistungsbereich vor Ort). Person a ungeplant abwesend.');
  });

  it('a rejected person is not proposed again; the next in §4.5 order is', () => {
    const base = {
      staff: [person('a', 'be', ['EZ']), person('b', 'be', ['EZ']), person('l', 'be', ['LB'])],
      shifts: [shift('be', THU, 'a')],
      absences: [absence('a', THU, 'planned')],
    };
    expect(cell(data(base)).proposals.map((p) => p.staffId)).toEqual(['b']);
    const rejected = data({ ...base, decisions: [decision('be', THU, 'b', 'rejected')] });
    expect(cell(rejected).proposals.map((p) => [p.staffId, p.source])).toEqual([['l', 'lb-same-site']]);
    expect(cell(rejected).rejected.map((x) => x.staffId)).toEqual(['b']);
  });

  it('seed §4.5 "Die Teamleitung Eingangszone entscheidet … inwiefern eine standortübergreifende Vertretung möglich ist": rejecting one lent clerk proposes the lender\'s other clerk, not the Geschäftsführung', () => {
    // Diez rosters W and Y (minimum 1); Bad Ems' only clerk is on vacation and has no LB on site.
    const base = {
      staff: [person('a', 'be', ['EZ']), person('w', 'dz', ['EZ']), person('y', 'dz', ['EZ']), person('ls-1', 'ls', ['EZ']), person('na-1', 'na', ['EZ'])],
      shifts: [shift('be', THU, 'a'), shift('dz', THU, 'w'), shift('dz', THU, 'y'), shift('ls', THU, 'ls-1'), shift('na', THU, 'na-1')],
      absences: [absence('a', THU, 'planned')],
    };
    expect(cell(data(base)).proposals.map((p) => [p.staffId, p.source])).toEqual([['w', 'ez-other-site']]);
    const rejected = data({ ...base, decisions: [decision('be', THU, 'w', 'rejected', { source: 'ez-other-site', decidedBy: 'TL_EZ' })] });
    const c = cell(rejected);
    expect(c.proposals.map((p) => [p.staffId, p.source])).toEqual([['y', 'ez-other-site']]);
    expect(c.status).toBe('at-risk');
    expect(c.escalateTo).toBeNull();
  });

  it('a rejected person on duty still counts at their own desk', () => {
    const d = data({
      staff: [person('a', 'be', ['EZ'])],
      shifts: [shift('be', THU, 'a')],
      decisions: [decision('dz', THU, 'a', 'rejected', { source: 'ez-other-site', decidedBy: 'TL_EZ' })],
    });
    expect(cell(d).status).toBe('covered');
  });
});

describe('GDPR Art. 9: the board never names the reason of an absence (health data on every desk PC)', () => {
  it.each(['sickness', 'short-notice', 'vacation', 'training', 'other'] as const)('reason %s: the cell says only "geplant/ungeplant abwesend"', (reason) => {
    const kind = reason === 'sickness' || reason === 'short-notice' ? 'unplanned' : 'planned';
    const labels = ['Krankheit', 'Kurzfristiger Ausfall', 'Urlaub', 'Fortbildung', 'Sonstiges'];
    const d = data({
      staff: [person('a', 'be', ['EZ']), person('l', 'be', ['LB'])],
      shifts: [shift('be', THU, 'a')],
      absences: [absence('a', THU, kind, { reason })],
    });
    const c = cell(d);
    expect(c.reason).toContain(`Person a ${kind === 'planned' ? 'geplant' : 'ungeplant'} abwesend`);
    const shown = JSON.stringify(c);
    for (const label of labels) expect(c.reason).not.toContain(label);
    expect(shown).not.toContain(`"${reason}"`);
  });
});

describe('the week board', () => {
  it('has one cell per site and opening session; the holiday is a closed cell', () => {
    const board = buildWeekBoard(data({}), '2026-06-01');
    expect(board.dates).toHaveLength(7);
    expect(board.sites.map((s) => s.name)).toEqual(['Bad Ems', 'Diez', 'Lahnstein', 'Nastätten']);
    expect(board.cells).toHaveLength(16); // Mon, Tue, Thu, Fri × 4 sites
    const thursday = board.cells.filter((c) => c.date === '2026-06-04');
    expect(thursday.every((c) => c.status === 'closed' && c.reason === 'Feiertag (Fronleichnam) – keine Öffnungszeit.')).toBe(true);
  });

  it('marks sessions that have ended as past', () => {
    const d = data({ staff: [person('a', 'be', ['EZ'])], shifts: [shift('be', THU, 'a')] });
    expect(cell(d, 'be', THU, new Date('2026-11-26T11:59:00+01:00')).past).toBe(false);
    expect(cell(d, 'be', THU, new Date('2026-11-26T12:00:00+01:00')).past).toBe(true);
  });
});

describe('seed §4.5: who may decide', () => {
  const actor = (roles: ('FM' | 'TL_EZ' | 'TL_LB' | 'GF' | 'EZ')[], homeSiteId = 'be', active = true) => ({ roles, homeSiteId, active });
  it.each([
    ['the site FM decides same-site cover of their site', actor(['FM']), 'FM', 'be', true],
    ['an FM of another site does not', actor(['FM'], 'dz'), 'FM', 'be', false],
    ['TL Eingangszone steps in on disagreement ("Erst bei Unstimmigkeiten")', actor(['TL_EZ']), 'FM', 'be', true],
    ['TL Eingangszone decides cross-site cover', actor(['TL_EZ']), 'TL_EZ', 'be', true],
    ['an FM does not decide cross-site cover', actor(['FM']), 'TL_EZ', 'be', false],
    ['TL Leistung decides LB cover', actor(['TL_LB']), 'TL_LB', 'be', true],
    ['an EZ clerk decides nothing', actor(['EZ']), 'FM', 'be', false],
    ['the Geschäftsführung may always decide', actor(['GF'], 'dz'), 'TL_LB', 'be', true],
    ['an inactive person decides nothing', actor(['GF'], 'be', false), 'FM', 'be', false],
  ] as const)('%s', (_rule, who, decidedBy, siteId, expected) => {
    expect(canDecide(who, decidedBy, siteId)).toBe(expected);
  });
});

describe('issue #3 item 6: who is told', () => {
  const d = data({
    staff: [person('a', 'be', ['EZ']), person('l', 'be', ['LB'])],
    shifts: [shift('be', THU, 'a')],
    absences: [absence('a', THU, 'unplanned')],
  });

  it('accepted LB cover informs TL Leistung, the site FM and TL Eingangszone', () => {
    const c = cell(d);
    const notices = acceptedNotices(c, c.proposals[0]!, 'Tina Teamleitung');
    expect(notices.map((n) => [n.recipientRole, n.siteId])).toEqual([
      ['TL_LB', 'be'],
      ['FM', 'be'],
      ['TL_EZ', 'be'],
    ]);
    expect(notices[0]!.title).toBe('Vertretung an der Anlaufstelle Bad Ems');
    expect(notices[0]!.body).toMatch(/^Do, 26\.11\.2026, 08:00–12:00: Person l \(Leistungsbereich vor Ort, Bad Ems\) besetzt die Anlaufstelle Bad Ems für Person a\./);
    expect(notices[0]!.body).toMatch(/Ticketverteilung und Neukundenanlage übernimmt die Eingangszone/);
  });

  it('a pending LB proposal reaches TL Leistung as early as possible (when proposed)', () => {
    const notices = pendingNotices([cell(d)], 'Abwesenheit von Person a (Krankheit).');
    const tlLb = notices.find((n) => n.recipientRole === 'TL_LB');
    expect(tlLb?.title).toBe('Vertretung an der Anlaufstelle – bitte entscheiden');
    expect(tlLb?.body).toBe('Abwesenheit von Person a (Krankheit).\nBad Ems, Do, 26.11.2026, 08:00–12:00: Vorschlag Person l (Leistungsbereich vor Ort) – entscheidet Teamleitung Leistung.');
    expect(notices.map((n) => n.recipientRole).sort()).toEqual(['FM', 'TL_EZ', 'TL_LB']);
  });

  it('an uncovered session goes to the Geschäftsführung; past or covered sessions to nobody', () => {
    const uncovered = data({ staff: [person('a', 'be', ['EZ'])], shifts: [shift('be', THU, 'a')], absences: [absence('a', THU, 'planned')] });
    const gf = pendingNotices([cell(uncovered)], 'x').find((n) => n.recipientRole === 'GF');
    expect(gf?.title).toBe('Anlaufstelle nicht besetzbar – Entscheidung der Geschäftsführung');
    expect(pendingNotices([cell(uncovered, 'be', THU, new Date('2026-11-26T13:00:00+01:00'))], 'x')).toEqual([]);
    expect(pendingNotices([cell(data({ staff: [person('a', 'be', ['EZ'])], shifts: [shift('be', THU, 'a')] }))], 'x')).toEqual([]);
  });
});
