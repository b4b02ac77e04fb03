import { CONCERN_KINDS, CONCERN_LABELS, VISIT_OUTCOMES, VISIT_OUTCOME_LABELS } from '@shared/model';
import type { DayFigures } from './today-figures';
import { ScrollRegion } from '../../ui/ScrollRegion';

/** Today's visits by Anliegensart (seed §4.4) as cards, and what became of them as a table. */
export function VisitFigures({ figures }: { figures: DayFigures | null }) {
  if (figures === null) return <p aria-busy="true">Zahlen werden geladen …</p>;
  return (
    <>
      <dl className="cards today-kinds">
        <div className="card today-total">
          <dt>Vorsprachen gesamt</dt>
          <dd className="stat">{figures.total}</dd>
        </div>
        {CONCERN_KINDS.map((kind) => (
          <div key={kind} className="card" data-kind={kind}>
            <dt>{CONCERN_LABELS[kind]}</dt>
            <dd className="stat">{figures.byKind[kind]}</dd>
            {kind === 'application' && <dd className="hint">davon akut mittellos: {figures.acute}</dd>}
          </div>
        ))}
      </dl>
      <ScrollRegion label="Ergebnis der heutigen Vorsprachen">
      <table className="today-outcomes">
        <caption>Ergebnis der heutigen Vorsprachen</caption>
        <thead>
          <tr>
            <th scope="col">Ergebnis</th>
            <th scope="col" className="num">
              Anzahl
            </th>
          </tr>
        </thead>
        <tbody>
          {VISIT_OUTCOMES.map((o) => (
            <tr key={o}>
              <th scope="row">{VISIT_OUTCOME_LABELS[o]}</th>
              <td className="num">{figures.byOutcome[o]}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">Mit Weiterleitung an die Vermittlung (VerBIS-Vermerk)</th>
            <td className="num">{figures.vermittlung}</td>
          </tr>
          <tr>
            <th scope="row">Freischaltcodes für jobcenter.digital ausgehändigt</th>
            <td className="num">{figures.digitalCodes}</td>
          </tr>
        </tbody>
      </table>
      </ScrollRegion>
    </>
  );
}
