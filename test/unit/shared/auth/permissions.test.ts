import { describe, expect, it } from 'vitest';
import { can, isErasureOnly, mayEraseForRetention, type Actor, type Place } from '../../../../shared/auth/permissions';
import type { Role } from '../../../../shared/model/vocabulary';

const BE = 'site-be';
const DZ = 'site-di';
const person = (roles: Role[], homeSiteId: string | null = BE, staffId = 'p-1', active = true): Actor => ({ staffId, roles, homeSiteId, active });
const counterBE: Place = { siteId: BE, profile: 'counter' };
const officeDZ: Place = { siteId: DZ, profile: 'office' };
const leadBE: Place = { siteId: BE, profile: 'lead' };
const ok = (v: { ok: boolean }) => v.ok;
const write = (table: string, after: Record<string, unknown>, before: Record<string, unknown> | null = null) => ({ kind: 'write' as const, table, before, after });
const ticket = (over: Record<string, unknown> = {}) => ({ siteId: BE, distributionSiteId: BE, assignee: null, ...over });

describe('SPEC §0 / seed §4.4: the counter records visits, hand-offs and tickets of its own site', () => {
  it('an EZ clerk records a visit at the counter PC of her site', () => {
    expect(ok(can(person(['EZ']), counterBE, write('visits', { siteId: BE })))).toBe(true);
  });
  it('an LB clerk standing in (seed §4.5 Vertretung) records at the counter too', () => {
    expect(ok(can(person(['LB']), counterBE, write('visits', { siteId: BE })))).toBe(true);
  });
  it('no visit for another site than the PC stands at, whatever the person says', () => {
    const v = can(person(['EZ']), counterBE, write('visits', { siteId: DZ }));
    expect(v).toEqual({ ok: false, reason: expect.stringContaining('Standort dieses PCs') });
  });
  it('issue 7 item 2: a visit is recorded at a counter PC, not at an office or lead PC', () => {
    expect(ok(can(person(['EZ']), { siteId: BE, profile: 'office' }, write('visits', { siteId: BE })))).toBe(false);
    expect(ok(can(person(['TL_EZ']), leadBE, write('visits', { siteId: BE })))).toBe(false);
  });
  it('Vermittlung, GF, ADMIN and DSB record no visits', () => {
    for (const r of ['VERMITTLUNG', 'GF', 'ADMIN', 'DSB'] as Role[]) expect(ok(can(person([r]), counterBE, write('visits', { siteId: BE })))).toBe(false);
  });
  it('tickets are created by the counter at its site only', () => {
    expect(ok(can(person(['EZ']), counterBE, write('tickets', ticket())))).toBe(true);
    expect(ok(can(person(['EZ']), counterBE, write('tickets', ticket({ siteId: DZ }))))).toBe(false);
    expect(ok(can(person(['VERMITTLUNG']), counterBE, write('tickets', ticket())))).toBe(false);
  });
});

describe('SPEC §4: a hand-off is taken by the department it is handed to', () => {
  const waiting = { siteId: BE, target: 'LB', status: 'waiting' };
  it('an LB clerk of the site takes a visitor handed to LB', () => {
    expect(ok(can(person(['LB']), { siteId: BE, profile: 'office' }, write('handoffs', { ...waiting, status: 'in-service' }, waiting)))).toBe(true);
  });
  it('Vermittlung does not take a visitor handed to LB, but one handed to Vermittlung', () => {
    expect(ok(can(person(['VERMITTLUNG']), leadBE, write('handoffs', { ...waiting, status: 'in-service' }, waiting)))).toBe(false);
    const toMI = { ...waiting, target: 'VERMITTLUNG' };
    expect(ok(can(person(['VERMITTLUNG']), leadBE, write('handoffs', { ...toMI, status: 'in-service' }, toMI)))).toBe(true);
  });
  it('an LB clerk of another site does not take it', () => {
    expect(ok(can(person(['LB'], DZ), officeDZ, write('handoffs', { ...waiting, status: 'in-service' }, waiting)))).toBe(false);
  });
});

