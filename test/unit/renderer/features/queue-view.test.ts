import { describe, expect, it } from 'vitest';
import type { Handoff } from '@shared/model';
import { deskSessionsOn } from '@shared/domain/desk-sessions';
import { relevantSessionEnd } from '@shared/domain/opening-hours';
import {
  buildQueueView,
  defaultQueueFilter,
  initialQueueFocus,
  queueKeyCommand,
  sameDayState,
  sameDayWarning,
  sessionHint,
} from '../../../../renderer/src/features/queue/queue-view';

// Thu 26 Nov 2026, free access 08:00–12:00 (seed §4.1). Instants carry their Berlin offset.
const at = (hhmm: string, date = '2026-11-26') => new Date(`${date}T${hhmm}:00+01:00`);
const SESSION_END = at('12:00');

function handoff(id: string, waitingSince: Date, extra: Partial<Handoff> = {}): Handoff {
  const iso = waitingSince.toISOString();
  return {
    id,
    createdAt: iso,
    createdBy: 'ez',
    updatedAt: iso,
    updatedBy: 'ez',
    deletedAt: null,
    siteId: 'site',
    visitId: `visit-${id}`,
    target: 'LB',
    concernKind: 'benefits',
    acute: false,
    label: `Nr. ${id}`,
    waitingSince: iso,
    status: 'waiting',
    takenBy: null,
    takenAt: null,
    finishedAt: null,
    ...extra,
  };
}

describe('SPEC §4: the queue screen shows the waiting line in order, then those in service', () => {
  const queue = [
    // Already in queue order (openHandoffs sorts: acute first, then oldest).
    handoff('001', at('09:20'), { acute: true, concernKind: 'application' }),
    handoff('002', at('09:00'), { status: 'in-service', takenBy: 'lb-1', takenAt: at('09:05').toISOString() }),
    handoff('003', at('09:10'), { target: 'VERMITTLUNG' }),
    handoff('004', at('09:15')),
    handoff('005', at('09:02'), { status: 'in-service', takenBy: 'lb-2', takenAt: at('09:30').toISOString() }),
  ];

  it('numbers only the waiting visitors, 1 = next, keeping the queue order', () => {
    const view = buildQueueView(queue, 'all', at('09:40'), SESSION_END);
    expect(view.waiting.map((r) => [r.handoff.id, r.position])).toEqual([
      ['001', 1],
      ['003', 2],
      ['004', 3],
    ]);
  });

  it('shows those in service without a place in line, the most recently taken over first', () => {
    const view = buildQueueView(queue, 'all', at('09:40'), SESSION_END);
    expect(view.inService.map((r) => [r.handoff.id, r.position])).toEqual([
      ['005', null],
      ['002', null],
    ]);
  });

  it('SPEC §4 "waiting time is measured": ticks for those waiting, stops at the takeover for those in service', () => {
    const view = buildQueueView(queue, 'all', at('09:40'), SESSION_END);
    expect(view.waiting.map((r) => r.minutes)).toEqual([20, 30, 25]);
    expect(view.inService.map((r) => r.minutes)).toEqual([28, 5]);
  });

  it('filters by target and renumbers, while the counts keep every target', () => {
    const view = buildQueueView(queue, 'LB', at('09:40'), SESSION_END);
    expect(view.waiting.map((r) => [r.handoff.id, r.position])).toEqual([
      ['001', 1],
      ['004', 2],
    ]);
    expect(view.counts).toEqual({ all: 5, LB: 4, VERMITTLUNG: 1 });
    expect(buildQueueView(queue, 'VERMITTLUNG', at('09:40'), SESSION_END).waiting.map((r) => r.position)).toEqual([1]);
  });

  it('an empty queue gives empty lists and zero counts', () => {
    expect(buildQueueView([], 'all', at('09:40'), SESSION_END)).toEqual({ waiting: [], inService: [], counts: { all: 0, LB: 0, VERMITTLUNG: 0 } });
  });
});

