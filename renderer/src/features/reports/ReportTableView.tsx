import { lazy, Suspense, useId } from 'react';
import { displayCell, type ReportTable } from '@shared/reports/table';
import { chartModel } from './chart-model';

/** recharts (~400 kB) is loaded with the first chart, not with the app's start bundle. */
const ReportChart = lazy(() => import('./ReportChart').then((m) => ({ default: m.ReportChart })));

/**
 * One figure table of the Auswertungen (issue 8): its title, its definition one keystroke away (a
 * disclosure: Tab to it, Enter), for four tables a chart of the same figures (ReportChart), the
 * table itself – row headers for the first column, figures right-aligned, "–" for "no figure" – and
 * its exports.
 */
export function ReportTableView({ table, onExport }: { table: ReportTable; onExport: (table: ReportTable, format: 'csv' | 'xlsx') => void }) {
  const id = useId();
  return (
    <section className="report-table" aria-labelledby={`${id}-h`} data-table-id={table.id}>
      <h3 id={`${id}-h`}>{table.title}</h3>
      <details className="report-definition">
        <summary>Definition: was gezählt wird</summary>
        <p>{table.definition}</p>
      </details>
      <div className="report-table-body">
        {chartModel(table) && (
          <Suspense fallback={null}>
            <ReportChart table={table} />
          </Suspense>
        )}
        {/* Wide tables scroll sideways; focusable, so the arrow keys scroll them (WCAG 2.1.1). */}
        <div className="report-table-scroll" tabIndex={0} role="region" aria-label={`${table.title}, Tabelle`}>
          <table aria-labelledby={`${id}-h`}>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c.label} scope="col" className={c.kind === 'text' ? undefined : 'num'}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row">
                        {displayCell(table.columns[i]!.kind, cell)}
                      </th>
                    ) : (
                      <td key={i} className={table.columns[i]!.kind === 'text' ? undefined : 'num'}>
                        {displayCell(table.columns[i]!.kind, cell)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <p className="report-exports">
        <button type="button" onClick={() => onExport(table, 'csv')} aria-label={`${table.title} als CSV speichern`}>
          CSV
        </button>{' '}
        <button type="button" onClick={() => onExport(table, 'xlsx')} aria-label={`${table.title} als Excel-Datei speichern`}>
          Excel
        </button>
      </p>
    </section>
  );
}
