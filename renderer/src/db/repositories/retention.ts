import { coverNoteCutoffDate, retentionCutoff } from '@shared/domain/retention';
import type { Absence, CoverDecision, InboxMessage } from '@shared/model';
import type { AnlaufstelleDB } from '../db';
import { checkContext, checkRetentionDays, logChange, stampUpdate, sweepInBatches, SWEEP_BATCH, type WriteContext } from './base';

/**
 * The retention sweeps of staffing records (issue 10 item 13; rules in shared/domain/retention.ts,
 * table in ARCHITECTURE.md). Like the ticket and hand-off sweeps they walk the sparse
 * 'retentionStart' index (schema version 4) up to the cutoff – only the due rows – in small
 * batches, and anonymising takes a row off that index (db/retention-index.ts).
 * Demo rows are anonymised like the others but never put in the outbox (local-only, demo.ts).
 */

/** Absences: the reason and note (health data of staff) go; who was absent when stays for the roster. */
export async function anonymiseAbsenceReasons(db: AnlaufstelleDB, retentionDays: number, ctx: WriteContext): Promise<number> {
  checkContext(ctx);
  const cutoff = retentionCutoff(ctx.now, checkRetentionDays(retentionDays));
  return sweepInBatches(() =>
    db.transaction('rw', [db.absences, db.outbox], async () => {
      const due = await db.absences.where('retentionStart').below(cutoff).limit(SWEEP_BATCH).toArray();
      const anonymised = due.map((a): Absence => stampUpdate({ ...a, reason: 'other', note: '', anonymisedAt: ctx.now.toISOString() }, ctx));
      await db.absences.bulkPut(anonymised);
      for (const a of anonymised) if (a.demo !== true) await logChange(db, 'absences', a.id, 'put', ctx);
      return anonymised.length;
    }),
  );
}

export const REMOVED_MESSAGE_TITLE = 'Nachricht nach Ablauf der Aufbewahrungsfrist entfernt';

/** Inbox messages: emptied and tombstoned – a notice about a session long past is of no use. */
export async function removeOldInboxMessages(db: AnlaufstelleDB, retentionDays: number, ctx: WriteContext): Promise<number> {
  checkContext(ctx);
  const cutoff = retentionCutoff(ctx.now, checkRetentionDays(retentionDays));
  return sweepInBatches(() =>
    db.transaction('rw', [db.inbox, db.outbox], async () => {
      const due = await db.inbox.where('retentionStart').below(cutoff).limit(SWEEP_BATCH).toArray();
      const at = ctx.now.toISOString();
      const removed = due.map((m): InboxMessage => {
        const emptied: InboxMessage = { ...m, title: REMOVED_MESSAGE_TITLE, body: '', refs: {}, anonymisedAt: at, deletedAt: m.deletedAt ?? at };
        // What a request asked and who settled it name colleagues ("entschieden von …", the proposed
        // stand-in); the addressee is a person too. None of it outlives the message – and an ask
        // nobody answered would otherwise stay in the '*openAsks' index for good.
        delete emptied.asks;
        delete emptied.openAsks;
        delete emptied.recipientStaffId;
        return stampUpdate(emptied, ctx);
      });
      await db.inbox.bulkPut(removed);
      for (const m of removed) if (m.demo !== true) await logChange(db, 'inbox', m.id, 'put', ctx);
      return removed.length;
    }),
  );
}

/**
 * Cover decisions: the decider's note goes once the session it is about lies the period back; who
 * decided what for which session stays (the roster and the figures rest on it). Reads the decisions
 * of sessions before the cutoff through the 'date' index and rewrites only those with a note.
 */
export async function clearOldCoverNotes(db: AnlaufstelleDB, retentionDays: number, ctx: WriteContext): Promise<number> {
  checkContext(ctx);
  const cutoff = coverNoteCutoffDate(ctx.now, checkRetentionDays(retentionDays));
  return sweepInBatches(() =>
    db.transaction('rw', [db.coverDecisions, db.outbox], async () => {
      const due = await db.coverDecisions
        .where('date')
        .below(cutoff)
        .filter((d) => d.note !== '')
        .limit(SWEEP_BATCH)
        .toArray();
      const cleared = due.map((d): CoverDecision => stampUpdate({ ...d, note: '' }, ctx));
      await db.coverDecisions.bulkPut(cleared);
      for (const d of cleared) if (d.demo !== true) await logChange(db, 'coverDecisions', d.id, 'put', ctx);
      return cleared.length;
    }),
  );
}
