import type { InboxAsk, InboxRefs } from '../model/staffing';
import { COVER_SOURCE_LABELS } from '../model/staffing';
import type { Role } from '../model/vocabulary';
import { ROLE_LABELS } from '../model/vocabulary';
import { deciderRecipient, informRecipients, type BoardCell, type CellProposal, type Recipient } from './coverage';
import { formatSessionDate, sessionKey } from './desk-sessions';

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
  /** The decisions the message asks for (issue 10 item 3); none: it only informs. */
  asks?: InboxAsk[];
  /** A message for this one person (the stand-in), filed under `recipientRole`, a role they hold. */
  recipientStaffId?: string;
}

/** The question of one proposal (or, staffId null, of the GF escalation) of a session. */
function askOf(cell: BoardCell, p: Pick<CellProposal, 'staffId' | 'source'> | null): InboxAsk {
  return {
    siteId: cell.siteId,
    date: cell.date,
    sessionStart: cell.sessionStart,
    staffId: p?.staffId ?? null,
    source: p?.source ?? null,
    label: whereOf(cell),
    settled: null,
  };
}

/** The sessions of the asks still open – the inbox index `openAsks`. */
export function openAskKeys(asks: readonly InboxAsk[]): string[] {
  return [...new Set(asks.filter((a) => a.settled === null).map((a) => sessionKey(a.siteId, a.date, a.sessionStart)))];
}

/** True while the board still asks this question: the proposal (or the escalation) is on it. */
export function askStillOpen(ask: InboxAsk, cell: BoardCell): boolean {
  if (cell.past || cell.status === 'closed' || cell.status === 'covered') return false;
  if (ask.staffId === null) return cell.escalateTo === 'GF';
  return cell.proposals.some((p) => p.staffId === ask.staffId && p.source === ask.source);
}

/** Who settled asks and how: a decision names its decider ("entschieden von …"). */
export interface Settlement {
  at: string;
  byStaffId: string | null;
  byName: string | null;
  text: string;
}

/**
 * Issue 10 item 3 "A decided cover still asks for a decision": the asks of one message that the
 * board (the cells after a write) no longer asks are settled; the title stops asking once none is
 * open. Returns null when nothing changes. Past sessions are left as they are: nobody answered them.
 */
export function settleAsks(
  message: { title: string; asks: readonly InboxAsk[] },
  cellAfter: (ask: InboxAsk) => BoardCell | undefined,
  settlement: Settlement,
): { title: string; asks: InboxAsk[]; openAsks: string[] } | null {
  let changed = false;
  const asks = message.asks.map((a) => {
    if (a.settled !== null) return a;
    const cell = cellAfter(a);
    if (!cell || cell.past || askStillOpen(a, cell)) return a;
    changed = true;
    return { ...a, settled: { ...settlement } };
  });
  if (!changed) return null;
  const openAsks = openAskKeys(asks);
  const decided = settlement.byName !== null;
  const title = openAsks.length > 0 ? message.title : settledTitle(message.title, decided);
  return { title, asks, openAsks };
}

/** "Vertretung an der Anlaufstelle – bitte entscheiden" → "… – entschieden" (or "– erledigt"). */
function settledTitle(title: string, decided: boolean): string {
  const cut = title.lastIndexOf(' – ');
  return `${cut > 0 ? title.slice(0, cut) : title} – ${decided ? 'entschieden' : 'erledigt'}`;
}

/**
 * Issue 10 item 3: the person who stands in is told, in their own inbox and by notification –
 * when a cover is accepted, and when an accepted cover is withdrawn again.
 */
export function standInNotice(
  cell: Pick<BoardCell, 'siteId' | 'siteName' | 'date' | 'sessionStart' | 'sessionEnd'>,
  proposal: Pick<CellProposal, 'staffId' | 'name' | 'source' | 'decidedBy'>,
  deciderName: string,
  what: 'accepted' | 'withdrawn',
  o: { roles: readonly Role[]; extraRefs?: InboxRefs },
): NoticeDraft {
  // Filed under the role the person stands in with; they hold it, since they were proposed by it.
  const role: Role = proposal.source === 'lb-same-site' ? 'LB' : 'EZ';
  const recipientRole = o.roles.includes(role) ? role : (o.roles[0] ?? role);
  const when = sessionLabel(cell);
  const lines =
    what === 'accepted'
      ? [
          `${when}: Sie vertreten an der Anlaufstelle ${cell.siteName} (${COVER_SOURCE_LABELS[proposal.source]}).`,
          `Entschieden von ${deciderName}.`,
        ]
      : [`${when}: Ihre Vertretung an der Anlaufstelle ${cell.siteName} entfällt – ${deciderName} hat sie zurückgenommen.`];
  if (what === 'accepted' && proposal.source === 'lb-same-site') {
    lines.push('Die Teamleitung Leistung koordiniert die Vertretung (GA §4.5).');
  }
  return {
    recipientRole,
    siteId: cell.siteId,
    recipientStaffId: proposal.staffId,
    title: what === 'accepted' ? `Sie vertreten an der Anlaufstelle ${cell.siteName}` : `Vertretung entfällt – Anlaufstelle ${cell.siteName}`,
    body: lines.join(' '),
    refs: { siteId: cell.siteId, date: cell.date, sessionStart: cell.sessionStart, staffId: proposal.staffId, ...o.extraRefs },
  };
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
  const byRecipient = new Map<string, { r: Recipient; lines: { kind: LineKind; text: string }[]; first: BoardCell; asks: InboxAsk[] }>();
  const add = (r: Recipient, kind: LineKind, text: string, cell: BoardCell, ask: InboxAsk | null = null) => {
    const key = `${r.role}|${r.siteId}`;
    const entry = byRecipient.get(key) ?? { r, lines: [], first: cell, asks: [] };
    if (!entry.lines.some((l) => l.text === text)) entry.lines.push({ kind, text });
    if (ask && kind !== 'know') entry.asks.push(ask);
    byRecipient.set(key, entry);
  };
  /** The decider decides, the roles to inform (minus the decider) hear of it. */
  const proposal = (cell: BoardCell, p: CellProposal, text: string, deciderKind: LineKind) => {
    const decider = deciderRecipient(cell.siteId, p);
    add(decider, deciderKind, text, cell, askOf(cell, p));
    for (const r of informRecipients(cell.siteId, p)) {
      if (r.role !== decider.role || r.siteId !== decider.siteId) add(r, 'know', text, cell);
    }
  };
  /** GF decides, TL Eingangszone ("Gesamtverantwortlich für die Anlaufstellen") and the site FM hear of it. */
  const escalation = (cell: BoardCell, text: string, gfKind: LineKind) => {
    add({ role: 'GF', siteId: cell.siteId }, gfKind, text, cell, askOf(cell, null));
    add({ role: 'TL_EZ', siteId: cell.siteId }, 'know', text, cell);
    add({ role: 'FM', siteId: cell.siteId }, 'know', text, cell);
  };
  const drafts = (cause: string, extraRefs: InboxRefs): NoticeDraft[] =>
    [...byRecipient.values()].map(({ r, lines, first, asks }) => {
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
        ...(asks.length > 0 ? { asks } : {}),
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
