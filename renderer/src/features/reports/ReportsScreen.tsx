import { useSwitchPersonHint } from '../../auth/auth';
import { useEffect, useId, useRef, useState } from 'react';
import { XLSX_MIME, type ReportPrint } from '@shared/bridge/contract';
import { berlinDate } from '@shared/domain/calendar';
import type { Role } from '@shared/model';
import { exportFileName, tableToCsv, tablesToXlsx, toBase64 } from '@shared/reports/export';
import { nextPeriod, PERIOD_KIND_LABELS, PERIOD_KINDS, periodContaining, previousPeriod, rangePeriod, type Period, type PeriodKind } from '@shared/reports/period';
import { displayCell, type ReportTable } from '@shared/reports/table';
import { getDb } from '../../db/db';
import { REPORT_READERS } from '../../app/report-days';
import { onCountedWrite } from '../../db/report-days';
import { formatTime } from '../../lib/format';
import { loadReport, type LoadedReport } from '../../db/repositories/reports';
import { INITIAL_FOCUS } from '../../lib/keyboard';
import { useNow } from '../../lib/use-now';
import { platform } from '../../platform';
import { announce } from '../../state/announcer';
import { useDeskStaff, useSites } from '../../state/session';
import { printChart } from './chart-model';
import { ReportTableView } from './ReportTableView';
import './reports.css';

/** Issue 8 item 1: the site leads, the team leads, the management (and ADMIN) see the figures. */
const READERS = REPORT_READERS;
/** Who looks at all four sites by default; a site's FM starts with their own site. */
const JOBCENTER_WIDE: readonly Role[] = ['TL_EZ', 'TL_LB', 'GF', 'ADMIN'];

type Loaded = { ok: true; value: LoadedReport } | { ok: false; error: string };

/**
 * "Auswertungen" (issue 8): a period (day … year, or a free range), one or several sites, the
 * comparison with the period before; every figure as a table with its definition, exported as CSV
 * or XLSX, the whole report printed or saved as PDF through the platform bridge. Computed from this
 * PC's replica (shared/reports, repositories/reports.ts) – counts and durations only.
 */
