import { addDays, berlinDate } from '@shared/domain/calendar';
import type { Role } from '@shared/model';
import type { AnlaufstelleDB } from '../db/db';
import { onCountedWrite } from '../db/report-days';
import { prepareReportDays } from '../db/repositories/reports';

/** Who reads the Auswertungen (issue 8 item 1) – only their PCs keep the aggregates ready. */
export const REPORT_READERS: readonly Role[] = ['FM', 'TL_EZ', 'TL_LB', 'GF', 'ADMIN'];

/** A year and the year before it: the longest period and its comparison. */
export const KEEP_DAYS = 2 * 366;

export interface ReportDaysKeeperOptions {
  /** Whether the person at this PC reads the Auswertungen (checked at every round). */
  isReader: () => boolean;
  now?: () => Date;
  /** First round after start: after the first paint, after the first sync round has pulled. */
  firstAfterMs?: number;
  /** A round after writes to past days, once they have calmed down. */
  afterWritesMs?: number;
  /** Pause between two runs of days: the desk's own writes go first. */
  pauseMs?: number;
}

/**
 * Keeps the Auswertungen's daily aggregates (report-days.ts) made before anyone asks: on a team
 * lead's PC, shortly after start every site-day of the last two years, and after writes to past
 * days (a late PC's visits, an anonymisation) the days they dropped. So the first report of a year
 * is as quick as the next one. Returns a function that stops it.
 */
export function keepReportDays(db: AnlaufstelleDB, options: ReportDaysKeeperOptions): () => void {
  const now = options.now ?? (() => new Date());
  const pauseMs = options.pauseMs ?? 50;
  let stopped = false;
  let running = false;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const halted = new Error('stopped');
  // Between two runs of days; a stopped keeper ends its round there.
  const pause = async () => {
    await new Promise<void>((resolve) => setTimeout(resolve, pauseMs));
    if (stopped) throw halted;
  };

  async function round(): Promise<void> {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        if (stopped || !options.isReader()) return;
        const today = berlinDate(now());
        await prepareReportDays(db, { from: addDays(today, -KEEP_DAYS), to: addDays(today, -1) }, now(), pause);
      } while (again && !stopped);
    } catch (error) {
      if (error === halted) return;
      console.error('Auswertungen: Tageszahlen konnten nicht vorbereitet werden', error);
    } finally {
      running = false;
    }
  }

  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void round();
    }, ms);
  };
  schedule(options.firstAfterMs ?? 15_000);
  // Only writes to past days drop stored days; today's are made at each report anyway.
  const off = onCountedWrite((days) => {
    const today = berlinDate(now());
    if (days === 'all' || [...days].some((k) => k.slice(k.lastIndexOf('|') + 1) < today)) schedule(options.afterWritesMs ?? 10_000);
  });
  return () => {
    stopped = true;
    off();
    if (timer) clearTimeout(timer);
  };
}
