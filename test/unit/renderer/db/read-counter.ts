import type { AnlaufstelleDB } from '../../../../renderer/src/db/db';

/**
 * Counts the rows a database hands out per table (query results and cursor steps), to prove that
 * a job walks an index of the rows it acts on instead of a whole table. Dexie takes middleware
 * only when a database opens, so the database is reopened with the counter installed.
 */
export async function countRowsRead(db: AnlaufstelleDB): Promise<Record<string, number>> {
  const reads: Record<string, number> = {};
  const add = (table: string, n: number) => {
    reads[table] = (reads[table] ?? 0) + n;
  };
  db.close({ disableAutoOpen: false });
  db.use({
    stack: 'dbcore',
    name: 'count-rows-read',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          query: async (req) => {
            const res = await table.query(req);
            add(name, res.result.length);
            return res;
          },
          openCursor: async (req) => {
            const cursor = await table.openCursor(req);
            if (!cursor) return cursor;
            return Object.create(cursor, {
              start: {
                value: (onNext: () => void) =>
                  cursor.start(() => {
                    add(name, 1);
                    onNext();
                  }),
              },
            });
          },
        };
      },
    }),
  });
  await db.open();
  return reads;
}

/** Forgets what was counted so far. */
export function resetCounts(reads: Record<string, number>): void {
  for (const key of Object.keys(reads)) delete reads[key];
}
