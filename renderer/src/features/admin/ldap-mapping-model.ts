import { ldapMappingSchema, type LdapMapping } from '@shared/model/ldap-mapping';
import { ROLES, type Role } from '@shared/model/vocabulary';

/**
 * The pure part of "Active-Directory-Gruppen" in the Verwaltung (issue 7 item 8, SPEC §8): the
 * form's rows, the body of PUT /v1/admin/ldap-mapping, and the shared schema's German messages with
 * the row they are about. Bad input sends nothing.
 */

export interface RoleRowDraft {
  /** React's key for the row (not sent). */
  key: string;
  group: string;
  roles: Role[];
}
export interface SiteRowDraft {
  key: string;
  group: string;
  siteId: string;
}
export interface MappingDraft {
  roleGroups: RoleRowDraft[];
  siteGroups: SiteRowDraft[];
}
export type RowKind = 'roleGroups' | 'siteGroups';

let counter = 0;
const nextKey = () => `row-${++counter}`;

export const emptyRoleRow = (): RoleRowDraft => ({ key: nextKey(), group: '', roles: [] });
export const emptySiteRow = (): SiteRowDraft => ({ key: nextKey(), group: '', siteId: '' });

export function mappingDraft(m: LdapMapping): MappingDraft {
  return {
    roleGroups: m.roleGroups.map((r) => ({ key: nextKey(), group: r.group, roles: [...r.roles] })),
    siteGroups: m.siteGroups.map((r) => ({ key: nextKey(), group: r.group, siteId: r.siteId })),
  };
}

/** A message of the form and the field it is about (to mark and focus it), if any. */
export interface MappingError {
  message: string;
  row: { kind: RowKind; index: number; field: 'group' | 'roles' | 'siteId' } | null;
}

const KIND_LABEL: Record<RowKind, string> = { roleGroups: 'Rollen', siteGroups: 'Standorte' };

/** A row nobody filled in (added and left empty) is left out rather than refused. */
const blankRole = (r: RoleRowDraft) => r.group.trim() === '' && r.roles.length === 0;
const blankSite = (r: SiteRowDraft) => r.group.trim() === '' && r.siteId === '';

/** The body of PUT /v1/admin/ldap-mapping, or the shared schema's German messages, row by row. */
export function mappingRequest(d: MappingDraft): { ok: true; value: LdapMapping } | { ok: false; errors: MappingError[] } {
  // Form row of each row sent, so a message names the row the person sees.
  const roleRows = d.roleGroups.map((r, i) => [r, i] as const).filter(([r]) => !blankRole(r));
  const siteRows = d.siteGroups.map((r, i) => [r, i] as const).filter(([r]) => !blankSite(r));
  const candidate = {
    roleGroups: roleRows.map(([r]) => ({ group: r.group, roles: ROLES.filter((x) => r.roles.includes(x)) })),
    siteGroups: siteRows.map(([r]) => ({ group: r.group, siteId: r.siteId })),
  };
  const parsed = ldapMappingSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: MappingError[] = [];
  const seen = new Set<string>();
  for (const issue of parsed.error.issues) {
    const [kind, index, field] = issue.path;
    let error: MappingError;
    if ((kind === 'roleGroups' || kind === 'siteGroups') && typeof index === 'number') {
      const formIndex = (kind === 'roleGroups' ? roleRows : siteRows)[index]?.[1] ?? index;
      const f = field === 'roles' || field === 'siteId' ? field : 'group';
      error = { message: `${KIND_LABEL[kind]}, Zeile ${formIndex + 1}: ${issue.message}`, row: { kind, index: formIndex, field: f } };
    } else {
      error = { message: issue.message, row: null };
    }
    if (seen.has(error.message)) continue;
    seen.add(error.message);
    errors.push(error);
  }
  return { ok: false, errors };
}

/** Whether two mappings say the same (then saving would change nothing). */
export const sameMapping = (a: LdapMapping, b: LdapMapping): boolean => JSON.stringify(a) === JSON.stringify(b);
