import { routeVisit } from '@shared/domain/routing';
import type { ConcernKind, DigitalCheck, QuickSubtype, VerbisCheck } from '@shared/model';
import { DEPARTMENT_LABELS, DIGITAL_CHECK_LABELS, QUICK_SUBTYPE_LABELS } from '@shared/model';
import type { TriageResult } from '../../db/repositories/visits';
import { formatDeadline } from '../../lib/format';
import { asSentences } from '../../state/announcer';

/** One line of what happened (or will happen) to a visit, with a tone that is also said in words. */
export interface OutcomeLine {
  text: string;
  tone: 'success' | 'warning' | 'info';
}

/** SPEC §3 / seed §3.3, §4.2: digital channels come first when documents are handed in. */
export const UPLOAD_REMINDER =
  'Digitaler Eingang hat Vorrang: Bitte auf die Upload-Seite (www.jobcenter-rhein-lahn.de), jobcenter.digital und die Jobcenter-App hinweisen.';

/** Seed §2.3 "Terminabsprache": the Vermittlungsfachkraft is to be contacted at once. */
export const VERMITTLUNG_CALL = 'Vermittlungsfachkraft jetzt kontaktieren – unmittelbar eine Kurzberatung ermöglichen.';

/**
 * SPEC §3: acute destitution goes to the Leistungsbereich "immediately" – that hand-off comes
 * first; the Vermittlungsfachkraft (seed §2.3) is contacted afterwards or at the same time.
 */
export const VERMITTLUNG_CALL_AFTER_ACUTE =
  'Vermittlungsfachkraft im Anschluss oder zeitgleich kontaktieren – die akute Mittellosigkeit geht vor.';

/** Seed §4.2: a first visit gets the activation code and the leaflet, unless filed digitally. */
export const FIRST_VISIT_HINT = 'Erstvorsprache: Freischaltcode für jobcenter.digital (OIAM) und Infobroschüre aushändigen.';

/** The confirmation after saving: what the clerk tells the visitor and what to do next. */
export function describeResult(result: TriageResult): OutcomeLine[] {
  const { visit, handoffs, ticket } = result;
  const lines: OutcomeLine[] = [];

  if (visit.concernKind === 'quick' && visit.quickSubtype) {
    lines.push({
      text: `Schnellanliegen „${QUICK_SUBTYPE_LABELS[visit.quickSubtype]}“ an der Anlaufstelle abgeschlossen.`,
      tone: 'success',
    });
  }
  // Vermittlung first: seed §2.3 asks for it "unmittelbar", before the concern is dealt with –
  // except acute destitution, which SPEC §3 sends to LB "immediately": then LB leads.
  const acute = handoffs.some((x) => x.target === 'LB' && x.acute);
  const lbLines: OutcomeLine[] = handoffs
    .filter((x) => x.target === 'LB')
    .map((h) => ({
      text: `An den Leistungsbereich weitergeleitet – ${h.label}${h.acute ? ' – akute Mittellosigkeit: steht vorn in der Warteschlange' : ''}`,
      tone: h.acute ? 'warning' : 'success',
    }));
  const vermittlungLines: OutcomeLine[] = handoffs
    .filter((x) => x.target === 'VERMITTLUNG')
    .flatMap((h) => [
      { text: `An die Vermittlung weitergeleitet – ${h.label}`, tone: 'success' as const },
      { text: acute ? VERMITTLUNG_CALL_AFTER_ACUTE : VERMITTLUNG_CALL, tone: 'warning' as const },
    ]);
  lines.push(...(acute ? [...lbLines, ...vermittlungLines] : [...vermittlungLines, ...lbLines]));
  if (ticket) {
    lines.push({ text: `Ticket ${ticket.ref} angelegt – Rückruf bis ${formatDeadline(ticket.dueAt)}`, tone: 'success' });
    lines.push({ text: `Zuständig: ${DEPARTMENT_LABELS[ticket.department]}`, tone: 'info' });
  }
  if (result.newCustomer) {
    const elsewhere = result.newCustomer.siteId !== result.newCustomer.recordedAtSiteId;
    lines.push({
      text: elsewhere
        ? 'Neukunde auf die Neukunden-Liste des besetzten Standorts übergeben (Vertretung durch den Leistungsbereich) – die Eingangszone dort erledigt die Schritte.'
        : 'Neukunde in die Neukunden-Liste aufgenommen – STEP, VerBIS, Meldung an die Vermittlung und Einladung zur Gruppeninformation heute erledigen.',
      tone: elsewhere ? 'warning' : 'info',
    });
  }
  if (visit.quickSubtype === 'documents') lines.push({ text: UPLOAD_REMINDER, tone: 'info' });
  if (visit.digitalCheck !== 'not-first-visit') lines.push({ text: `${DIGITAL_CHECK_LABELS[visit.digitalCheck]} – vermerkt.`, tone: 'info' });
  return lines;
}

/**
 * The toast after saving: the first two lines of the confirmation, each its own sentence – the
 * acute line and the Vermittlung call must not run together (issue 10 item 8).
 */
export function resultAnnouncement(result: TriageResult): string {
  return asSentences(
    describeResult(result)
      .map((l) => l.text)
      .slice(0, 2),
  );
}

/** Before saving: what Enter will do, so the clerk can still go back (Esc). */
export function previewRoute(
  kind: ConcernKind,
  acute: boolean,
  verbisCheck: VerbisCheck | null,
  quickSubtype: QuickSubtype | null,
  digitalCheck: DigitalCheck | null,
): OutcomeLine[] {
  const route = routeVisit(kind, acute, verbisCheck ?? 'no-need');
  const lines: OutcomeLine[] = [];
  if (kind === 'quick' && quickSubtype) {
    lines.push({ text: `Schnellanliegen „${QUICK_SUBTYPE_LABELS[quickSubtype]}“ wird an der Anlaufstelle abgeschlossen.`, tone: 'info' });
  }
  // SPEC §3: an acute LB hand-off leads; else Vermittlung first (seed §2.3), as in describeResult.
  const acuteFirst = route.handoffs.some((h) => h.target === 'LB' && h.acute);
  const ordered = acuteFirst ? [...route.handoffs].sort((a, b) => Number(b.target === 'LB') - Number(a.target === 'LB')) : route.handoffs;
  for (const h of ordered) {
    if (h.target === 'VERMITTLUNG') {
      lines.push({ text: `Weiterleitung an die Vermittlung. ${acuteFirst ? VERMITTLUNG_CALL_AFTER_ACUTE : VERMITTLUNG_CALL}`, tone: 'warning' });
    } else {
      lines.push({ text: `Weiterleitung an den Leistungsbereich${h.acute ? ' – sofort, akute Mittellosigkeit' : ''}.`, tone: h.acute ? 'warning' : 'info' });
    }
  }
  if (route.createsTicket) lines.push({ text: 'Ein Rückruf-Ticket wird angelegt.', tone: 'info' });
  if (digitalCheck === 'code-handed-out') lines.push({ text: FIRST_VISIT_HINT, tone: 'info' });
  return lines;
}
