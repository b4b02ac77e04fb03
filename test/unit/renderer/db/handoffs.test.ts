// Before Dexie loads: it takes the global indexedDB when its module is evaluated.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import { NotFoundError, ValidationError } from '../../../../renderer/src/db/repositories/base';
import { finishHandoff, openHandoffs, takeHandoff, undoFinishHandoff } from '../../../../renderer/src/db/repositories/handoffs';
import { recordTriage } from '../../../../renderer/src/db/repositories/visits';
import { AT_BAD_EMS, DIEZ, LB_CLERK, THU_10, application, benefits, ctx, freshDb, later, snapshot } from './fixture';

let db: AnlaufstelleDB;
afterEach(async () => {
  await db?.delete();
});

async function handOff(input: Parameters<typeof recordTriage>[1], minutes: number, siteId = AT_BAD_EMS.siteId) {
  const { handoffs } = await recordTriage(db, input, { ...AT_BAD_EMS, siteId }, ctx(later(THU_10, minutes)));
  return handoffs[0]!;
}

describe('SPEC §4 / seed §4.4: the hand-off queue – acute destitution first, then the longest waiting', () => {
  it('orders acute before all others, each group oldest first', async () => {
    db = await freshDb();
    const b1 = await handOff(benefits('B1'), 0);
    const a1 = await handOff(application(false, 'A1'), 5);
    const acuteLate = await handOff(application(true, 'akut spät'), 20);
    const b2 = await handOff(benefits('B2'), 10);
    const acuteEarly = await handOff(application(true, 'akut früh'), 15);

    const queue = await openHandoffs(db, AT_BAD_EMS.siteId);

    expect(queue.map((h) => h.label)).toEqual([acuteEarly, acuteLate, b1, a1, b2].map((h) => h.label));
  });

  it('shows only the own site, and keeps a visitor in service in the list until finished', async () => {
    db = await freshDb();
    const waiting = await handOff(benefits('wartet'), 0);
    const inService = await handOff(benefits('in Beratung'), 1);
    const done = await handOff(benefits('fertig'), 2);
    await handOff(benefits('Diez'), 3, DIEZ);
    await takeHandoff(db, inService.id, ctx(later(THU_10, 4), LB_CLERK));
    await takeHandoff(db, done.id, ctx(later(THU_10, 4), LB_CLERK));
    await finishHandoff(db, done.id, ctx(later(THU_10, 5), LB_CLERK));

    const queue = await openHandoffs(db, AT_BAD_EMS.siteId);

    expect(queue.map((h) => [h.label, h.status])).toEqual([
      [waiting.label, 'waiting'],
      [inService.label, 'in-service'],
    ]);
  });

  it('LB takes a visitor over: in service, by whom and when (the waiting time ends here)', async () => {
    db = await freshDb();
    const h = await handOff(benefits(), 0);

    const taken = await takeHandoff(db, h.id, ctx(later(THU_10, 12), LB_CLERK));

    expect(taken).toMatchObject({ status: 'in-service', takenBy: LB_CLERK, takenAt: later(THU_10, 12).toISOString(), finishedAt: null });
    expect(await db.handoffs.get(h.id)).toEqual(taken);
  });

  it('finishing records the end and keeps who took the visitor over and when', async () => {
    db = await freshDb();
    const taken = await handOff(benefits('a'), 0);
    await takeHandoff(db, taken.id, ctx(later(THU_10, 10), LB_CLERK));

    const finished = await finishHandoff(db, taken.id, ctx(later(THU_10, 30), 'other-lb'));

    expect(finished).toMatchObject({ status: 'done', takenBy: LB_CLERK, takenAt: later(THU_10, 10).toISOString(), finishedAt: later(THU_10, 30).toISOString() });
  });

  it('issue 10 item 1: a waiting visitor is never closed in one step – refused in German, nothing written', async () => {
    db = await freshDb();
    const waiting = await handOff(benefits('Nr. 003'), 0);
    const before = await snapshot(db);

    const direct = finishHandoff(db, waiting.id, ctx(later(THU_10, 5), LB_CLERK));

    await expect(direct).rejects.toBeInstanceOf(ValidationError);
    await expect(direct).rejects.toThrow('Nr. 003 wartet noch – bitte zuerst übernehmen, dann abschließen.');
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses taking a visitor twice with a German message and writes nothing', async () => {
    db = await freshDb();
    const h = await handOff(benefits(), 0);
    await takeHandoff(db, h.id, ctx(later(THU_10, 2), LB_CLERK));
    const before = await snapshot(db);

    const second = takeHandoff(db, h.id, ctx(later(THU_10, 3), 'someone-else'));

    await expect(second).rejects.toBeInstanceOf(ValidationError);
    await expect(second).rejects.toThrow('Diese Person wurde bereits übernommen.');
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses finishing twice and taking a finished visitor, writing nothing', async () => {
    db = await freshDb();
    const h = await handOff(benefits(), 0);
    await takeHandoff(db, h.id, ctx(later(THU_10, 1), LB_CLERK));
    await finishHandoff(db, h.id, ctx(later(THU_10, 2), LB_CLERK));
    const before = await snapshot(db);

    await expect(finishHandoff(db, h.id, ctx(later(THU_10, 3)))).rejects.toThrow('Diese Weiterleitung ist bereits abgeschlossen.');
    await expect(takeHandoff(db, h.id, ctx(later(THU_10, 3)))).rejects.toThrow('Diese Person wurde bereits übernommen.');
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses an unknown hand-off with NotFoundError', async () => {
    db = await freshDb();

    await expect(takeHandoff(db, 'no-such-id', ctx())).rejects.toBeInstanceOf(NotFoundError);
    await expect(finishHandoff(db, 'no-such-id', ctx())).rejects.toThrow('Diese Weiterleitung gibt es nicht mehr.');
  });
});

