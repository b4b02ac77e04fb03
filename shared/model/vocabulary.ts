/**
 * The domain vocabulary: code identifiers (English) and their German UI labels, in one place
 * so the glossary of SPEC §1 holds everywhere (the full table: docs/glossary.md).
 */

/** SPEC §3 / seed §4.4 "Kundensteuerung nach Anliegensart". */
export const CONCERN_KINDS = ['quick', 'application', 'benefits', 'other'] as const;
export type ConcernKind = (typeof CONCERN_KINDS)[number];

export const CONCERN_LABELS: Record<ConcernKind, string> = {
  quick: 'Schnellanliegen',
  application: 'Antragstellung / akute Mittellosigkeit',
  benefits: 'Allgemeine Leistungsanliegen',
  other: 'Sonstige Anliegen',
};

/** Seed §4.4 "Schnellanliegen": Abgabe von Unterlagen, Aushändigung Flyer, Identitätsprüfung, … */
export const QUICK_SUBTYPES = ['documents', 'flyer', 'identity', 'change', 'status', 'misc'] as const;
export type QuickSubtype = (typeof QUICK_SUBTYPES)[number];

export const QUICK_SUBTYPE_LABELS: Record<QuickSubtype, string> = {
  documents: 'Unterlagen abgegeben',
  flyer: 'Flyer ausgehändigt',
  identity: 'Identitätsprüfung',
  change: 'Veränderung angezeigt',
  status: 'Auskunft zum Bearbeitungsstand',
  misc: 'Sonstiges Schnellanliegen',
};

/** Fachbereiche (SPEC §1). */
export const DEPARTMENTS = ['LB', 'MI', 'FM', 'EZ'] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const DEPARTMENT_LABELS: Record<Department, string> = {
  LB: 'Leistungsbereich',
  MI: 'Markt & Integration (Vermittlung)',
  FM: 'Fallmanagement',
  EZ: 'Eingangszone / Kundenbüro',
};

/**
 * SPEC §8 and the staffing issue: a person may hold several roles. DSB (Datenschutzbeauftragte/r,
 * issue 7 item 5) reads the access log and works no case.
 */
export const ROLES = ['EZ', 'LB', 'VERMITTLUNG', 'FM', 'TL_EZ', 'TL_LB', 'GF', 'ADMIN', 'DSB'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  EZ: 'Eingangszone',
  LB: 'Leistungsbereich',
  VERMITTLUNG: 'Vermittlung',
  FM: 'Standortverantwortliche/r Fallmanager/in',
  TL_EZ: 'Teamleitung Eingangszone',
  TL_LB: 'Teamleitung Leistung',
  GF: 'Geschäftsführung',
  ADMIN: 'Administration',
  DSB: 'Datenschutzbeauftragte/r',
};

/**
 * The Fachbereich whose team a role works in (issue 6 item 2: a ticket given to a team reaches its
 * members). Team leads belong to their team; FM (standortverantwortliche/r Fallmanager/in) to
 * Fallmanagement; GF and ADMIN to none.
 */
export const ROLE_DEPARTMENT: Partial<Record<Role, Department>> = {
  EZ: 'EZ',
  TL_EZ: 'EZ',
  LB: 'LB',
  TL_LB: 'LB',
  VERMITTLUNG: 'MI',
  FM: 'FM',
};

export function departmentsOf(roles: readonly Role[]): Department[] {
  return [...new Set(roles.flatMap((r) => (ROLE_DEPARTMENT[r] ? [ROLE_DEPARTMENT[r]] : [])))];
}

/** "Eingangszone, Leistungsbereich": a person's roles in full German words, never as codes. */
export function rolesText(roles: readonly Role[]): string {
  return roles.map((r) => ROLE_LABELS[r]).join(', ');
}

/** "Ines Klein (Teamleitung Eingangszone)": a person as pickers and "Sie entscheiden als …" name them. */
export function personWithRoles(person: { name: string; roles: readonly Role[] }): string {
  return `${person.name} (${rolesText(person.roles)})`;
}

/** What became of a visit at the desk (SPEC §4). */
export const VISIT_OUTCOMES = ['closed-at-desk', 'handoff-lb', 'handoff-vermittlung', 'ticket-created'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

export const VISIT_OUTCOME_LABELS: Record<VisitOutcome, string> = {
  'closed-at-desk': 'An der Anlaufstelle abgeschlossen',
  'handoff-lb': 'An den Leistungsbereich weitergeleitet',
  'handoff-vermittlung': 'An die Vermittlung weitergeleitet',
  'ticket-created': 'Ticket angelegt',
};

/** SPEC §3 "Last VerBIS note" (seed §2.3 "Terminabsprache"). */
export const VERBIS_CHECKS = ['no-need', 'vermittlung-needed'] as const;
export type VerbisCheck = (typeof VERBIS_CHECKS)[number];

/** SPEC §3 "jobcenter.digital" (seed §4.2). */
export const DIGITAL_CHECKS = ['not-first-visit', 'code-handed-out', 'digital-application'] as const;
export type DigitalCheck = (typeof DIGITAL_CHECKS)[number];

export const DIGITAL_CHECK_LABELS: Record<DigitalCheck, string> = {
  'not-first-visit': 'Keine Erstvorsprache',
  'code-handed-out': 'Erstvorsprache: Freischaltcode und Infobroschüre ausgehändigt',
  'digital-application': 'Erstvorsprache: Antrag über digitalen Hauptantrag – kein Code nötig',
};

export const HANDOFF_TARGETS = ['LB', 'VERMITTLUNG'] as const;
export type HandoffTarget = (typeof HANDOFF_TARGETS)[number];

export const HANDOFF_STATUSES = ['waiting', 'in-service', 'done'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

/** SPEC §5 lifecycle. */
export const TICKET_STATUSES = ['open', 'assigned', 'contacted', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  open: 'Offen',
  assigned: 'Verteilt',
  contacted: 'Kontakt erfolgt',
  closed: 'Abgeschlossen',
};

export const APPOINTMENT_FORMS = ['in-person', 'video', 'phone'] as const;
export type AppointmentForm = (typeof APPOINTMENT_FORMS)[number];

export const APPOINTMENT_FORM_LABELS: Record<AppointmentForm, string> = {
  'in-person': 'Persönlich',
  video: 'Video',
  phone: 'Telefon',
};