export function ReportsScreen() {
  const switchHint = useSwitchPersonHint();
  const me = useDeskStaff();
  const sites = useSites();
  const now = useNow(60_000);
  const today = berlinDate(now);
  const id = useId();
  const [kind, setKind] = useState<PeriodKind>('week');
  const [anchor, setAnchor] = useState(today);
  const [range, setRange] = useState({ from: today, to: today });
  const [chosenSites, setChosenSites] = useState<string[] | null>(null);
  const [compare, setCompare] = useState(true);

  const mayRead = me !== null && me.roles.some((r) => READERS.includes(r));
  const defaultSites = me && me.roles.some((r) => JOBCENTER_WIDE.includes(r)) ? sites.map((s) => s.id) : me ? [me.homeSiteId] : [];
  const siteIds = chosenSites ?? defaultSites;
  const chosenPeriod: { ok: true; period: Period } | { ok: false; error: string } =
    kind === 'range' ? rangePeriod(range.from, range.to) : { ok: true, period: periodContaining(kind, anchor) };
  const query = chosenPeriod.ok && siteIds.length > 0 && mayRead ? { period: chosenPeriod.period, siteIds, compare, now } : null;

  // Computed when the question changes (or on "Neu berechnen"), not on every write: a year of four
  // sites takes seconds (npm run bench), and a lead's PC receives writes from every desk.
  const [round, setRound] = useState(0);
  const key = `${JSON.stringify(query && { ...query, now: undefined })}#${round}`;
  // The answer belongs to the question it was computed for: a stale one is never shown.
  const [answer, setAnswer] = useState<{ key: string; result: Loaded; at: Date; seen: number } | null>(null);
  const loaded = answer?.key === key ? answer.result : null;
  // Writes after the figures were computed – at this desk or from other PCs through the sync
  // service: the screen says so instead of changing the figures under the reader's eyes.
  // Writes counted since start (those touching what the report counts); an answer remembers how
  // many it had seen when its counting started – a write during the counting may be missing from it.
  const writes = useRef(0);
  const [writeCount, setWriteCount] = useState(0);
  const newerData = answer !== null && writeCount > answer.seen;
  // The sites and days the figures on screen count (the period and, compared, the one before).
  const counted = useRef<{ siteIds: ReadonlySet<string>; from: string; to: string } | null>(null);
  useEffect(
    () =>
      onCountedWrite((days) => {
        const c = counted.current;
        if (!c) return;
        const touches = (k: string) => {
          const cut = k.lastIndexOf('|');
          const date = k.slice(cut + 1);
          return c.siteIds.has(k.slice(0, cut)) && date >= c.from && date <= c.to;
        };
        if (days === 'all' || [...days].some(touches)) setWriteCount((writes.current += 1));
      }),
    [],
  );
  useEffect(() => {
    if (!query) return;
    let current = true;
    const asked = new Date();
    const seen = writes.current;
    counted.current = { siteIds: new Set(query.siteIds), from: query.compare ? previousPeriod(query.period).from : query.period.from, to: query.period.to };
    loadReport(getDb(), { ...query, now: asked }).then(
      (value) => {
        if (!current) return;
        setAnswer({ key, result: { ok: true, value }, at: asked, seen });
      },
      (error: unknown) => current && setAnswer({ key, result: { ok: false, error: error instanceof Error ? error.message : String(error) }, at: asked, seen }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the query
  }, [key]);

  if (!mayRead) {
    return (
      <>
        <h1>Auswertungen</h1>
        <p className="notice">
          Die Auswertungen sehen die standortverantwortlichen Fallmanager/innen, die Teamleitungen, die Geschäftsführung und die
          Administration.{' '}
          {switchHint.standalone ? (
            <>
              Die Person am Platz wählen Sie in den Einstellungen (<kbd>Alt+0</kbd>).
            </>
          ) : (
            switchHint.sentence
          )}
        </p>
      </>
    );
  }

  const report = loaded?.ok ? loaded.value : null;
  const allTables: ReportTable[] = report ? [...(report.comparison ? [report.comparison] : []), ...report.report.sections.flatMap((s) => s.tables)] : [];
  const meta = report ? { title: report.report.title, periodLabel: report.report.periodLabel, siteNames: report.report.siteNames, createdAt: new Date() } : null;

  const moveAnchor = (step: 'back' | 'on') => {
    if (kind === 'range' || !chosenPeriod.ok) return;
    const p = step === 'back' ? previousPeriod(chosenPeriod.period) : nextPeriod(chosenPeriod.period);
    setAnchor(p.from);
  };

  async function exportTables(tables: ReportTable[], format: 'csv' | 'xlsx', name: string): Promise<void> {
    if (!meta || !chosenPeriod.ok) return;
    const file =
      format === 'csv'
        ? { suggestedName: exportFileName(name, chosenPeriod.period.from, 'csv'), content: tableToCsv(tables[0]!), mimeType: 'text/csv' as const }
        : { suggestedName: exportFileName(name, chosenPeriod.period.from, 'xlsx'), content: toBase64(await tablesToXlsx(tables, meta)), mimeType: XLSX_MIME };
    const result = await platform.saveFile(file);
    if (!result.ok) announce(result.error, 'warning');
    else if (result.value.saved) announce(`${file.suggestedName} gespeichert.`, 'success');
  }

  async function print(): Promise<void> {
    if (!meta) return;
    const printable: ReportPrint = {
      title: meta.title,
      periodLabel: meta.periodLabel,
      siteNames: meta.siteNames,
      createdAt: meta.createdAt.toISOString(),
      tables: allTables.map((t) => ({
        title: t.title,
        definition: t.definition,
        ...(printChart(t) ? { chart: printChart(t) } : {}),
        columns: t.columns.map((c) => c.label),
        rows: t.rows.map((row) => row.map((cell, i) => displayCell(t.columns[i]!.kind, cell))),
      })),
    };
    const result = await platform.printReport(printable);
    announce(result.ok ? 'Der Bericht ist an den Drucker gegeben (dort auch „Als PDF speichern“).' : result.error, result.ok ? 'success' : 'warning');
  }

  const toggleSite = (siteId: string, on: boolean) =>
    setChosenSites(on ? [...new Set([...siteIds, siteId])] : siteIds.filter((s) => s !== siteId));

  return (
    <section className="reports" aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`}>Auswertungen</h1>
      <form className="report-controls" aria-label="Zeitraum und Standorte" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-kind`}>Zeitraum</label>
          <select id={`${id}-kind`} {...INITIAL_FOCUS} value={kind} onChange={(e) => setKind(e.target.value as PeriodKind)}>
            {PERIOD_KINDS.map((k) => (
              <option key={k} value={k}>
                {PERIOD_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        {kind === 'range' ? (
          <>
            <div className="field">
              <label htmlFor={`${id}-from`}>Von</label>
              <input id={`${id}-from`} type="date" value={range.from} onChange={(e) => setRange({ ...range, from: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-to`}>Bis</label>
              <input id={`${id}-to`} type="date" value={range.to} onChange={(e) => setRange({ ...range, to: e.target.value })} />
            </div>
          </>
        ) : (
          <div className="field">
            <label htmlFor={`${id}-anchor`}>Tag im Zeitraum</label>
            <input id={`${id}-anchor`} type="date" value={anchor} onChange={(e) => e.target.value && setAnchor(e.target.value)} />
          </div>
        )}
        {kind !== 'range' && (
          <div className="field report-steps">
            <span aria-hidden="true">&nbsp;</span>
            <span>
              <button type="button" onClick={() => moveAnchor('back')}>
                ‹ Davor
              </button>{' '}
              <button type="button" onClick={() => moveAnchor('on')}>
                Danach ›
              </button>
            </span>
          </div>
        )}
        <fieldset className="report-sites">
          <legend>Standorte</legend>
          {sites.map((s) => (
            <label key={s.id} className="checkbox-inline">
              <input type="checkbox" checked={siteIds.includes(s.id)} onChange={(e) => toggleSite(s.id, e.target.checked)} /> {s.name}
            </label>
          ))}
        </fieldset>
        <div className="field checkbox">
          <input id={`${id}-compare`} type="checkbox" checked={compare} onChange={(e) => setCompare(e.target.checked)} />
          <label htmlFor={`${id}-compare`}>Mit der Vorperiode vergleichen</label>
        </div>
      </form>

      {!chosenPeriod.ok && (
        <p className="error" role="alert">
          {chosenPeriod.error}
        </p>
      )}
      {siteIds.length === 0 && (
        <p className="error" role="alert">
          Bitte mindestens einen Standort wählen.
        </p>
      )}
      {loaded && !loaded.ok && (
        <p className="error" role="alert">
          {loaded.error}
        </p>
      )}
      <p role="status" className="report-status">
        {query === null
          ? ''
          : !report
            ? 'Die Auswertung wird berechnet …'
            : `${report.report.periodLabel} · ${report.report.siteNames.join(', ')} · Stand ${formatTime(answer!.at)} Uhr · nur Anzahlen und Dauern, keine personenbezogenen Daten`}
      </p>
      {report && newerData && (
        <p className="notice report-newer" role="status">
          Seit {formatTime(answer!.at)} Uhr sind neue Vorsprachen, Weiterleitungen oder Tickets eingegangen. „Neu berechnen“ zeigt sie.
        </p>
      )}

      {report && (
        <>
          <p className="report-actions">
            <button type="button" onClick={() => setRound((r) => r + 1)}>
              Neu berechnen
            </button>{' '}
            <button type="button" onClick={() => void print()}>
              Drucken / PDF
            </button>{' '}
            <button type="button" onClick={() => void exportTables(allTables, 'xlsx', 'alle-tabellen')}>
              Alle Tabellen als Excel-Datei
            </button>
          </p>
          {report.comparison && <ReportTableView table={report.comparison} onExport={(t, f) => void exportTables([t], f, t.id)} />}
          {report.report.sections.map((section) => (
            <section key={section.id} className="report-section" aria-labelledby={`${id}-${section.id}`}>
              <h2 id={`${id}-${section.id}`}>{section.title}</h2>
              {section.tables.map((t) => (
                <ReportTableView key={t.id} table={t} onExport={(table, f) => void exportTables([table], f, table.id)} />
              ))}
            </section>
          ))}
        </>
      )}
    </section>
  );
}
