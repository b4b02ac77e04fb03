import type { BoardCell, BoardStatus } from '@shared/domain/coverage';
import { COVER_SOURCE_LABELS, personWithRoles, ROLE_LABELS, type Role } from '@shared/model';

/**
 * Words and symbols of the coverage board (issue #3 item 5: "covered / at risk / uncovered, with the
 * reason"). Status is always written out and carries its own symbol; colour and the cell pattern
 * only repeat it (WCAG 1.4.1, never colour alone).
 */

export const STATUS_LABELS: Record<BoardStatus, string> = {
  covered: 'Besetzt',
  'at-risk': 'Gefährdet',
  uncovered: 'Nicht besetzt',
  closed: 'Geschlossen',
};

/** Text symbols, readable in any font and in high-contrast mode; hidden from screen readers (the label says it). */
export const STATUS_ICONS: Record<BoardStatus, string> = {
  covered: '✓',
  'at-risk': '!',
  uncovered: '✕',
  closed: '–',
};

/** Short role names for tight places (the board cell); the full ROLE_LABELS in the detail. */
export const ROLE_SHORT: Record<Role, string> = {
  EZ: 'EZ',
  LB: 'LB',
  VERMITTLUNG: 'Vermittlung',
  FM: 'FM',
  TL_EZ: 'TL Eingangszone',
  TL_LB: 'TL Leistung',
  GF: 'GF',
  ADMIN: 'Admin',
  DSB: 'DSB',
};

/** "Entscheidet: Teamleitung Eingangszone" – the FM is the site's (seed §4.5 Standortverantwortung FM). */
export function deciderText(decidedBy: Role, siteName: string): string {
  return decidedBy === 'FM' ? `${ROLE_LABELS.FM} ${siteName}` : ROLE_LABELS[decidedBy];
}

/** The one or two lines a board cell shows under its status. */
export function cellSummary(cell: BoardCell): string {
  if (cell.status === 'closed') return cell.reason.replace(/ – keine Öffnungszeit\.$/, '');
  const present = cell.desk.filter((d) => d.absence === null).map((d) => d.name);
  const absent = cell.desk.filter((d) => d.absence !== null).map((d) => `${d.name} fehlt`);
  const desk = [...present, ...absent].join(', ') || (cell.planned ? 'niemand eingeteilt' : 'noch nicht eingeteilt');
  if (cell.status === 'covered') return desk;
  const first = cell.proposals[0];
  if (cell.status === 'at-risk' && first) {
    return `${desk}. Vorschlag: ${first.name} (${COVER_SOURCE_LABELS[first.source]}), entscheidet ${ROLE_SHORT[first.decidedBy]}`;
  }
  return `${desk}. Geschäftsführung entscheidet`;
}

/** "Ines Klein (Teamleitung Eingangszone)" – who acts at this PC (issue #3 item 6). */
export function actorText(person: { name: string; roles: readonly Role[] } | null): string {
  if (!person) return 'niemand gewählt';
  return personWithRoles(person);
}