describe('SPEC §8: personal data only for those who work the visit or ticket', () => {
  it('the creating desk sees the caller’s name', () => {
    expect(ok(can(person(['EZ']), counterBE, { kind: 'view-personal', table: 'tickets', record: ticket() }))).toBe(true);
  });
  it('the distribution site sees it (seed §4.5 Ticketverteilung during LB cover)', () => {
    const t = ticket({ siteId: 'site-x', distributionSiteId: DZ });
    expect(ok(can(person(['EZ'], DZ), officeDZ, { kind: 'view-personal', table: 'tickets', record: t }))).toBe(true);
  });
  it('the person it is assigned to sees it, wherever she sits', () => {
    const t = ticket({ siteId: 'site-x', distributionSiteId: 'site-x', assignee: { kind: 'person', staffId: 'p-9' } });
    expect(ok(can(person(['LB'], DZ, 'p-9'), officeDZ, { kind: 'view-personal', table: 'tickets', record: t }))).toBe(true);
    expect(ok(can(person(['LB'], DZ, 'p-8'), officeDZ, { kind: 'view-personal', table: 'tickets', record: t }))).toBe(false);
  });
  it('the department it is assigned to at a site sees it', () => {
    const t = ticket({ siteId: 'site-x', distributionSiteId: 'site-x', assignee: { kind: 'team', department: 'MI', siteId: DZ } });
    expect(ok(can(person(['VERMITTLUNG'], DZ), officeDZ, { kind: 'view-personal', table: 'tickets', record: t }))).toBe(true);
    expect(ok(can(person(['LB'], DZ), officeDZ, { kind: 'view-personal', table: 'tickets', record: t }))).toBe(false);
  });
  it('a clerk of another site sees no name, and neither do GF, ADMIN or the DSB', () => {
    expect(ok(can(person(['EZ'], DZ), officeDZ, { kind: 'view-personal', table: 'tickets', record: ticket() }))).toBe(false);
    for (const r of ['GF', 'ADMIN', 'DSB'] as Role[]) expect(ok(can(person([r]), leadBE, { kind: 'view-personal', table: 'tickets', record: ticket() }))).toBe(false);
  });
  it('a waiting visitor’s name is seen at its site only', () => {
    expect(ok(can(person(['LB']), leadBE, { kind: 'view-personal', table: 'handoffs', record: { siteId: BE } }))).toBe(true);
    expect(ok(can(person(['LB'], DZ), officeDZ, { kind: 'view-personal', table: 'handoffs', record: { siteId: BE } }))).toBe(false);
  });
  it('a ticket is changed only by those who work it', () => {
    const t = ticket({ assignee: { kind: 'person', staffId: 'p-9' } });
    expect(ok(can(person(['LB'], DZ, 'p-9'), officeDZ, write('tickets', { ...t, status: 'contacted' }, t)))).toBe(true);
    expect(ok(can(person(['LB'], DZ, 'p-8'), officeDZ, write('tickets', { ...t, status: 'contacted' }, t)))).toBe(false);
  });
});

describe('SPEC §8 / seed §4.5: cover decisions follow the instruction', () => {
  const decision = (decidedBy: string, siteId = BE) => write('coverDecisions', { decidedBy, siteId });
  it('same-site cover: the site FM decides, an FM of another site does not', () => {
    expect(ok(can(person(['FM'], BE), leadBE, decision('FM')))).toBe(true);
    expect(ok(can(person(['FM'], DZ), leadBE, decision('FM')))).toBe(false);
  });
  it('cross-site cover: TL Eingangszone decides, an EZ clerk does not', () => {
    expect(ok(can(person(['TL_EZ']), leadBE, decision('TL_EZ')))).toBe(true);
    expect(can(person(['EZ']), counterBE, decision('TL_EZ'))).toEqual({ ok: false, reason: expect.stringContaining('GA §4.5') });
    expect(ok(can(person(['EZ']), counterBE, { kind: 'decide-cover', decidedBy: 'TL_EZ', siteId: BE }))).toBe(false);
  });
  it('LB cover: TL Leistung coordinates', () => {
    expect(ok(can(person(['TL_LB']), leadBE, decision('TL_LB')))).toBe(true);
    expect(ok(can(person(['TL_EZ']), leadBE, decision('TL_LB')))).toBe(false);
  });
  it('nobody available: GF decides (and may decide any)', () => {
    expect(ok(can(person(['GF']), leadBE, decision('GF')))).toBe(true);
    expect(ok(can(person(['TL_EZ']), leadBE, decision('GF')))).toBe(false);
  });
});

