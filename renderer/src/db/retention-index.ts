import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { absenceRetentionStart, inboxRetentionStart, ticketRetentionStart } from '@shared/domain/retention';
import type { Absence, CallbackTicket, InboxMessage } from '@shared/model';

/**
 * Issue 10 item 13: every record with personal data carries `retentionStart` – when its retention
 * period started, by the rule of shared/domain/retention.ts – for as long as it holds personal
 * data. The sparse 'retentionStart' indexes (schema versions 3 and 4) then list exactly what the
 * sweep (app/retention.ts) may have to anonymise.
 *
 * Kept here, below every write, not at each write site: a new write path (a repository function,
 * the demo seed, a future sync apply) cannot forget it, and a write to a ticket – any write –
 * restarts the period of a ticket that is still being worked on. Hand-offs keep their own
 * explicit start (handoffs.ts: set when finished).
 */
const RULES: Readonly<Record<string, (row: never) => string | undefined>> = {
  tickets: (t: CallbackTicket) => ticketRetentionStart(t),
  absences: (a: Absence) => absenceRetentionStart(a),
  inbox: (m: InboxMessage) => inboxRetentionStart(m),
};

export function withRetentionStart<T extends object>(table: string, row: T): T {
  const rule = RULES[table];
  if (rule === undefined) return row;
  const start = rule(row as never);
  const current = (row as { retentionStart?: string }).retentionStart;
  if (start === current) return row;
  const next = { ...row } as T & { retentionStart?: string };
  if (start === undefined) delete next.retentionStart;
  else next.retentionStart = start;
  return next;
}

function mutateWithStart(table: DBCoreTable, req: DBCoreMutateRequest): DBCoreMutateRequest {
  if (req.type !== 'add' && req.type !== 'put') return req;
  return { ...req, values: req.values.map((v: object) => withRetentionStart(table.name, v)) };
}

export const retentionIndexMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'retentionStart',
  create: (down: DBCore) => ({
    ...down,
    table: (name: string) => {
      const table = down.table(name);
      if (RULES[name] === undefined) return table;
      return { ...table, mutate: (req: DBCoreMutateRequest) => table.mutate(mutateWithStart(table, req)) };
    },
  }),
};
