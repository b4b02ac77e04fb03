import { z } from 'zod';
import { ROLE_LABELS, ROLES, type Role } from './vocabulary';

/**
 * Which Active-Directory groups give which roles and which home site (issue 7 item 8, SPEC §8
 * "Jobcenter-wide settings: admin"). The service's ldap.json holds the start value
 * (`roleGroups`/`siteGroups`, server/src/auth/ldap-config.ts); ADMIN may replace it in the
 * Verwaltung, and the service then keeps this mapping itself. Both sides check it with this schema.
 *
 * Rows, not objects: the first site group that matches gives the home site, so the order matters –
 * and the service stores the mapping as jsonb, which does not keep the order of an object's keys.
 */

/** The pieces the file's schema uses too: one German message for each mistake. */
export const ldapRoleSchema = z.enum(ROLES, {
  error: (issue) => `Unbekannte Rolle „${String(issue.input)}“; erlaubt sind ${ROLES.join(', ')}.`,
});
export const MAX_GROUP_NAME = 512;
/** A group is named by its DN ("CN=AS-EZ,OU=Gruppen,…") or by its CN alone ("AS-EZ"). */
export const ldapGroupNameSchema = z
  .string({ error: 'Gruppenname: bitte als Text angeben.' })
  .trim()
  .min(1, { error: 'Gruppenname darf nicht leer sein.' })
  .max(MAX_GROUP_NAME, { error: `Gruppenname: höchstens ${MAX_GROUP_NAME} Zeichen.` })
  // Never sent to the directory (groups are compared after the search), but shown and logged: no
  // line breaks, NUL or other control characters.
  .regex(/^[^\p{Cc}]*$/u, { error: 'Gruppenname: keine Steuerzeichen (Zeilenumbruch, Tabulator, NUL).' });

/** How many rows of each kind the service keeps (a Jobcenter has a handful of groups). */
export const MAX_MAPPING_ROWS = 200;

const roleRowSchema = z.strictObject(
  {
    group: ldapGroupNameSchema,
    roles: z
      .array(ldapRoleSchema, { error: 'Rollen: bitte eine Liste von Rollen angeben.' })
      .min(1, { error: 'Jede Rollengruppe braucht mindestens eine Rolle.' })
      .max(ROLES.length, { error: `Höchstens ${ROLES.length} Rollen je Gruppe.` })
      // Once each, in the app's order.
      .transform((roles) => ROLES.filter((r) => roles.includes(r))),
  },
  { error: 'Eine Rollengruppe besteht aus Gruppe und Rollen.' },
);
const siteRowSchema = z.strictObject(
  {
    group: ldapGroupNameSchema,
    siteId: z
      .string({ error: 'Bitte einen Standort wählen.' })
      .trim()
      .min(1, { error: 'Bitte einen Standort wählen.' })
      .max(100, { error: 'Standort-ID: höchstens 100 Zeichen.' }),
  },
  { error: 'Eine Standortgruppe besteht aus Gruppe und Standort.' },
);

/** Spellings of the same group name: case and blanks around DN separators do not count. */
export const groupNameKey = (group: string): string =>
  group
    .trim()
    .toLowerCase()
    .replace(/\s*([,=])\s*/g, '$1');

export const ldapMappingSchema = z
  .strictObject(
    {
      roleGroups: z
        .array(roleRowSchema, { error: 'Rollengruppen: bitte eine Liste angeben.' })
        .min(1, { error: 'Mindestens eine Rollengruppe angeben – sonst darf niemand die App benutzen.' })
        .max(MAX_MAPPING_ROWS, { error: `Höchstens ${MAX_MAPPING_ROWS} Rollengruppen.` }),
      siteGroups: z
        .array(siteRowSchema, { error: 'Standortgruppen: bitte eine Liste angeben.' })
        .max(MAX_MAPPING_ROWS, { error: `Höchstens ${MAX_MAPPING_ROWS} Standortgruppen.` }),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys' ? `Unbekannte Angabe(n): ${issue.keys.join(', ')}.` : 'Die Zuordnung braucht Rollengruppen und Standortgruppen.',
    },
  )
  .superRefine((mapping, ctx) => {
    for (const kind of ['roleGroups', 'siteGroups'] as const) {
      const seen = new Set<string>();
      mapping[kind].forEach((row, i) => {
        const key = groupNameKey(row.group);
        if (seen.has(key)) {
          ctx.addIssue({
            code: 'custom',
            path: [kind, i, 'group'],
            message: `Die Gruppe „${row.group}“ steht bei den ${kind === 'roleGroups' ? 'Rollen' : 'Standorten'} zweimal.`,
          });
        }
        seen.add(key);
      });
    }
    // Whoever changes the mapping must be able to change it again.
    if (!mapping.roleGroups.some((row) => row.roles.includes('ADMIN'))) {
      ctx.addIssue({
        code: 'custom',
        path: ['roleGroups'],
        message: `Mindestens eine Gruppe muss die Rolle „${ROLE_LABELS.ADMIN}“ geben – sonst kann niemand die Zuordnung mehr ändern.`,
      });
    }
  });

export type LdapMapping = z.infer<typeof ldapMappingSchema>;
export type RoleGroupRow = LdapMapping['roleGroups'][number];
export type SiteGroupRow = LdapMapping['siteGroups'][number];

/** The file's objects (`{"AS-EZ": ["EZ"]}`) as rows, in the file's order. */
export function mappingFromRecords(config: { roleGroups: Record<string, readonly Role[]>; siteGroups: Record<string, string> }): LdapMapping {
  return {
    roleGroups: Object.entries(config.roleGroups).map(([group, roles]) => ({ group, roles: ROLES.filter((r) => roles.includes(r)) })),
    siteGroups: Object.entries(config.siteGroups).map(([group, siteId]) => ({ group, siteId })),
  };
}

/** GET /v1/admin/ldap-mapping (and the answer of PUT and of POST /v1/admin/ldap-mapping/reset). */
export interface LdapMappingResponse {
  /** 'embedded': the service has no Active Directory; there is no mapping to edit. */
  directory: 'ldap' | 'embedded';
  /** The mapping in force (null with the embedded directory). */
  mapping: LdapMapping | null;
  /** ldap.json's mapping: the start value and what "Zur Datei zurückkehren" brings back. */
  fromFile: LdapMapping | null;
  /** 'service': ADMIN's mapping, kept by the service, replaces the file's. */
  source: 'service' | 'file';
}