describe('SPEC §4: visitors still waiting at the end of the opening session are flagged', () => {
  const waiting = handoff('001', at('09:00'));

  it('is not flagged before 11:30, flagged from 11:30 (30 minutes before the 12:00 end)', () => {
    expect(sameDayState(waiting, at('11:29'), SESSION_END)).toBe('ok');
    expect(sameDayState(waiting, at('11:30'), SESSION_END)).toBe('at-risk');
    expect(sameDayState(waiting, at('11:35'), SESSION_END)).toBe('at-risk');
  });

  it('a visitor in service is never flagged', () => {
    expect(sameDayState({ ...waiting, status: 'in-service' }, at('11:45'), SESSION_END)).toBe('ok');
  });

  it('"taggleich" has been missed for a visitor left waiting from an earlier day – even on a day without a session', () => {
    const fromTuesday = handoff('007', at('11:50', '2026-11-24'));
    // Wednesday has no free access (seed §4.1), so there is no session end to measure against.
    expect(sameDayState(fromTuesday, at('09:00', '2026-11-25'), null)).toBe('missed');
    expect(sameDayState(fromTuesday, at('09:00'), SESSION_END)).toBe('missed');
  });

  it('the view marks each waiting row', () => {
    const view = buildQueueView([waiting, handoff('002', at('11:20'))], 'all', at('11:35'), SESSION_END);
    expect(view.waiting.map((r) => r.sameDay)).toEqual(['at-risk', 'at-risk']);
  });
});

describe('SPEC §4: LB staff see and take their own queue', () => {
  it("SPEC §4: the queue opens on the desk person's target – LB on Leistungsbereich, Vermittlung on Vermittlung", () => {
    expect(defaultQueueFilter(['LB'])).toBe('LB');
    expect(defaultQueueFilter(['VERMITTLUNG'])).toBe('VERMITTLUNG');
    // EZ clerks, team leads and people in both roles see both targets.
    expect(defaultQueueFilter(['EZ'])).toBe('all');
    expect(defaultQueueFilter(['LB', 'VERMITTLUNG'])).toBe('all');
    expect(defaultQueueFilter(null)).toBe('all');
  });

  it('SPEC §4: with the LB filter the next visitor ("N") is the first waiting LB hand-off, never a Vermittlung one', () => {
    const handoffs = [
      handoff('v1', at('08:05'), { target: 'VERMITTLUNG' }),
      handoff('l1', at('08:10'), { target: 'LB' }),
    ];
    expect(buildQueueView(handoffs, defaultQueueFilter(['LB']), at('09:00'), SESSION_END).waiting[0]?.handoff.id).toBe('l1');
  });
});

describe('SPEC §2 / issue #3 item 2: the queue knows holidays and closure days', () => {
  const site = { id: 'site', sessions: [1, 2, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '12:00' })) };

  it('SPEC §2: on Fronleichnam the queue says there is no free access and flags nobody at risk', () => {
    const day = deskSessionsOn(site, '2026-06-04', []);
    expect(sessionHint(day)).toBe('Heute kein freier Zugang – Feiertag (Fronleichnam).');
    const now = new Date('2026-06-04T11:45:00+02:00');
    const waiting = handoff('h1', new Date('2026-06-04T09:00:00+02:00'));
    expect(sameDayState(waiting, now, relevantSessionEnd(day, now))).toBe('ok');
  });

  it('issue #3 item 2: on a closure day the hint gives the reason', () => {
    const day = deskSessionsOn(site, '2026-11-26', [{ siteId: 'site', date: '2026-11-26', reason: 'Betriebsausflug' }]);
    expect(sessionHint(day)).toBe('Heute kein freier Zugang – Geschlossen: Betriebsausflug.');
    expect(relevantSessionEnd(day, at('11:45'))).toBeNull();
  });

  it('seed §4.1: on an ordinary Thursday it gives the hours and the 30-minute warning', () => {
    const day = deskSessionsOn(site, '2026-11-26', []);
    expect(sessionHint(day)).toBe('Freier Zugang heute 08:00–12:00 Uhr. Wer 30 Minuten vor Ende noch wartet, wird markiert.');
    expect(relevantSessionEnd(day, at('11:45'))).toEqual(SESSION_END);
  });
});

