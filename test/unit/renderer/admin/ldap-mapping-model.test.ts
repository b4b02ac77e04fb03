import { describe, expect, it } from 'vitest';
import type { LdapMapping } from '@shared/model/ldap-mapping';
import { emptyRoleRow, emptySiteRow, mappingDraft, mappingRequest, sameMapping, type MappingDraft } from '../../../../renderer/src/features/admin/ldap-mapping-model';

/**
 * Issue 7 item 8 / SPEC §8: the Verwaltung's "Active-Directory-Gruppen" form turns its rows into the
 * body of PUT /v1/admin/ldap-mapping with the schema the service uses (shared/model/ldap-mapping.ts);
 * bad input gives the schema's German message with the row it is about and sends nothing.
 */
const MAPPING: LdapMapping = {
  roleGroups: [
    { group: 'CN=GG-Anlaufstelle-Admin,OU=Gruppen,DC=jobcenter,DC=local', roles: ['ADMIN'] },
    { group: 'GG-Anlaufstelle-EZ', roles: ['EZ', 'TL_EZ'] },
  ],
  siteGroups: [
    { group: 'GG-Standort-Diez', siteId: 'site-di' },
    { group: 'GG-Standort-BadEms', siteId: 'site-be' },
  ],
};
const rows = (d: MappingDraft) => ({ roleGroups: d.roleGroups.map(({ group, roles }) => ({ group, roles })), siteGroups: d.siteGroups.map(({ group, siteId }) => ({ group, siteId })) });

describe('Verwaltung: Active-Directory-Gruppen form → request (issue 7 item 8)', () => {
  it('round-trips the service’s mapping through the form, keeping the order of the site rows (the first match wins)', () => {
    const draft = mappingDraft(MAPPING);
    expect(rows(draft)).toEqual(MAPPING);
    expect(new Set([...draft.roleGroups, ...draft.siteGroups].map((r) => r.key)).size).toBe(4);
    expect(mappingRequest(draft)).toEqual({ ok: true, value: MAPPING });
  });

  it('sends roles once each in the app’s order and group names trimmed; rows left empty are left out', () => {
    const draft = mappingDraft(MAPPING);
    draft.roleGroups[1] = { ...draft.roleGroups[1]!, group: '  GG-Anlaufstelle-EZ ', roles: ['TL_EZ', 'EZ', 'TL_EZ'] };
    draft.roleGroups.push(emptyRoleRow());
    draft.siteGroups.splice(1, 0, emptySiteRow());
    const request = mappingRequest(draft);
    expect(request).toEqual({ ok: true, value: MAPPING });
  });

  it('a group without roles names the row the ADMIN sees (counting the empty rows left out) and sends nothing', () => {
    const draft = mappingDraft(MAPPING);
    draft.roleGroups.splice(1, 0, emptyRoleRow());
    draft.roleGroups.push({ ...emptyRoleRow(), group: 'GG-Neu' });
    expect(mappingRequest(draft)).toEqual({
      ok: false,
      errors: [{ message: 'Rollen, Zeile 4: Jede Rollengruppe braucht mindestens eine Rolle.', row: { kind: 'roleGroups', index: 3, field: 'roles' } }],
    });
  });

  it('roles without a group name, a site row without a site, a group twice: one German message each', () => {
    const draft = mappingDraft(MAPPING);
    draft.roleGroups.push({ ...emptyRoleRow(), roles: ['GF'] });
    draft.siteGroups.push({ ...emptySiteRow(), group: 'GG-Standort-Nastätten' });
    draft.siteGroups.push({ ...emptySiteRow(), group: 'gg-standort-diez', siteId: 'site-be' });
    const request = mappingRequest(draft);
    expect(request.ok).toBe(false);
    if (request.ok) return;
    expect(request.errors).toEqual([
      { message: 'Rollen, Zeile 3: Gruppenname darf nicht leer sein.', row: { kind: 'roleGroups', index: 2, field: 'group' } },
      { message: 'Standorte, Zeile 3: Bitte einen Standort wählen.', row: { kind: 'siteGroups', index: 2, field: 'siteId' } },
      { message: 'Standorte, Zeile 4: Die Gruppe „gg-standort-diez“ steht bei den Standorten zweimal.', row: { kind: 'siteGroups', index: 3, field: 'group' } },
    ]);
  });

  it('refuses a mapping in which no group gives the Administration role: nobody could change it back', () => {
    const draft = mappingDraft(MAPPING);
    draft.roleGroups.shift();
    expect(mappingRequest(draft)).toEqual({
      ok: false,
      errors: [{ message: 'Mindestens eine Gruppe muss die Rolle „Administration“ geben – sonst kann niemand die Zuordnung mehr ändern.', row: null }],
    });
  });

  it('refuses an empty form (nobody could use the app) and a group name with a line break', () => {
    expect(mappingRequest({ roleGroups: [emptyRoleRow()], siteGroups: [] })).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/^Mindestens eine Rollengruppe/), row: null }, expect.anything()] });
    const draft = mappingDraft(MAPPING);
    draft.roleGroups[1]!.group = 'GG-EZ\nGG-Admin';
    expect(mappingRequest(draft)).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/^Rollen, Zeile 2: Gruppenname: keine Steuerzeichen/) }] });
  });

  it('knows when saving would change nothing', () => {
    const request = mappingRequest(mappingDraft(MAPPING));
    expect(request.ok && sameMapping(request.value, MAPPING)).toBe(true);
    expect(sameMapping(MAPPING, { ...MAPPING, siteGroups: [...MAPPING.siteGroups].reverse() })).toBe(false);
  });
});