describe('SPEC §8: absence reasons (health data of staff) only for the person and those who keep the directory', () => {
  it('the person sees her own reason, ADMIN sees it, a team lead does not', () => {
    expect(ok(can(person(['EZ'], BE, 'p-1'), counterBE, { kind: 'view-absence-reason', absence: { staffId: 'p-1' } }))).toBe(true);
    expect(ok(can(person(['ADMIN'], BE, 'p-2'), leadBE, { kind: 'view-absence-reason', absence: { staffId: 'p-1' } }))).toBe(true);
    expect(ok(can(person(['TL_EZ', 'GF'], BE, 'p-3'), leadBE, { kind: 'view-absence-reason', absence: { staffId: 'p-1' } }))).toBe(false);
  });
  it('a person registers her own absence; a lead registers anyone’s; a colleague does not', () => {
    expect(ok(can(person(['EZ'], BE, 'p-1'), counterBE, write('absences', { staffId: 'p-1' })))).toBe(true);
    expect(ok(can(person(['FM'], BE, 'p-2'), leadBE, write('absences', { staffId: 'p-1' })))).toBe(true);
    expect(ok(can(person(['EZ'], BE, 'p-2'), counterBE, write('absences', { staffId: 'p-1' })))).toBe(false);
  });
  it('a clerk cannot move a colleague’s absence onto herself and back', () => {
    expect(ok(can(person(['EZ'], BE, 'p-2'), counterBE, write('absences', { staffId: 'p-2' }, { staffId: 'p-1' })))).toBe(false);
  });
});

describe('SPEC §8: directory, sites, devices and settings – admin; the access log – DSB', () => {
  it('only ADMIN edits sites and staff', () => {
    expect(ok(can(person(['ADMIN']), leadBE, write('staff', { id: 'x' })))).toBe(true);
    for (const r of ['EZ', 'TL_EZ', 'GF', 'DSB'] as Role[]) expect(ok(can(person([r]), leadBE, write('sites', { id: 'x' })))).toBe(false);
    expect(ok(can(person(['ADMIN']), leadBE, { kind: 'administer' }))).toBe(true);
    expect(ok(can(person(['GF']), leadBE, { kind: 'administer' }))).toBe(false);
  });
  it('only the DSB reads the access log; the DSB changes no data', () => {
    expect(ok(can(person(['DSB']), leadBE, { kind: 'read-audit' }))).toBe(true);
    expect(ok(can(person(['ADMIN', 'GF']), leadBE, { kind: 'read-audit' }))).toBe(false);
    expect(ok(can(person(['DSB']), leadBE, write('inbox', {})))).toBe(false);
    expect(ok(can(person(['DSB']), counterBE, write('alarms', { siteId: BE })))).toBe(false);
  });
  it('issue 7 item 3: a disabled account may do nothing', () => {
    expect(can(person(['GF', 'ADMIN'], BE, 'p-1', false), leadBE, write('coverDecisions', { decidedBy: 'GF', siteId: BE }))).toEqual({ ok: false, reason: 'Dieses Konto ist deaktiviert.' });
  });
});