describe('issue 10 item 1: a key acts on the row it names, and a waiting visitor is never closed by one key', () => {
  const view = buildQueueView(
    [
      handoff('003', at('09:10')),
      handoff('002', at('09:00'), { status: 'in-service', takenBy: 'lb-1', takenAt: at('09:30').toISOString() }),
    ],
    'all',
    at('09:31'),
    SESSION_END,
  );
  const waiting = view.waiting[0]!;
  const inService = view.inService[0]!;

  it('Enter on a waiting visitor takes exactly that visitor over', () => {
    expect(queueKeyCommand('Enter', waiting)).toEqual({ kind: 'take', handoff: waiting.handoff });
  });

  it('A on a waiting visitor closes nothing and says in German to take over first', () => {
    expect(queueKeyCommand('A', waiting)).toEqual({
      kind: 'refuse',
      message: 'Nr. 003 wartet noch und wird nicht mit einer Taste abgeschlossen – bitte zuerst übernehmen (Enter), dann abschließen (A).',
    });
  });

  it('A on the visitor in service closes that visitor', () => {
    expect(queueKeyCommand('A', inService)).toEqual({ kind: 'finish', handoff: inService.handoff });
  });

  it('a second Enter on the visitor just taken does not close them', () => {
    expect(queueKeyCommand('Enter', inService)).toEqual({ kind: 'refuse', message: 'Nr. 002 ist bereits übernommen – abschließen mit A.' });
  });

  it('no selected row, no action', () => {
    expect(queueKeyCommand('A', null)).toEqual({ kind: 'none' });
    expect(queueKeyCommand('Enter', null)).toEqual({ kind: 'none' });
  });
});

describe('issue 10 item 7: the queue opens with the focus where its keys work, whatever the state', () => {
  const waiting = handoff('001', at('09:00'));
  const inService = handoff('002', at('09:00'), { status: 'in-service', takenBy: 'lb-1', takenAt: at('09:05').toISOString() });
  const focusFor = (rows: Handoff[]) => initialQueueFocus(buildQueueView(rows, 'all', at('09:10'), SESSION_END));

  it('on the waiting line when someone waits', () => {
    expect(focusFor([waiting, inService])).toBe('waiting');
  });

  it('on those in service when nobody waits but visitors are "In Bearbeitung"', () => {
    expect(focusFor([inService])).toBe('service');
  });

  it('on the filter when both lists are empty', () => {
    expect(focusFor([])).toBe('filter');
  });
});

describe('issue 10 item 7 / SPEC §4: the "taggleich" warning says only what is true at that moment', () => {
  it('within the last 30 minutes it asks to act now and names the end', () => {
    expect(sameDayWarning(1, 0, at('11:35'), SESSION_END)).toEqual({
      title: 'Taggleich gefährdet:',
      text: 'Eine Person wartet noch, die Sprechzeit endet um 12:00 Uhr. Bitte jetzt übernehmen oder mit der Teamleitung klären.',
    });
  });

  it('after the session ended the visitor stays flagged, without "bitte jetzt" or a countdown', () => {
    const warning = sameDayWarning(2, 0, at('12:15'), SESSION_END);
    expect(warning?.title).toBe('Taggleich gefährdet:');
    expect(warning?.text).toBe(
      '2 Personen standen bei Ende der Sprechzeit (12:00 Uhr) noch in der Warteschlange. Wer noch da ist, kann übernommen werden; sonst bitte mit der Teamleitung klären.',
    );
    expect(warning?.text).not.toMatch(/jetzt|endet/);
  });

  it('a hand-off left from an earlier day is called missed, not at risk', () => {
    expect(sameDayWarning(0, 1, at('09:00'), SESSION_END)).toEqual({
      title: 'Taggleich verfehlt:',
      text: 'Eine Weiterleitung aus den Vortagen ist noch offen – taggleich verfehlt. Bitte mit der Teamleitung klären.',
    });
  });

  it('nobody flagged, no warning', () => {
    expect(sameDayWarning(0, 0, at('11:45'), SESSION_END)).toBeNull();
  });
});
