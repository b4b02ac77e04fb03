import { berlinDate } from '@shared/domain/calendar';
import { useNow } from '../../lib/use-now';
import { AbsencesView } from './AbsencesView';
import { BoardView } from './BoardView';
import { DirectoryView } from './DirectoryView';
import { RosterView } from './RosterView';
import { SessionsView } from './SessionsView';
import { parseStaffingRoute } from './staffing-routes';
import './staffing.css';

/**
 * "Besetzung" (issue #3, SPEC §6, seed §4.5): desk staffing and Vertretung across the four sites.
 * Each part has its own address (#/besetzung/<view>/…, staffing-routes.ts), so the browser's
 * history, the inbox links and a reload land on the same view.
 */
export function StaffingScreen({ params }: { params: string[] }) {
  // Minute resolution: the board's "vorbei" and the absence rule's "today" move with the clock.
  const now = useNow(60_000);
  const today = berlinDate(now);
  const route = parseStaffingRoute(params);
  switch (route.view) {
    case 'uebersicht':
      return <BoardView week={route.week} session={route.session} today={today} now={now} />;
    case 'plan':
      return <RosterView week={route.week} session={route.session} today={today} />;
    case 'abwesenheiten':
      return <AbsencesView today={today} now={now} />;
    case 'personal':
      return <DirectoryView staffId={route.staffId} />;
    case 'oeffnungszeiten':
      return <SessionsView today={today} />;
  }
}
