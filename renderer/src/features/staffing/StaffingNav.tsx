import { hrefTo } from '../../app/router';
import { STAFFING_VIEWS, STAFFING_VIEW_LABELS, staffingSegments, type StaffingView } from './staffing-routes';

/** The five parts of "Besetzung" (issue #3 items 1–5), as links: each is its own address. */
export function StaffingNav({ current }: { current: StaffingView }) {
  return (
    <nav aria-label="Bereiche der Besetzung" className="staffing-nav">
      <ul>
        {STAFFING_VIEWS.map((view) => {
          const segments =
            view === 'uebersicht' || view === 'plan'
              ? staffingSegments({ view, week: undefined, session: null })
              : view === 'personal'
                ? staffingSegments({ view, staffId: null })
                : staffingSegments({ view });
          return (
            <li key={view}>
              <a href={hrefTo(...segments)} aria-current={view === current ? 'page' : undefined}>
                {STAFFING_VIEW_LABELS[view]}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