describe('issue 10 item 1: closing a hand-off can be undone for a short while, through the write path', () => {
  const at = (minutes: number, seconds = 0) => new Date(later(THU_10, minutes).getTime() + seconds * 1000);

  async function closed(label = 'Nr. 002') {
    const h = await handOff(benefits(label), 0);
    await takeHandoff(db, h.id, ctx(at(5), LB_CLERK));
    return finishHandoff(db, h.id, ctx(at(20), LB_CLERK));
  }

  it('undo within the window puts the visitor back "In Bearbeitung" with the same clerk, and logs an outbox row', async () => {
    db = await freshDb();
    const finished = await closed();
    const outboxBefore = await db.outbox.count();

    const reopened = await undoFinishHandoff(db, finished, ctx(at(20, 10), LB_CLERK));

    expect(reopened).toMatchObject({ status: 'in-service', takenBy: LB_CLERK, takenAt: at(5).toISOString(), finishedAt: null, updatedAt: at(20, 10).toISOString() });
    expect(reopened).not.toHaveProperty('retentionStart');
    expect(await db.handoffs.get(finished.id)).toEqual(reopened);
    expect((await openHandoffs(db, AT_BAD_EMS.siteId)).map((h) => h.status)).toEqual(['in-service']);
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(outboxBefore + 1);
    expect(outbox.filter((row) => row.at === at(20, 10).toISOString())).toEqual([
      expect.objectContaining({ table: 'handoffs', recordId: finished.id, op: 'put', by: LB_CLERK }),
    ]);
  });

  it('refuses an undo after the window in German and writes nothing', async () => {
    db = await freshDb();
    const finished = await closed();
    const before = await snapshot(db);

    const late = undoFinishHandoff(db, finished, ctx(at(20, 11), LB_CLERK));

    await expect(late).rejects.toBeInstanceOf(ValidationError);
    await expect(late).rejects.toThrow('Zu spät: Rückgängig geht nur 10 Sekunden lang nach dem Abschließen. Nr. 002 bleibt abgeschlossen.');
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses an undo when the hand-off changed since the close (or is open again) and writes nothing', async () => {
    db = await freshDb();
    const finished = await closed();
    // Undone once already: a second undo of the same close finds the visitor open again.
    await undoFinishHandoff(db, finished, ctx(at(20, 2), LB_CLERK));
    const reclosed = await finishHandoff(db, finished.id, ctx(at(20, 4), LB_CLERK));
    const before = await snapshot(db);

    await expect(undoFinishHandoff(db, finished, ctx(at(20, 5), LB_CLERK))).rejects.toThrow(
      'Nr. 002 wurde seit dem Abschließen geändert – der Abschluss kann nicht mehr rückgängig gemacht werden.',
    );
    expect(await snapshot(db)).toEqual(before);

    await undoFinishHandoff(db, reclosed, ctx(at(20, 6), LB_CLERK));
    await expect(undoFinishHandoff(db, reclosed, ctx(at(20, 7), LB_CLERK))).rejects.toThrow(
      'Nr. 002 ist nicht abgeschlossen – es gibt nichts rückgängig zu machen.',
    );
  });

  it('only whoever closed may take the close back (a backward step is an intent of its own, ARCHITECTURE "Hand-off states")', async () => {
    db = await freshDb();
    const finished = await closed();
    const before = await snapshot(db);

    await expect(undoFinishHandoff(db, finished, ctx(at(20, 3), 'someone-else'))).rejects.toThrow(
      'Nr. 002 wurde von jemand anderem abgeschlossen – nur wer abgeschlossen hat, kann es rückgängig machen.',
    );
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses an undo of a hand-off that no longer exists', async () => {
    db = await freshDb();

    await expect(undoFinishHandoff(db, { id: 'no-such-id', updatedAt: THU_10.toISOString() }, ctx())).rejects.toBeInstanceOf(NotFoundError);
  });
});
