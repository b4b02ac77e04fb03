import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { ldapGroupNameSchema, ldapRoleSchema } from '../../../shared/model/ldap-mapping';

/**
 * The LDAP side of the sign-in (issue 7 item 1): where the Jobcenter's Active Directory is, which
 * service account reads it, and which groups give which roles and home site. IT writes it as a JSON
 * file (example: server/ldap.example.json, explained in OPERATIONS.md "Active Directory anbinden").
 * Every mistake is said in German with the setting's name, so IT can fix the file without us.
 */

/** An attribute name goes into a filter unescaped (only values are escaped), so only plain names. */
const attributeName = (what: string) =>
  z
    .string({ error: `${what}: bitte einen Attributnamen angeben.` })
    .regex(/^[A-Za-z][A-Za-z0-9-]{0,63}$/, { error: `${what}: nur ein Attributname wie „sAMAccountName“ (Buchstaben, Ziffern, Bindestrich).` });

const dn = (what: string) =>
  z
    .string({ error: `${what}: bitte einen DN angeben, z. B. „OU=Benutzer,DC=jobcenter,DC=local“.` })
    .trim()
    .regex(/^[^=,]+=[^=]/, { error: `${what}: das ist kein DN (erwartet z. B. „OU=Benutzer,DC=jobcenter,DC=local“).` });

/** Role and group name: the same pieces (and German messages) as the mapping ADMIN edits in the app. */
const role = ldapRoleSchema;
const groupKey = ldapGroupNameSchema;

export const ldapConfigSchema = z
  .strictObject(
    {
      url: z
        .string({ error: 'url: bitte die Adresse des Verzeichnisses angeben, z. B. „ldaps://dc01.jobcenter.local:636“.' })
        .trim()
        .regex(/^ldaps?:\/\/[^\s/?#]+\/?$/i, { error: 'url: muss mit ldap:// oder ldaps:// beginnen und nur Rechner und Port nennen.' }),
      /** StartTLS upgrades an ldap:// connection before anything is sent (port 389). */
      startTls: z.boolean({ error: 'startTls: true oder false.' }).default(false),
      /**
       * A password over plain ldap:// would cross the network readable. Only the tests' local slapd
       * may do that, and must say so explicitly.
       */
      allowUnencrypted: z.boolean({ error: 'allowUnencrypted: true oder false.' }).default(false),
      /** PEM file of the CA that signed the domain controllers' certificates (relative to this file). */
      tlsCaFile: z.string({ error: 'tlsCaFile: bitte einen Dateipfad angeben.' }).min(1, { error: 'tlsCaFile: bitte einen Dateipfad angeben.' }).optional(),
      bindDn: dn('bindDn'),
      bindPassword: z.string({ error: 'bindPassword: bitte als Text angeben.' }).min(1, { error: 'bindPassword darf nicht leer sein.' }).optional(),
      /** Preferred: the password stays out of the file, in an environment variable of the service. */
      bindPasswordEnv: z
        .string({ error: 'bindPasswordEnv: bitte den Namen einer Umgebungsvariable angeben.' })
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'bindPasswordEnv: nur der Name der Umgebungsvariable, z. B. „LDAP_BIND_PASSWORD“.' })
        .optional(),
      /** The OU with the staff accounts, not the domain root: AD answers there with referrals. */
      userBase: dn('userBase'),
      /** The attribute holding the sign-in name: sAMAccountName in AD, uid in OpenLDAP. */
      userFilter: attributeName('userFilter').default('sAMAccountName'),
      displayNameAttribute: attributeName('displayNameAttribute').default('displayName'),
      /** Holds the person's id in the app's staff list (`staff.id`). */
      staffIdAttribute: attributeName('staffIdAttribute').default('employeeNumber'),
      groupMembership: z
        .enum(['memberOf-nested', 'member'], { error: 'groupMembership: „memberOf-nested“ (Active Directory, auch verschachtelte Gruppen) oder „member“ (OpenLDAP).' })
        .default('memberOf-nested'),
      groupBase: dn('groupBase'),
      roleGroups: z
        .record(groupKey, z.array(role, { error: 'roleGroups: je Gruppe eine Liste von Rollen, z. B. ["EZ"].' }).min(1, { error: 'roleGroups: jede Gruppe braucht mindestens eine Rolle.' }), {
          error: 'roleGroups: bitte Gruppen und ihre Rollen angeben, z. B. {"AS-EZ": ["EZ"]}.',
        })
        .refine((groups) => Object.keys(groups).length > 0, { error: 'roleGroups: mindestens eine Gruppe angeben – sonst darf niemand die App benutzen.' }),
      /** Group → home site id (`sites.id`). With several, the first listed here wins. */
      siteGroups: z
        .record(groupKey, z.string({ error: 'siteGroups: je Gruppe die ID eines Standorts.' }).trim().min(1, { error: 'siteGroups: die Standort-ID darf nicht leer sein.' }), {
          error: 'siteGroups: bitte Gruppen und Standort-IDs angeben, z. B. {"AS-Standort-BadEms": "…"}.',
        })
        .default({}),
      timeoutMs: z
        .number({ error: 'timeoutMs: bitte eine Zahl von Millisekunden angeben.' })
        .int({ error: 'timeoutMs: bitte ganze Millisekunden angeben.' })
        .min(500, { error: 'timeoutMs: mindestens 500 ms.' })
        .max(60_000, { error: 'timeoutMs: höchstens 60000 ms.' })
        .default(5000),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `Unbekannte Einstellung(en): ${issue.keys.join(', ')}.`
          : 'Die LDAP-Konfiguration muss ein JSON-Objekt sein.',
    },
  )
  .superRefine((config, ctx) => {
    const both = config.bindPassword !== undefined && config.bindPasswordEnv !== undefined;
    const none = config.bindPassword === undefined && config.bindPasswordEnv === undefined;
    if (both || none) {
      ctx.addIssue({ code: 'custom', path: ['bindPasswordEnv'], message: 'Genau eines angeben: bindPasswordEnv (empfohlen) oder bindPassword.' });
    }
    const secure = config.url.toLowerCase().startsWith('ldaps://');
    if (secure && config.startTls) {
      ctx.addIssue({ code: 'custom', path: ['startTls'], message: 'startTls nur mit ldap://; ldaps:// ist schon verschlüsselt.' });
    }
    if (!secure && !config.startTls && !config.allowUnencrypted) {
      ctx.addIssue({
        code: 'custom',
        path: ['url'],
        message: 'Unverschlüsselt würden Passwörter lesbar übers Netz gehen: ldaps:// verwenden oder "startTls": true setzen.',
      });
    }
  });

