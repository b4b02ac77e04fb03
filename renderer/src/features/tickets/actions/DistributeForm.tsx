import { useMemo, useState } from 'react';
import type { CallbackTicket, Department, TicketAssignee } from '@shared/model';
import { DEPARTMENT_LABELS, DEPARTMENTS } from '@shared/model';
import { writeContext } from '../../../app/write-context';
import { getDb } from '../../../db/db';
import { distributeTicket } from '../../../db/repositories/tickets';
import { useSettings, useSites, useStaff } from '../../../state/session';
import { ActionForm } from './ActionForm';
import { invalidProps, useActionSubmit } from './use-action-submit';
import { PersonOptions } from '../../../ui/PersonOptions';
import { SiteOptions } from '../../../ui/SiteOptions';

const ID = 'ticket-distribute';

/** Ticketverteilung (SPEC §5, seed §4.4): to a department team of a site, or to one person. */
export function DistributeForm({ ticket, onDone, onCancel }: { ticket: CallbackTicket; onDone: () => void; onCancel: () => void }) {
  const sites = useSites();
  const staff = useStaff();
  const deskSiteId = useSettings().siteId;
  const [kind, setKind] = useState<TicketAssignee['kind']>(ticket.assignee?.kind ?? 'team');
  const [department, setDepartment] = useState<Department>(
    ticket.assignee?.kind === 'team' ? ticket.assignee.department : ticket.department,
  );
  // The team of the site where the customer came in, unless it was distributed elsewhere before.
  const [siteId, setSiteId] = useState(ticket.assignee?.kind === 'team' ? ticket.assignee.siteId : ticket.siteId);
  const [staffId, setStaffId] = useState(ticket.assignee?.kind === 'person' ? ticket.assignee.staffId : '');
  const { error, busy, run, fail } = useActionSubmit(onDone);
  const errorId = `${ID}-error`;

  const active = useMemo(() => staff.filter((p) => p.active), [staff]);

  function submit() {
    if (kind === 'person' && staffId === '') return fail('Bitte eine Person wählen.', `${ID}-person`);
    if (kind === 'team' && siteId === '') return fail('Bitte den Standort des Teams wählen.', `${ID}-site`);
    const assignee: TicketAssignee = kind === 'team' ? { kind, department, siteId } : { kind, staffId };
    const target =
      kind === 'team'
        ? `Team ${DEPARTMENT_LABELS[department]} · ${sites.find((s) => s.id === siteId)?.name ?? siteId}`
        : (staff.find((p) => p.id === staffId)?.name ?? staffId);
    void run(() => distributeTicket(getDb(), ticket.id, { assignee }, writeContext(), { deskSiteId: deskSiteId ?? undefined }), `Ticket ${ticket.ref} verteilt an ${target}.`);
  }

  return (
    <ActionForm id={ID} title="Ticket verteilen" submitLabel="Verteilen" error={error} busy={busy} onSubmit={submit} onCancel={onCancel}>
      <fieldset>
        <legend>Verteilen an</legend>
        <div className="field checkbox">
          <input id={`${ID}-kind-team`} type="radio" name={`${ID}-kind`} checked={kind === 'team'} onChange={() => setKind('team')} />
          <label htmlFor={`${ID}-kind-team`}>Team eines Fachbereichs</label>
        </div>
        <div className="field checkbox">
          <input id={`${ID}-kind-person`} type="radio" name={`${ID}-kind`} checked={kind === 'person'} onChange={() => setKind('person')} />
          <label htmlFor={`${ID}-kind-person`}>Eine Person</label>
        </div>
      </fieldset>
      {kind === 'team' ? (
        <>
          <div className="field">
            <label htmlFor={`${ID}-department`}>Fachbereich</label>
            <select id={`${ID}-department`} value={department} onChange={(e) => setDepartment(e.target.value as Department)}>
              {DEPARTMENTS.map((d) => (
                <option key={d} value={d}>
                  {DEPARTMENT_LABELS[d]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${ID}-site`}>Standort des Teams</label>
            <select id={`${ID}-site`} value={siteId} onChange={(e) => setSiteId(e.target.value)} {...invalidProps(error, `${ID}-site`, errorId)}>
              <SiteOptions sites={sites} />
            </select>
          </div>
        </>
      ) : (
        <div className="field">
          <label htmlFor={`${ID}-person`}>Person</label>
          <select
            id={`${ID}-person`}
            value={staffId}
            onChange={(e) => setStaffId(e.target.value)}
            {...invalidProps(error, `${ID}-person`, errorId)}
          >
            <option value="">Bitte wählen …</option>
            <PersonOptions people={active} sites={sites} />
          </select>
        </div>
      )}
    </ActionForm>
  );
}
