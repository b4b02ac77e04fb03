import { useDeskMode } from '../features/staffing/desk-mode';

/**
 * A slot above every screen for app-wide states the desk must see. Now: LB cover mode (seed §4.5
 * "Aufgaben im Vertretungsfall", issue #3 item 7) – "die App zeigt der vertretenen Anlaufstelle,
 * was sie nicht tun soll" (SPEC §6). Empty while there is nothing to show.
 *
 * role="status": a desk that switches into cover mode (a decision accepted elsewhere) hears it;
 * the text says in words what is different, not only the colour.
 */
export function AppStatusBanner() {
  const mode = useDeskMode();
  if (!mode.lbCover) return null;
  return (
    <div className="warning-box app-status-banner" role="status" aria-label="Vertretungsmodus der Anlaufstelle">
      <p>
        <strong>
          {mode.distributionSiteName
            ? `Vertretung durch den Leistungsbereich – Ticketverteilung und Neukundenanlage übernimmt die Eingangszone in ${mode.distributionSiteName}. Bitte hier nur Anliegen klären und Kunden steuern.`
            : 'Vertretung durch den Leistungsbereich – heute ist keine andere Eingangszone besetzt: Ticketverteilung und Neukundenanlage bleiben für die Eingangszone liegen. Bitte hier nur Anliegen klären und Kunden steuern.'}
        </strong>
      </p>
      {mode.coveredByNames.length > 0 && <p>Am Platz aus dem Leistungsbereich: {mode.coveredByNames.join(', ')}.</p>}
    </div>
  );
}
