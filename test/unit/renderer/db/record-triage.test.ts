// Before Dexie loads: it takes the global indexedDB when its module is evaluated.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../../../renderer/src/db/repositories/base';
import { recordTriage } from '../../../../renderer/src/db/repositories/visits';
import { deskCodeFor, storeDeskCode } from '../../../../renderer/src/sync/desk-code';
import type { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import {
  AT_BAD_EMS,
  BAD_EMS,
  DIEZ,
  THU_10,
  application,
  benefits,
  counts,
  ctx,
  freshDb,
  later,
  other,
  quick,
  snapshot,
} from './fixture';

let db: AnlaufstelleDB;
afterEach(async () => {
  await db?.delete();
});

describe('SPEC §3.1 / seed §4.4 Schnellanliegen: closed at the desk, counted, not named', () => {
  it('closes a quick request at the desk with no hand-off and no ticket', async () => {
    db = await freshDb();
    const { visit, handoffs, ticket } = await recordTriage(db, quick({ quickSubtype: 'identity' }), AT_BAD_EMS, ctx());

    expect(visit).toMatchObject({ concernKind: 'quick', quickSubtype: 'identity', outcome: 'closed-at-desk', acute: false });
    expect(visit.handoffIds).toEqual([]);
    expect(visit.ticketId).toBeNull();
    expect(handoffs).toEqual([]);
    expect(ticket).toBeNull();
    expect(await counts(db)).toEqual({ visits: 1, handoffs: 0, tickets: 0, outbox: 1 });
  });

  it('SPEC §4: stores no personal data – the visit record has no name or phone field at all', async () => {
    db = await freshDb();
    const { visit } = await recordTriage(db, quick(), AT_BAD_EMS, ctx());
    const stored = await db.visits.get(visit.id);

    expect(Object.keys(stored!).sort()).toEqual(
      [
        'id', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'deletedAt',
        'siteId', 'arrivedAt', 'concernKind', 'quickSubtype', 'acute', 'outcome',
        'verbisCheck', 'digitalCheck', 'servedBy', 'handoffIds', 'ticketId', 'lbCover',
      ].sort(),
    );
  });

  it.each([
    ['a name (label)', { label: 'Erika Mustermann' }],
    ['a ticket with name and phone', { ticket: { customerName: 'Erika Mustermann', phone: '02603 123456' } }],
  ])('refuses a quick request that carries %s (strict schema) and writes nothing', async (_what, extra) => {
    db = await freshDb();
    const before = await counts(db);

    await expect(recordTriage(db, quick(extra as never), AT_BAD_EMS, ctx())).rejects.toBeInstanceOf(ValidationError);

    expect(await counts(db)).toEqual(before);
  });
});

describe('SPEC §3.2 / seed §4.4 Antragstellung: same-day hand-off to LB, acute destitution first', () => {
  it('hands an application to the LB queue, waiting from arrival', async () => {
    db = await freshDb();
    const { visit, handoffs, ticket } = await recordTriage(db, application(false, 'Herr K.'), AT_BAD_EMS, ctx());

    expect(visit.outcome).toBe('handoff-lb');
    expect(ticket).toBeNull();
    expect(handoffs).toHaveLength(1);
    expect(handoffs[0]).toMatchObject({
      target: 'LB',
      siteId: BAD_EMS,
      visitId: visit.id,
      concernKind: 'application',
      acute: false,
      label: 'Herr K.',
      status: 'waiting',
      waitingSince: THU_10.toISOString(),
      takenBy: null,
      takenAt: null,
      finishedAt: null,
    });
    expect(visit.handoffIds).toEqual([handoffs[0]!.id]);
    expect(await db.handoffs.get(handoffs[0]!.id)).toEqual(handoffs[0]);
  });

  it('flags acute destitution on the visit and on the hand-off', async () => {
    db = await freshDb();
    const { visit, handoffs } = await recordTriage(db, application(true), AT_BAD_EMS, ctx());

    expect(visit.acute).toBe(true);
    expect(handoffs.map((h) => [h.target, h.acute])).toEqual([['LB', true]]);
  });
});

describe('SPEC §3.3 / seed §4.4 Allgemeine Leistungsanliegen: same-day hand-off to LB', () => {
  it('hands a benefits concern to LB, never acute', async () => {
    db = await freshDb();
    const { visit, handoffs, ticket } = await recordTriage(db, benefits(), AT_BAD_EMS, ctx());

    expect(visit).toMatchObject({ outcome: 'handoff-lb', acute: false, quickSubtype: null });
    expect(handoffs.map((h) => [h.target, h.acute, h.concernKind])).toEqual([['LB', false, 'benefits']]);
    expect(ticket).toBeNull();
  });
});

describe('SPEC §3.4 / §5 Sonstige Anliegen: a callback ticket due in 24 working-day hours', () => {
  it('creates an open ticket created Thu 10:00 and due Fri 10:00, distributed at the own site', async () => {
    db = await freshDb();
    const { visit, handoffs, ticket } = await recordTriage(db, other(), AT_BAD_EMS, ctx());

    expect(visit.outcome).toBe('ticket-created');
    expect(handoffs).toEqual([]);
    expect(ticket).toMatchObject({
      status: 'open',
      siteId: BAD_EMS,
      distributionSiteId: BAD_EMS,
      visitId: visit.id,
      department: 'MI',
      customerName: 'Erika Mustermann',
      phone: '02603 123456',
      customerNumber: '12345BG0012345',
      preferredTimes: 'vormittags',
      dueAt: '2026-11-27T09:00:00.000Z', // Fri 27 Nov 2026, 10:00 Berlin
      deadlinePolicy: 'working-days',
      assignee: null,
      attempts: [],
      contact: null,
      closedAt: null,
      anonymisedAt: null,
    });
    expect(ticket!.ref).toMatch(/^BE-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(visit.ticketId).toBe(ticket!.id);
    expect(await db.tickets.get(ticket!.id)).toEqual(ticket);
  });

  it('SPEC §5: the clock stands still over the weekend (Fri 11:00 → Mon 11:00)', async () => {
    db = await freshDb();
    const { ticket } = await recordTriage(db, other(), AT_BAD_EMS, ctx(new Date('2026-11-27T11:00:00+01:00')));

    expect(ticket!.dueAt).toBe('2026-11-30T10:00:00.000Z');
  });

  it('SPEC §5: the "calendar" policy setting gives plain 24 hours (Fri 11:00 → Sat 11:00)', async () => {
    db = await freshDb();
    const { ticket } = await recordTriage(db, other(), { ...AT_BAD_EMS, deadlinePolicy: 'calendar' }, ctx(new Date('2026-11-27T11:00:00+01:00')));

    expect(ticket).toMatchObject({ dueAt: '2026-11-28T10:00:00.000Z', deadlinePolicy: 'calendar' });
  });

  it('seed §4.5: in LB cover the ticket goes to the distribution list of a staffed site', async () => {
    db = await freshDb();
    const { visit, ticket } = await recordTriage(db, other(), { ...AT_BAD_EMS, distributionSiteId: DIEZ, lbCover: true }, ctx());

    expect(ticket).toMatchObject({ siteId: BAD_EMS, distributionSiteId: DIEZ });
    expect(visit.lbCover).toBe(true);
  });

  it('seed §4.5: a distribution list of a site that does not exist is refused; nothing is written', async () => {
    db = await freshDb();
    const before = await snapshot(db);

    const refused = recordTriage(db, other(), { ...AT_BAD_EMS, distributionSiteId: 'nowhere', lbCover: true }, ctx());

    await expect(refused).rejects.toThrow('Der Standort für die Ticketverteilung ist unbekannt.');
    expect(await snapshot(db)).toEqual(before);
  });

  it('normalises the optional customer number and accepts none', async () => {
    db = await freshDb();
    const first = await recordTriage(db, other({ customerNumber: ' 12345 bg 0012345 ' }), AT_BAD_EMS, ctx());
    const second = await recordTriage(db, other({ customerNumber: '' }), AT_BAD_EMS, ctx());

    expect(first.ticket!.customerNumber).toBe('12345BG0012345');
    expect(second.ticket!.customerNumber).toBeNull();
  });

  it('gives every ticket its own reference', async () => {
    db = await freshDb();
    const refs = new Set<string>();
    for (let i = 0; i < 20; i++) refs.add((await recordTriage(db, other(), AT_BAD_EMS, ctx())).ticket!.ref);

    expect(refs.size).toBe(20);
  });
});

describe('SPEC §3 / seed §2.3 Terminabsprache: VerBIS need to talk → hand-off to Vermittlung at once', () => {
  it('sends a quick visitor to Vermittlung after the request is closed at the desk', async () => {
    db = await freshDb();
    const { visit, handoffs } = await recordTriage(db, quick({ verbisCheck: 'vermittlung-needed' }), AT_BAD_EMS, ctx());

    expect(visit.outcome).toBe('handoff-vermittlung');
    expect(handoffs.map((h) => [h.target, h.label])).toEqual([['VERMITTLUNG', 'Nr. 001']]);
  });

  it.each([
    ['application', application(false, 'Frau B.'), ['VERMITTLUNG', 'LB'], 'handoff-lb'],
    ['benefits', benefits('Frau B.'), ['VERMITTLUNG', 'LB'], 'handoff-lb'],
    ['other', other(), ['VERMITTLUNG'], 'ticket-created'],
  ] as const)('adds the Vermittlung hand-off to a %s concern, which is still routed as its kind demands', async (_kind, input, targets, outcome) => {
    db = await freshDb();
    const { visit, handoffs, ticket } = await recordTriage(db, { ...input, verbisCheck: 'vermittlung-needed' }, AT_BAD_EMS, ctx());

    expect(handoffs.map((h) => h.target)).toEqual(targets);
    expect(visit.outcome).toBe(outcome);
    expect(visit.handoffIds).toEqual(handoffs.map((h) => h.id));
    expect(ticket !== null).toBe(input.concernKind === 'other');
  });

  it('SPEC §3 jobcenter.digital: records the first-visit check on the visit', async () => {
    db = await freshDb();
    const { visit } = await recordTriage(db, { ...application(false), digitalCheck: 'code-handed-out' }, AT_BAD_EMS, ctx());

    expect(visit.digitalCheck).toBe('code-handed-out');
  });
});

describe('SPEC §4: call numbers "Nr. 001", "Nr. 002" … per site and Berlin day', () => {
  it('numbers the visits of a site in order; a name given by the visitor is used instead', async () => {
    db = await freshDb();
    const labels: string[] = [];
    labels.push((await recordTriage(db, benefits(), AT_BAD_EMS, ctx(later(THU_10, 0)))).handoffs[0]!.label);
    await recordTriage(db, quick(), AT_BAD_EMS, ctx(later(THU_10, 1))); // counted, not called
    labels.push((await recordTriage(db, application(true), AT_BAD_EMS, ctx(later(THU_10, 2)))).handoffs[0]!.label);
    labels.push((await recordTriage(db, benefits('Herr K.'), AT_BAD_EMS, ctx(later(THU_10, 3)))).handoffs[0]!.label);
    labels.push((await recordTriage(db, benefits('   '), AT_BAD_EMS, ctx(later(THU_10, 4)))).handoffs[0]!.label);

    expect(labels).toEqual(['Nr. 001', 'Nr. 003', 'Herr K.', 'Nr. 005']);
  });

  it('counts each site on its own', async () => {
    db = await freshDb();
    await recordTriage(db, benefits(), AT_BAD_EMS, ctx());
    const atDiez = await recordTriage(db, benefits(), { siteId: DIEZ, deadlinePolicy: 'working-days' }, ctx(later(THU_10, 1)));

    expect(atDiez.handoffs[0]!.label).toBe('Nr. 001');
  });

  it('restarts the next Berlin day, also before 01:00 Berlin when the UTC date has not changed yet', async () => {
    db = await freshDb();
    await recordTriage(db, benefits(), AT_BAD_EMS, ctx(new Date('2026-11-26T23:50:00+01:00')));
    const afterMidnight = await recordTriage(db, benefits(), AT_BAD_EMS, ctx(new Date('2026-11-27T00:10:00+01:00'))); // 23:10 UTC on the 26th
    const nextMorning = await recordTriage(db, benefits(), AT_BAD_EMS, ctx(new Date('2026-11-27T08:00:00+01:00')));

    expect([afterMidnight.handoffs[0]!.label, nextMorning.handoffs[0]!.label]).toEqual(['Nr. 001', 'Nr. 002']);
  });
});

describe('issue 6 item 6: call numbers and ticket references stay unique across the PCs of a site (desk codes)', () => {
  it('each PC counts its own numbers under its code: two desks that record at the same moment, one offline, never call the same number', async () => {
    db = await freshDb();
    const desk2 = await freshDb();
    try {
      await storeDeskCode(db, BAD_EMS, 'A');
      await storeDeskCode(desk2, BAD_EMS, 'B');
      const a1 = (await recordTriage(db, benefits(), AT_BAD_EMS, ctx(later(THU_10, 0)))).handoffs[0]!;
      const b1 = (await recordTriage(desk2, benefits(), AT_BAD_EMS, ctx(later(THU_10, 0)))).handoffs[0]!;
      // The other desk's hand-off arrives by sync; this desk's count goes on under its own code.
      await db.visits.put((await desk2.visits.get(b1.visitId))!);
      await db.handoffs.put(b1);
      const a2 = (await recordTriage(db, application(true), AT_BAD_EMS, ctx(later(THU_10, 1)))).handoffs[0]!;
      const b2 = (await recordTriage(desk2, benefits(), AT_BAD_EMS, ctx(later(THU_10, 1)))).handoffs[0]!;

      expect([a1.label, a2.label, b1.label, b2.label]).toEqual(['Nr. A 001', 'Nr. A 002', 'Nr. B 001', 'Nr. B 002']);
    } finally {
      await desk2.delete();
    }
  });

  it('a PC with a code restarts its count every Berlin day and keeps counting per site', async () => {
    db = await freshDb();
    await storeDeskCode(db, BAD_EMS, 'C');
    await recordTriage(db, benefits(), AT_BAD_EMS, ctx(new Date('2026-11-26T23:50:00+01:00')));
    const nextDay = await recordTriage(db, benefits(), AT_BAD_EMS, ctx(new Date('2026-11-27T00:10:00+01:00')));
    const atDiez = await recordTriage(db, benefits(), { siteId: DIEZ, deadlinePolicy: 'working-days' }, ctx(new Date('2026-11-27T00:20:00+01:00')));

    expect([nextDay.handoffs[0]!.label, atDiez.handoffs[0]!.label]).toEqual(['Nr. C 001', 'Nr. 001']);
  });

  it('a ticket reference starts with the PC\'s code; without a code it starts with a digit, so the two forms never meet', async () => {
    db = await freshDb();
    const without = (await recordTriage(db, other(), AT_BAD_EMS, ctx(later(THU_10, 0)))).ticket!;
    await storeDeskCode(db, BAD_EMS, 'K');
    const withCode = (await recordTriage(db, other(), AT_BAD_EMS, ctx(later(THU_10, 1)))).ticket!;

    expect(without.ref).toMatch(/^BE-[0-9][0-9A-HJKMNP-TV-Z]{5}$/);
    expect(withCode.ref).toMatch(/^BE-K[0-9A-HJKMNP-TV-Z]{5}$/);
  });

  it('an answer that is not a desk code is not stored: the PC numbers without one', async () => {
    db = await freshDb();
    await storeDeskCode(db, BAD_EMS, 'I; DROP');
    expect(await deskCodeFor(db, BAD_EMS)).toBeNull();
    expect((await recordTriage(db, benefits(), AT_BAD_EMS, ctx())).handoffs[0]!.label).toBe('Nr. 001');
  });
});

describe('Bad input: a clear German message, nothing written (SPEC §10)', () => {
  it('refuses an unknown site with NotFoundError', async () => {
    db = await freshDb();
    const before = await snapshot(db);

    const refused = recordTriage(db, other(), { siteId: 'no-such-site', deadlinePolicy: 'working-days' }, ctx());

    await expect(refused).rejects.toBeInstanceOf(NotFoundError);
    await expect(refused).rejects.toThrow('Der Standort ist unbekannt. Bitte in den Einstellungen wählen.');
    expect(await snapshot(db)).toEqual(before);
  });

  it.each([
    ['letters', 'ruf mich an', 'Die Rückrufnummer darf nur Ziffern, Leerzeichen, +, /, - und Klammern enthalten.'],
    ['too few digits', '12 34', 'Die Rückrufnummer muss 6 bis 16 Ziffern haben.'],
    ['too many digits', '0049 2603 1234 5678 90', 'Die Rückrufnummer muss 6 bis 16 Ziffern haben.'],
    ['none', '  ', 'Bitte eine Rückrufnummer angeben.'],
  ])('refuses a callback phone with %s: no visit, no ticket, no outbox row', async (_what, phone, message) => {
    db = await freshDb();
    const before = await snapshot(db);

    const refused = recordTriage(db, other({ phone }), AT_BAD_EMS, ctx());

    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toThrow(message);
    expect(await snapshot(db)).toEqual(before);
  });

  it.each([
    ['no department', { department: '' }, 'Bitte den zuständigen Fachbereich wählen.'],
    ['a too short concern', { concern: 'ab' }, 'Bitte das Anliegen kurz beschreiben (mindestens 3 Zeichen).'],
    ['no name', { customerName: ' ' }, 'Bitte den Namen der Kundin / des Kunden angeben.'],
    ['no callback times', { preferredTimes: '' }, 'Bitte angeben, wann die Kundin / der Kunde erreichbar ist.'],
    ['a malformed customer number', { customerNumber: '12-34' }, 'Kunden- oder BG-Nummer: 6 bis 20 Buchstaben und Ziffern.'],
  ])('refuses a ticket with %s and writes nothing', async (_what, ticket, message) => {
    db = await freshDb();
    const before = await snapshot(db);

    await expect(recordTriage(db, other(ticket), AT_BAD_EMS, ctx())).rejects.toThrow(message);

    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a visit without the VerBIS check', async () => {
    db = await freshDb();
    const input = { ...benefits(), verbisCheck: undefined } as never;

    await expect(recordTriage(db, input, AT_BAD_EMS, ctx())).rejects.toThrow('Bitte den letzten VerBIS-Vermerk prüfen.');
    expect(await counts(db)).toEqual({ visits: 0, handoffs: 0, tickets: 0, outbox: 0 });
  });
});
