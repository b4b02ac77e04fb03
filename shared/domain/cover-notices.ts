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
 * - A write that changes the board elsewhere (an absence registered, changed or withdrawn) → only
 *   what changed: new proposals and escalations as above, void ones "zur Kenntnis".
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
 * Collects lines per recipient (role + site) across cells, in the order they come, and turns them
 * into one message each: a recipient asked to decide several sessions gets one message listing them.
 */
function noticeBook() {
  const byRecipient = new Map<string, { r: Recipient; lines: { kind: LineKind; text: string }[]; first: BoardCell }>();
  const add = (r: Recipient, kind: LineKind, text: string, cell: BoardCell) => {
    const key = `${r.role}|${r.siteId}`;
    const entry = byRecipient.get(key) ?? { r, lines: [], first: cell };
    if (!entry.lines.some((l) => l.text === text)) entry.lines.push({ kind, text });
    byRecipient.set(key, entry);
  };
  /** The decider decides, the roles to inform (minus the decider) hear of it. */
  const proposal = (cell: BoardCell, p: CellProposal, text: string, deciderKind: LineKind) => {
    const decider = deciderRecipient(cell.siteId, p);
    add(decider, deciderKind, text, cell);
    for (const r of informRecipients(cell.siteId, p)) {
      if (r.role !== decider.role || r.siteId !== decider.siteId) add(r, 'know', text, cell);
    }
  };
  /** GF decides, TL Eingangszone ("Gesamtverantwortlich für die Anlaufstellen") and the site FM hear of it. */
  const escalation = (cell: BoardCell, text: string, gfKind: LineKind) => {
    add({ role: 'GF', siteId: cell.siteId }, gfKind, text, cell);
    add({ role: 'TL_EZ', siteId: cell.siteId }, 'know', text, cell);
    add({ role: 'FM', siteId: cell.siteId }, 'know', text, cell);
  };
  const drafts = (cause: string, extraRefs: InboxRefs): NoticeDraft[] =>
    [...byRecipient.values()].map(({ r, lines, first }) => {
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
  return { proposal, escalation, drafts };
}

const isGap = (cell: BoardCell) => !cell.past && (cell.status === 'at-risk' || cell.status === 'uncovered');
const whereOf = (cell: BoardCell) => `${cell.siteName}, ${sessionLabel(cell)}`;
const proposalText = (cell: BoardCell, p: CellProposal) =>
  `${whereOf(cell)}: Vorschlag ${p.name} (${COVER_SOURCE_LABELS[p.source]}) – entscheidet ${ROLE_LABELS[p.decidedBy]}.`;
const escalationText = (cell: BoardCell) =>
  `${whereOf(cell)}: keine vollständige Besetzung möglich – die Geschäftsführung entscheidet.`;

/**
 * Messages for the open gaps among `cells` (past sessions and covered ones are skipped), one per
 * recipient, each listing its sessions. `cause` opens the body (e.g. "Abwesenheit von …"); the refs
 * point at the first session listed, plus `extraRefs` (e.g. the absence).
 */
export function pendingNotices(cells: readonly BoardCell[], cause: string, extraRefs: InboxRefs = {}): NoticeDraft[] {
  const book = noticeBook();
  for (const cell of cells) {
    if (!isGap(cell)) continue;
    for (const p of cell.proposals) book.proposal(cell, p, proposalText(cell, p), 'decide');
    if (cell.escalateTo === 'GF') book.escalation(cell, escalationText(cell), 'escalation');
  }
  return book.drafts(cause, extraRefs);
}

/** One board cell before and after a write (same site, date and session). */
export interface CellChange {
  before: BoardCell;
  after: BoardCell;
}

const proposalKey = (p: Pick<CellProposal, 'staffId' | 'source'>) => `${p.staffId}|${p.source}`;

/**
 * Messages for what a write changed on the board (an absence registered, changed or withdrawn can
 * move proposals at every site: planDeskCover decides a session for all sites at once). Only the
 * difference is told, so a role never gets the same request twice for an unchanged situation:
 *
 * - a proposal that is new in `after` (another person or another source) → its decider decides,
 *   the roles it names to inform hear of it at once – TL Leistung "so früh wie möglich" when LB
 *   cover is now proposed, both sites' FM of a new cross-site loan (seed §4.5);
 * - a session that became uncovered → GF decides, TL Eingangszone and the site FM hear of it;
 * - a proposal that is gone (the gap closed, or it moved to someone else) → whoever was asked to
 *   decide or told of it hears that it is void, "zur Kenntnis" – nobody keeps coordinating a cover
 *   that is no longer needed (e.g. TL Leistung after a withdrawn sick note), and a lending site's FM
 *   knows the clerk stays home;
 * - a session that is no longer uncovered → GF, TL Eingangszone and the site FM, "zur Kenntnis".
 *
 * Skipped: past and closed sessions, and sessions nobody has drafted yet (`planned` false) – those
 * are not gaps but a roster still to be made.
 */
export function changedNotices(changes: readonly CellChange[], cause: string, extraRefs: InboxRefs = {}): NoticeDraft[] {
  const book = noticeBook();
  for (const { before, after } of changes) {
    if (after.past || after.status === 'closed' || !after.planned || !before.planned) continue;
    const was = new Set(before.proposals.map(proposalKey));
    const is = new Set(after.proposals.map(proposalKey));
    // What is void first, then what is new: the body reads "X entfällt … Vorschlag Y – entscheidet …".
    const why = after.status === 'covered' ? 'die Anlaufstelle ist besetzt' : 'die Besetzung hat sich geändert';
    for (const p of before.proposals) {
      if (is.has(proposalKey(p))) continue;
      book.proposal(after, p, `${whereOf(after)}: Vorschlag ${p.name} (${COVER_SOURCE_LABELS[p.source]}) entfällt – ${why}.`, 'know');
    }
    if (before.escalateTo === 'GF' && after.escalateTo !== 'GF') {
      const now = after.status === 'covered' ? 'die Anlaufstelle ist besetzt' : 'die Vorschläge schließen die Lücke';
      book.escalation(after, `${whereOf(after)}: die Geschäftsführung muss nicht mehr entscheiden – ${now}.`, 'know');
    }
    for (const p of after.proposals) if (!was.has(proposalKey(p))) book.proposal(after, p, proposalText(after, p), 'decide');
    if (after.escalateTo === 'GF' && before.escalateTo !== 'GF') book.escalation(after, escalationText(after), 'escalation');
  }
  return book.drafts(cause, extraRefs);
}
