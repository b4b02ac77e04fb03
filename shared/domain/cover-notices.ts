import type { InboxRefs } from '../model/staffing';
import { COVER_SOURCE_LABELS } from '../model/staffing';
import type { Role } from '../model/vocabulary';
import { ROLE_LABELS } from '../model/vocabulary';
import { deciderRecipient, informRecipients, type BoardCell, type CellProposal, type Recipient } from './coverage';
import { formatSessionDate } from './desk-sessions';

/**
 * The texts of the role inbox (issue #3 item 6: "The roles to be informed get it in an in-app
 * inbox, and as an OS notification"). Pure: the repositories store what this returns.
 *
 * - Accepted cover → every role the proposal names to inform (seed §4.5: "ist die jeweils
 *   zuständige Teamleitung Leistung so früh wie möglich zu informieren").
 * - A gap that needs a decision → the decider of each pending proposal and, already now, the
 *   roles to inform of it ("so früh wie möglich": TL Leistung hears of LB cover when it is proposed,
 *   the lending site's FM of a cross-site loan). A session nobody can staff → GF, who decides, plus
 *   TL Eingangszone ("Gesamtverantwortlich für die Anlaufstellen") and the site's FM.
 */

export interface NoticeDraft {
  recipientRole: Role;
  siteId: string | null;
  title: string;
  body: string;
  refs: InboxRefs;
}

const sessionLabel = (cell: Pick<BoardCell, 'date' | 'sessionStart' | 'sessionEnd'>) =>
  `${formatSessionDate(cell.date)}, ${cell.sessionStart}–${cell.sessionEnd}`;

const absentNames = (cell: BoardCell) =>
  cell.desk.filter((d) => d.absence !== null).map((d) => d.name);

/** Messages for an accepted proposal, one per recipient. */
export function acceptedNotices(
  cell: BoardCell,
  proposal: CellProposal,
  deciderName: string,
  extraRefs: InboxRefs = {},
): NoticeDraft[] {
  const missing = absentNames(cell);
  const lines = [
    `${sessionLabel(cell)}: ${proposal.name} (${COVER_SOURCE_LABELS[proposal.source]}, ${proposal.homeSiteName}) ` +
      `besetzt die Anlaufstelle ${cell.siteName}${missing.length > 0 ? ` für ${missing.join(', ')}` : ''}.`,
    `Entschieden von ${deciderName} (${ROLE_LABELS[proposal.decidedBy]}).`,
  ];
  if (proposal.source === 'lb-same-site') {
    lines.push(
      'Die Teamleitung Leistung koordiniert die Vertretung. Ticketverteilung und Neukundenanlage übernimmt die Eingangszone eines besetzten Standorts (GA §4.5).',
    );
  }
  const refs: InboxRefs = { siteId: cell.siteId, date: cell.date, sessionStart: cell.sessionStart, staffId: proposal.staffId, ...extraRefs };
  return informRecipients(cell.siteId, proposal).map((r) => ({
    recipientRole: r.role,
    siteId: r.siteId,
    title: `Vertretung an der Anlaufstelle ${cell.siteName}`,
    body: lines.join(' '),
    refs,
  }));
}

type LineKind = 'decide' | 'know' | 'escalation';

/**
 * Messages for the open gaps among `cells` (past sessions and covered ones are skipped), one per
 * recipient, each listing its sessions. `cause` opens the body (e.g. "Abwesenheit von …"); the refs
 * point at the first session listed, plus `extraRefs` (e.g. the absence).
 */
export function pendingNotices(cells: readonly BoardCell[], cause: string, extraRefs: InboxRefs = {}): NoticeDraft[] {
  const byRecipient = new Map<string, { r: Recipient; lines: { kind: LineKind; text: string }[]; first: BoardCell }>();
  const add = (r: Recipient, kind: LineKind, text: string, cell: BoardCell) => {
    const key = `${r.role}|${r.siteId}`;
    const entry = byRecipient.get(key) ?? { r, lines: [], first: cell };
    if (!entry.lines.some((l) => l.text === text)) entry.lines.push({ kind, text });
    byRecipient.set(key, entry);
  };
  for (const cell of cells) {
    if (cell.past || (cell.status !== 'at-risk' && cell.status !== 'uncovered')) continue;
    const where = `${cell.siteName}, ${sessionLabel(cell)}`;
    for (const p of cell.proposals) {
      const text = `${where}: Vorschlag ${p.name} (${COVER_SOURCE_LABELS[p.source]}) – entscheidet ${ROLE_LABELS[p.decidedBy]}.`;
      const decider = deciderRecipient(cell.siteId, p);
      add(decider, 'decide', text, cell);
      for (const r of informRecipients(cell.siteId, p)) {
        if (r.role !== decider.role || r.siteId !== decider.siteId) add(r, 'know', text, cell);
      }
    }
    if (cell.escalateTo === 'GF') {
      const text = `${where}: keine vollständige Besetzung möglich – die Geschäftsführung entscheidet.`;
      add({ role: 'GF', siteId: cell.siteId }, 'escalation', text, cell);
      add({ role: 'TL_EZ', siteId: cell.siteId }, 'know', text, cell);
      add({ role: 'FM', siteId: cell.siteId }, 'know', text, cell);
    }
  }
  return [...byRecipient.values()].map(({ r, lines, first }) => {
    const decide = lines.some((l) => l.kind === 'decide');
    const escalate = lines.some((l) => l.kind === 'escalation');
    const title = escalate
      ? `Anlaufstelle nicht besetzbar – Entscheidung der Geschäftsführung`
      : decide
        ? `Vertretung an der Anlaufstelle – bitte entscheiden`
        : `Vertretung an der Anlaufstelle – zur Kenntnis`;
    const body = [cause, ...lines.map((l) => l.text)].join('\n');
    return {
      recipientRole: r.role,
      siteId: r.siteId,
      title,
      body: body.length > 2000 ? `${body.slice(0, 1990)} …` : body,
      refs: { siteId: first.siteId, date: first.date, sessionStart: first.sessionStart, ...extraRefs },
    };
  });
}
