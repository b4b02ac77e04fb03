import type { Site } from '@shared/model';
import { DEPARTMENT_LABELS, DEPARTMENTS } from '@shared/model';
import { ASSIGNED_FILTER_LABELS, DUE_FILTER_LABELS, STATUS_FILTER_LABELS, type AssignedFilter, type DueFilter, type StatusFilter } from './ticket-table-model';
import { useTicketList, type TicketListFilters } from './ticket-list-state';
import { SiteOptions } from '../../ui/SiteOptions';

const STATUS_OPTIONS: StatusFilter[] = ['active', 'open', 'assigned', 'contacted', 'closed', 'all'];
const DUE_OPTIONS: DueFilter[] = ['all', 'overdue', 'due-soon', 'due-today'];
const ASSIGNED_OPTIONS: AssignedFilter[] = ['all', 'mine'];

/** Labelled selects (WCAG 1.3.1 / 3.3.2): status, due bucket, department, assignment, site, and a text search. */
export function TicketFilterBar({ sites, siteValue }: { sites: Site[]; siteValue: string }) {
  const filters = useTicketList((s) => s.filters);
  const setFilter = useTicketList((s) => s.setFilter);
  const reset = useTicketList((s) => s.reset);
  const set =
    <K extends keyof TicketListFilters>(key: K) =>
    (e: { target: { value: string } }) =>
      setFilter(key, e.target.value as TicketListFilters[K]);

  return (
    <form className="ticket-filters" role="search" aria-label="Tickets filtern" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor="tf-status">Status</label>
        <select id="tf-status" value={filters.status} onChange={set('status')}>
          {STATUS_OPTIONS.map((s) => (
            <option key={s} value={s}>
              {STATUS_FILTER_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="tf-due">Fälligkeit</label>
        <select id="tf-due" value={filters.due} onChange={set('due')}>
          {DUE_OPTIONS.map((d) => (
            <option key={d} value={d}>
              {DUE_FILTER_LABELS[d]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="tf-department">Fachbereich</label>
        <select id="tf-department" value={filters.department} onChange={set('department')}>
          <option value="all">Alle Fachbereiche</option>
          {DEPARTMENTS.map((d) => (
            <option key={d} value={d}>
              {DEPARTMENT_LABELS[d]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="tf-assigned">Zuständig</label>
        <select id="tf-assigned" value={filters.assigned ?? 'all'} onChange={set('assigned')}>
          {ASSIGNED_OPTIONS.map((a) => (
            <option key={a} value={a}>
              {ASSIGNED_FILTER_LABELS[a]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="tf-site">Standort (Verteilliste)</label>
        <select id="tf-site" value={siteValue} onChange={set('siteId')}>
          <option value="all">Alle Standorte</option>
          <SiteOptions sites={sites} />
        </select>
      </div>
      <div className="field">
        <label htmlFor="tf-text">Suche (Vorgang oder Name)</label>
        <input id="tf-text" type="search" value={filters.text} onChange={set('text')} autoComplete="off" />
      </div>
      <div className="field ticket-filters-reset">
        <button type="button" onClick={reset}>
          Filter zurücksetzen
        </button>
      </div>
    </form>
  );
}
