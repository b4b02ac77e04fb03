import { useLiveQuery } from 'dexie-react-hooks';
import { formatSessionDate } from '@shared/domain/desk-sessions';
import { getDb } from '../../db/db';
import { groupSessionsOf, sessionGapOf } from '../../db/repositories/new-customers';
import { useSites } from '../../state/session';

/**
 * Seed §1.2 "spätestens alle 14 Tage" on the site leads' board (issue 9 item 5): every site
 * without a group session for new customers in the next 14 days, with its next date if any.
 */
export function GroupSessionFlags({ today }: { today: string }) {
  const sites = useSites();
  const gaps = useLiveQuery(
    async () => {
      const out: { name: string; next: string | null }[] = [];
      for (const site of sites) {
        const gap = sessionGapOf(await groupSessionsOf(getDb(), site.id, today), today);
        if (!gap.ok) out.push({ name: site.name, next: gap.next });
      }
      return out;
    },
    [sites, today],
  );
  if (!gaps || gaps.length === 0) return null;
  return (
    <p className="warning-box group-session-flags">
      Gruppeninformation für Neukunden (GA §1.2: spätestens alle 14 Tage) – in den nächsten 14 Tagen ohne Termin:{' '}
      {gaps.map((g) => `${g.name}${g.next ? ` (nächster Termin ${formatSessionDate(g.next)})` : ''}`).join(', ')}. Termine legen die Standorte in den „Neukunden“ an.
    </p>
  );
}
