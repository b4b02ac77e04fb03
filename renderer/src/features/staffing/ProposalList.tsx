import { useSwitchPersonHint } from '../../auth/auth';
import { useId } from 'react';
import { canDecide, type BoardCell, type CellProposal } from '@shared/domain/coverage';
import type { Staff } from '@shared/model';
import { COVER_SOURCE_LABELS, ROLE_LABELS } from '@shared/model';
import { actorText, deciderText } from './board-labels';

interface Props {
  cell: BoardCell;
  actor: Staff | null;
  busy: boolean;
  onAccept: (p: CellProposal) => void;
  onReject: (p: CellProposal) => void;
}

/**
 * The cover proposals of one session in the order of seed §4.5 (planned: EZ same site → EZ other
 * site → LB same site; unplanned: EZ same site → LB same site → EZ other site), each naming who
 * decides and who must be informed. Only the decider may answer (canDecide); for everyone else the
 * buttons stay reachable but say why they do nothing ("Entscheidet: …").
 */
export function ProposalList({ cell, actor, busy, onAccept, onReject }: Props) {
  return (
    <ol className="proposal-list">
      {cell.proposals.map((p) => (
        <ProposalItem key={p.staffId} cell={cell} proposal={p} actor={actor} busy={busy} onAccept={onAccept} onReject={onReject} />
      ))}
    </ol>
  );
}

function ProposalItem({ cell, proposal: p, actor, busy, onAccept, onReject }: Props & { proposal: CellProposal }) {
  const id = useId();
  const allowed = actor !== null && canDecide(actor, p.decidedBy, cell.siteId);
  const decider = deciderText(p.decidedBy, cell.siteName);
  const switchHint = useSwitchPersonHint();
  const why = allowed
    ? `Sie dürfen entscheiden als ${actorText(actor)}.`
    : `Entscheidet: ${decider}. Sie sind am Platz als ${actorText(actor)} – ${switchHint.short}.`;
  const inform = p.inform.length > 0 ? p.inform.map((r) => (r === 'FM' ? deciderText('FM', cell.siteName) : ROLE_LABELS[r])).join(', ') : 'niemand weiter';
  return (
    <li className="proposal" aria-labelledby={`${id}-name`}>
      <p id={`${id}-name`} className="proposal-name">
        <strong>{p.name}</strong> ({p.homeSiteName}) – {COVER_SOURCE_LABELS[p.source]}
      </p>
      <p className="hint">{p.why}</p>
      <dl className="proposal-facts">
        <dt>Entscheidet</dt>
        <dd>{decider}</dd>
        <dt>Zu informieren</dt>
        <dd>{inform}</dd>
      </dl>
      <p id={`${id}-why`} className={allowed ? 'hint' : 'hint decide-hint'}>
        {why}
      </p>
      <div className="proposal-actions">
        <button
          type="button"
          className="primary"
          aria-disabled={!allowed || busy}
          aria-describedby={`${id}-why`}
          onClick={() => allowed && !busy && onAccept(p)}
        >
          {p.name} annehmen
        </button>
        <button type="button" aria-disabled={!allowed || busy} aria-describedby={`${id}-why`} onClick={() => allowed && !busy && onReject(p)}>
          {p.name} ablehnen
        </button>
      </div>
    </li>
  );
}
