import type { ConcernKind, Department, HandoffTarget, VerbisCheck, VisitOutcome } from '../model/vocabulary';

/**
 * Kundensteuerung nach Anliegensart (seed §4.4, SPEC §3): who owns each kind of concern and what
 * the desk must record for it.
 */
export interface ConcernRoute {
  /** Prozessverantwortung as named in seed §4.4. */
  owner: 'EZ' | 'LB' | 'ALL';
  ownerLabel: string;
  /** What the desk records beyond the two checks every visit gets. */
  records: 'quick-subtype' | 'handoff-label' | 'ticket';
  /** Whether the desk may ask for personal data at all. */
  personalData: boolean;
}

export const CONCERN_ROUTES: Record<ConcernKind, ConcernRoute> = {
  // §4.4: "ohne Einschaltung des relevanten Fachbereichs … abschließend an der Anlaufstelle bearbeitet"
  quick: { owner: 'EZ', ownerLabel: 'Eingangszone / Anlaufstelle', records: 'quick-subtype', personalData: false },
  // §4.4: "i.d.R. taggleich eine persönliche Weiterleitung … in den Leistungsbereich"
  application: { owner: 'LB', ownerLabel: 'Leistungsbereich', records: 'handoff-label', personalData: true },
  benefits: { owner: 'LB', ownerLabel: 'Leistungsbereich', records: 'handoff-label', personalData: true },
  // §4.4: "der zuständige Fachbereich über ein Ticket informiert"
  other: { owner: 'ALL', ownerLabel: 'Alle Fachbereiche', records: 'ticket', personalData: true },
};

export interface RoutingDecision {
  outcome: VisitOutcome;
  handoffs: { target: HandoffTarget; acute: boolean }[];
  createsTicket: boolean;
  ticketDepartment?: Department;
}

/**
 * Where a triaged visit goes. The VerBIS check comes first: if Vermittlung needs to talk, the
 * visitor is sent there at once (seed §2.3 "Terminabsprache": "unmittelbar zu kontaktieren"),
 * and the concern itself is still routed as its kind demands.
 */
export function routeVisit(kind: ConcernKind, acute: boolean, verbisCheck: VerbisCheck): RoutingDecision {
  const handoffs: RoutingDecision['handoffs'] = [];
  if (verbisCheck === 'vermittlung-needed') handoffs.push({ target: 'VERMITTLUNG', acute: false });

  switch (kind) {
    case 'quick':
      return {
        // The quick request itself is closed at the desk; the visitor then goes to Vermittlung.
        outcome: handoffs.length > 0 ? 'handoff-vermittlung' : 'closed-at-desk',
        handoffs,
        createsTicket: false,
      };
    case 'application':
      // SPEC §3: acute destitution goes to the front of the queue ("unmittelbar").
      return { outcome: 'handoff-lb', handoffs: [...handoffs, { target: 'LB', acute }], createsTicket: false };
    case 'benefits':
      return { outcome: 'handoff-lb', handoffs: [...handoffs, { target: 'LB', acute: false }], createsTicket: false };
    case 'other':
      return { outcome: 'ticket-created', handoffs, createsTicket: true };
  }
}
