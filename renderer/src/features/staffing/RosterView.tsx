import { useId, useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { addDays } from '@shared/domain/calendar';
import { absenceCoversSession, weekDates } from '@shared/domain/desk-sessions';
import type { Absence } from '@shared/model';
import { getDb } from '../../db/db';
import { absencesBetween } from '../../db/repositories/absences';
import { rosterWeek, type RosterSession } from '../../db/repositories/roster';
import { useCurrentSite, useSites, useStaff } from '../../state/session';
import type { GridPos } from './grid-nav';
import { SessionEditor } from './SessionEditor';
import { slotGrid } from './slot-grid';
import { StaffingGrid } from './StaffingGrid';
import { StaffingNav } from './StaffingNav';
import { sessionKeyOf, type SessionKeyParts } from './staffing-routes';
import { useSlotSelection } from './use-slot-selection';
import { useStaffingWeek } from './use-staffing-week';
import { shortDate } from './week';
import { WeekNav } from './WeekNav';

interface Props {
  week: string | undefined;
  session: SessionKeyParts | null;
  today: string;
}

const slotOf = (s: RosterSession) => ({ siteId: s.siteId, date: s.date, start: s.start });
const NO_ABSENCES: Absence[] = [];

/**
 * The desk roster (issue #3 item 3): who staffs which desk in each opening session of a week,
 * drafted from the EZ clerks' weekday patterns when the week is opened and edited by keyboard –
 * arrow keys to a session, Enter opens its editor (assign, replace, remove).
 */
export function RosterView({ week, session, today }: Props) {
  const ids = { keys: useId() };
  const { weekStart, toWeek, toSession } = useStaffingWeek('plan', week, session, today);
  const sessions = useLiveQuery(() => rosterWeek(getDb(), weekStart), [weekStart]);
  const absences = useLiveQuery(() => absencesBetween(getDb(), weekStart, addDays(weekStart, 6)), [weekStart]) ?? NO_ABSENCES;
  const sites = useSites();
  const staff = useStaff();
  const site = useCurrentSite();
  const grid = useMemo(() => (sessions ? slotGrid(weekDates(weekStart), sites, sessions, slotOf) : null), [sessions, sites, weekStart]);
  const { pos, setActive, openPos, openItem, gridRef } = useSlotSelection(grid, session, site?.id ?? null, today);
  const nameOf = (id: string) => staff.find((p) => p.id === id)?.name ?? 'Unbekannt';
  const absent = (s: RosterSession, staffId: string) =>
    absences.some((a) => a.staffId === staffId && absenceCoversSession(a, s.date, s.start, s.end));

  function open(p: GridPos) {
    const s = grid?.rows[p.row]?.cells[p.col];
    setActive(p);
    if (s) toSession({ siteId: s.siteId, date: s.date, sessionStart: s.start });
  }
  function close() {
    toSession(null);
    gridRef.current?.focusActive();
  }

  return (
    <div className="staffing-screen roster-view">
      <h1>Besetzung – Besetzungsplan</h1>
      <StaffingNav current="plan" />
      <p className="hint">
        Entwurf aus den Arbeitstagen der Eingangszone, sobald eine Woche geöffnet wird; von Hand geänderte Öffnungszeiten bleiben, wie sie sind.
      </p>
      <WeekNav weekStart={weekStart} today={today} onWeek={toWeek} />
      <p id={ids.keys} className="hint">
        <kbd>←</kbd> <kbd>→</kbd> <kbd>↑</kbd> <kbd>↓</kbd> Öffnungszeit wählen · <kbd>Enter</kbd> einteilen, ersetzen, entfernen · <kbd>Bild↑</kbd>{' '}
        <kbd>Bild↓</kbd> Woche · <kbd>H</kbd> diese Woche
      </p>
      {!grid ? (
        <p aria-busy="true">Besetzungsplan wird geladen …</p>
      ) : grid.columns.length === 0 ? (
        <p className="notice">In dieser Woche hat kein Standort eine Öffnungszeit.</p>
      ) : (
        <StaffingGrid
          ref={gridRef}
          label="Besetzungsplan der Anlaufstellen"
          describedBy={ids.keys}
          grid={grid}
          active={pos}
          openPos={openPos}
          onActiveChange={setActive}
          onOpen={open}
          cellClass={(s) => `roster-cell${s?.closed ? ' status-closed' : ''}`}
          renderCell={(s) =>
            !s ? (
              <span className="cell-empty">keine Öffnungszeit</span>
            ) : s.closed ? (
              <span className="cell-summary">{s.closed}</span>
            ) : s.shifts.length === 0 ? (
              <span className="cell-summary">niemand eingeteilt</span>
            ) : (
              <span className="cell-names">
                {s.shifts.map((x) => (
                  <span key={x.id} className="cell-name">
                    {nameOf(x.staffId)}
                    {x.source === 'cover' ? ' (Vertretung)' : x.source === 'manual' ? ' (manuell)' : ''}
                    {absent(s, x.staffId) ? ' – fehlt' : ''}
                  </span>
                ))}
              </span>
            )
          }
        />
      )}
      {grid && grid.daysWithout.length > 0 && (
        <p className="hint">Ohne Öffnungszeit in dieser Woche: {grid.daysWithout.map(shortDate).join(', ')}</p>
      )}
      {session && openItem && <SessionEditor key={sessionKeyOf(session)} session={openItem} absences={absences} onClose={close} />}
    </div>
  );
}
