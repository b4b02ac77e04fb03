import { STATUS_ICONS, STATUS_LABELS } from './board-labels';

/** What the states mean (issue #3 item 5); the same symbol and pattern as in the grid, plus words. */
export function BoardLegend() {
  return (
    <details className="board-legend">
      <summary>Zeichenerklärung</summary>
      <dl>
        <div className="board-cell status-covered">
          <dt>
            <span aria-hidden="true">{STATUS_ICONS.covered}</span> {STATUS_LABELS.covered}
          </dt>
          <dd>Die Mindestbesetzung ist anwesend.</dd>
        </div>
        <div className="board-cell status-at-risk">
          <dt>
            <span aria-hidden="true">{STATUS_ICONS['at-risk']}</span> {STATUS_LABELS['at-risk']}
          </dt>
          <dd>Es fehlt jemand; ein Vorschlag zur Vertretung wartet auf die Entscheidung (schräg gestreift).</dd>
        </div>
        <div className="board-cell status-uncovered">
          <dt>
            <span aria-hidden="true">{STATUS_ICONS.uncovered}</span> {STATUS_LABELS.uncovered}
          </dt>
          <dd>Keine (vollständige) Vertretung möglich – die Geschäftsführung entscheidet (kariert).</dd>
        </div>
        <div className="board-cell status-closed">
          <dt>
            <span aria-hidden="true">{STATUS_ICONS.closed}</span> {STATUS_LABELS.closed}
          </dt>
          <dd>Feiertag oder Schließtag – keine Öffnungszeit.</dd>
        </div>
      </dl>
    </details>
  );
}