describe('seed §4.5: the roster is kept by those responsible for staffing', () => {
  it('a drafted shift may be written from any PC; a manual one only by a lead', () => {
    expect(ok(can(person(['EZ']), counterBE, write('shifts', { siteId: BE, source: 'pattern' })))).toBe(true);
    expect(ok(can(person(['EZ']), counterBE, write('shifts', { siteId: BE, source: 'manual' })))).toBe(false);
    expect(ok(can(person(['EZ']), counterBE, write('shifts', { siteId: BE, source: 'pattern' }, { siteId: BE, source: 'cover' })))).toBe(false);
    expect(ok(can(person(['FM'], BE), leadBE, write('shifts', { siteId: BE, source: 'manual' })))).toBe(true);
    expect(ok(can(person(['FM'], DZ), leadBE, write('shifts', { siteId: BE, source: 'manual' })))).toBe(false);
  });
  it('SPEC §11 Stiller Alarm: raised only for the PC’s own site', () => {
    expect(ok(can(person(['EZ']), counterBE, write('alarms', { siteId: BE })))).toBe(true);
    expect(ok(can(person(['EZ']), counterBE, write('alarms', { siteId: DZ })))).toBe(false);
  });
  it('an unknown table is refused', () => {
    expect(ok(can(person(['ADMIN']), leadBE, write('secrets', {})))).toBe(false);
  });
});

describe('SPEC §9: the retention sweep (author "system") may only take data away', () => {
  const t = { customerName: 'Erika Muster', phone: '02603 1234', concern: 'Bescheid', attempts: [{ note: 'x' }], anonymisedAt: null, status: 'closed' };
  it('anonymising a closed ticket is an erasure', () => {
    expect(isErasureOnly(t, { ...t, customerName: '— anonymisiert —', phone: '', concern: '— anonymisiert —', attempts: [], anonymisedAt: '2026-12-04T00:00:00.000Z', updatedBy: 'system' })).toBe(true);
  });
  it('writing another name, changing a status or creating a record is not', () => {
    expect(isErasureOnly(t, { ...t, customerName: 'Max Muster' })).toBe(false);
    expect(isErasureOnly(t, { ...t, status: 'open' })).toBe(false);
    expect(isErasureOnly(null, t)).toBe(false);
  });
});

describe('SPEC §9 at the service: a PC’s own sweep is accepted only for a record due by the Jobcenter’s period', () => {
  const NOW = new Date('2026-12-04T10:00:00Z');
  const closed = (closedAt: string) => ({
    status: 'closed',
    closedAt,
    updatedAt: closedAt,
    anonymisedAt: null,
    contact: null,
    customerName: 'Erika Muster',
    phone: '02603 1234',
    retentionStart: closedAt,
    deletedAt: null,
  });
  const anonymise = (t: ReturnType<typeof closed>) => ({ ...t, customerName: '— anonymisiert —', phone: '', anonymisedAt: NOW.toISOString(), retentionStart: undefined, updatedBy: 'system' });
  it('a ticket closed more than 90 days ago may be anonymised in the sweep’s name', () => {
    const t = closed('2026-08-01T09:00:00.000Z');
    expect(mayEraseForRetention('tickets', t, anonymise(t), NOW, 90)).toBe(true);
  });
  it('one closed within the period may not, nor one deleted or moved in time along the way', () => {
    const recent = closed('2026-11-30T09:00:00.000Z');
    expect(mayEraseForRetention('tickets', recent, anonymise(recent), NOW, 90)).toBe(false);
    const old = closed('2026-08-01T09:00:00.000Z');
    expect(mayEraseForRetention('tickets', old, { ...anonymise(old), deletedAt: NOW.toISOString() }, NOW, 90)).toBe(false);
    expect(mayEraseForRetention('tickets', old, { ...anonymise(old), retentionStart: '2000-01-01T00:00:00.000Z' }, NOW, 90)).toBe(false);
  });
  it('the directory is never the sweep’s to change', () => {
    expect(mayEraseForRetention('sites', { name: 'Bad Ems', deletedAt: null }, { name: 'Bad Ems', deletedAt: NOW.toISOString() }, NOW, 90)).toBe(false);
  });
});
