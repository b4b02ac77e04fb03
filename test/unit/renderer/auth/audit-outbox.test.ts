import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import { recordAudit, recordAudits } from '../../../../renderer/src/auth/audit-outbox';

// No service in this test: the report to it fails, and every entry stays in the outbox.
vi.mock('../../../../renderer/src/auth/service-api', () => ({ serviceRequest: vi.fn(() => Promise.reject(new Error('offline'))) }));

/** Issue 7 item 7 on the PC: every name shown is on record – written without slowing the list down. */
describe('issue 7 item 7: the PC’s access-log outbox', () => {
  let db: AnlaufstelleDB;
  beforeEach(async () => {
    db = new AnlaufstelleDB(`test-${crypto.randomUUID()}`);
    await db.open();
  });
  afterEach(() => db.delete());

  const view = (recordId: string) => ({ action: 'view' as const, table: 'handoffs' as const, recordId, fields: ['label'], staffId: 's-anna', username: 'anna.ez', offline: false });

  it('the rows of a list that report their names in the same turn are written in one bulk write, each kept', async () => {
    const bulkAdd = vi.spyOn(db.auditOutbox, 'bulkAdd');
    // As thirty queue rows mounting together: each effect reports its own view.
    await Promise.all(Array.from({ length: 30 }, (_, i) => recordAudits(db, [view(`h-${i}`)])));
    expect(bulkAdd).toHaveBeenCalledTimes(1);
    const rows = await db.auditOutbox.toArray();
    expect(rows.map((r) => r.recordId).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `h-${i}`).sort());
    // Field names only, never a value.
    expect(rows.every((r) => r.fields.join() === 'label')).toBe(true);
  });

  it('an entry recorded later is its own write, and awaiting one means it is stored', async () => {
    await recordAudit(db, view('h-1'));
    expect(await db.auditOutbox.count()).toBe(1);
    await recordAudit(db, { ...view('h-2'), action: 'print' });
    expect((await db.auditOutbox.toArray()).map((r) => r.action).sort()).toEqual(['print', 'view']);
  });
});