export type LdapConfigFile = z.infer<typeof ldapConfigSchema>;

/** The configuration as the directory uses it: the password looked up, the CA file read. */
export type LdapConfig = Omit<LdapConfigFile, 'bindPassword' | 'bindPasswordEnv' | 'tlsCaFile'> & {
  bindPassword: string;
  /** PEM text of the CA, when the file names one; otherwise Node's built-in CAs apply. */
  tlsCa?: string;
};

export class LdapConfigError extends Error {
  override name = 'LdapConfigError';
}

/** "roleGroups.AS-EZ.0: Unbekannte Rolle …", one line per mistake. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('\n');
}

export interface ResolveOptions {
  env?: NodeJS.ProcessEnv;
  /** Where a relative tlsCaFile is looked up: the configuration file's folder. */
  baseDir?: string;
  readText?: (path: string) => string;
}

/** Checks the parsed JSON and resolves the password and CA; throws LdapConfigError in German. */
export function resolveLdapConfig(json: unknown, options: ResolveOptions = {}): LdapConfig {
  const parsed = ldapConfigSchema.safeParse(json);
  if (!parsed.success) throw new LdapConfigError(`LDAP-Konfiguration fehlerhaft:\n${describeIssues(parsed.error)}`);
  const { bindPassword, bindPasswordEnv, tlsCaFile, ...rest } = parsed.data;
  const env = options.env ?? process.env;
  const readText = options.readText ?? ((path: string) => readFileSync(path, 'utf8'));
  const password = bindPasswordEnv !== undefined ? env[bindPasswordEnv] : bindPassword;
  if (!password) {
    throw new LdapConfigError(`LDAP-Konfiguration: die Umgebungsvariable ${bindPasswordEnv ?? ''} mit dem Passwort des Dienstkontos ist nicht gesetzt.`);
  }
  let tlsCa: string | undefined;
  if (tlsCaFile !== undefined) {
    const path = resolve(options.baseDir ?? process.cwd(), tlsCaFile);
    try {
      tlsCa = readText(path);
    } catch (error) {
      throw new LdapConfigError(`LDAP-Konfiguration: die CA-Datei ${path} ist nicht lesbar (${(error as Error).message}).`);
    }
  }
  return { ...rest, bindPassword: password, ...(tlsCa !== undefined ? { tlsCa } : {}) };
}

/** Reads the JSON file IT wrote (see OPERATIONS.md "Active Directory anbinden"). */
export function loadLdapConfig(path: string, env: NodeJS.ProcessEnv = process.env): LdapConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new LdapConfigError(`LDAP-Konfiguration ${path} ist nicht lesbar (${(error as Error).message}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new LdapConfigError(`LDAP-Konfiguration ${path} ist kein gültiges JSON (${(error as Error).message}).`);
  }
  return resolveLdapConfig(json, { env, baseDir: dirname(resolve(path)) });
}
