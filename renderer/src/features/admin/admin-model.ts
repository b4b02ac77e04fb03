import { z } from 'zod';
import { PROFILE_LABELS, PROFILES, type Profile } from '@shared/auth/permissions';
import { jobcenterSettingsSchema, type JobcenterSettings } from '@shared/model/jobcenter-settings';
import { ROLES, type Role } from '@shared/model/vocabulary';

/**
 * The pure part of "Verwaltung" (issue 7 item 8): what the ADMIN's forms send to the sync service
 * and the German messages when they cannot. The Jobcenter settings are checked with the same
 * schema the service uses (shared/model/jobcenter-settings.ts).
 */

// ---------------------------------------------------------------------------------------------
// Jobcenter settings.

const NUMBER_FIELDS = ['retentionDays', 'notifyMinutesBefore', 'idleLockMinutes', 'offlineSignInDays', 'auditRetentionDays'] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];
/** The form's state: numbers as typed. */
export type SettingsDraft = Record<NumberField, string> & { deadlinePolicy: JobcenterSettings['deadlinePolicy'] };

export function settingsDraft(s: JobcenterSettings): SettingsDraft {
  return {
    retentionDays: String(s.retentionDays),
    deadlinePolicy: s.deadlinePolicy,
    notifyMinutesBefore: String(s.notifyMinutesBefore),
    idleLockMinutes: String(s.idleLockMinutes),
    offlineSignInDays: String(s.offlineSignInDays),
    auditRetentionDays: String(s.auditRetentionDays),
  };
}

/** "12" → 12, "1,5" → 1.5 (refused as not whole), "" or "abc" → NaN (refused as not a number). */
const numberOf = (text: string): number => {
  const t = text.trim().replace(',', '.');
  return t === '' || !/^-?\d+(\.\d+)?$/.test(t) ? Number.NaN : Number(t);
};

/** The body of PUT /v1/settings, or the schema's German messages, one per field. */
export function settingsRequest(draft: SettingsDraft): { ok: true; value: JobcenterSettings } | { ok: false; errors: Partial<Record<keyof JobcenterSettings, string>> } {
  const candidate: Record<string, unknown> = { deadlinePolicy: draft.deadlinePolicy };
  for (const k of NUMBER_FIELDS) candidate[k] = numberOf(draft[k]);
  const parsed = jobcenterSettingsSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: Partial<Record<keyof JobcenterSettings, string>> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[0] as keyof JobcenterSettings;
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}

/** Only what changed goes to the service: the access log then names just those settings. */
export function settingsPatch(current: JobcenterSettings, next: JobcenterSettings): Partial<JobcenterSettings> {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) if (current[key as keyof JobcenterSettings] !== value) patch[key] = value;
  return patch as Partial<JobcenterSettings>;
}

// ---------------------------------------------------------------------------------------------
// PCs and enrollment codes.

/** One PC as GET /v1/admin/devices answers it. */
export interface DeviceRow {
  id: string;
  name: string;
  siteId: string;
  profile: Profile;
  enrolledAt: string;
  enrolledBy: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
}

export const profileLabel = (p: string): string => (PROFILE_LABELS as Record<string, string>)[p] ?? p;

export interface CodeDraft {
  siteId: string;
  profile: Profile | '';
  name: string;
}

/** The body of POST /v1/admin/enrollment-codes, or a German error. */
export function enrollmentCodeRequest(d: CodeDraft): { ok: true; value: { siteId: string; profile: Profile; name: string } } | { ok: false; error: string } {
  if (!d.siteId) return { ok: false, error: 'Bitte einen Standort wählen.' };
  if (!d.profile || !PROFILES.includes(d.profile)) return { ok: false, error: 'Bitte ein Profil wählen (Anlaufstelle, Büro, Leitung).' };
  const name = d.name.trim();
  if (!name) return { ok: false, error: 'Bitte einen Namen für den PC angeben.' };
  if (name.length > 60) return { ok: false, error: 'Der Name des PCs ist zu lang (höchstens 60 Zeichen).' };
  return { ok: true, value: { siteId: d.siteId, profile: d.profile, name } };
}

// ---------------------------------------------------------------------------------------------
// Accounts (the service's own directory; with Active Directory there is nothing to edit here).

/** One account as GET /v1/admin/accounts answers it. */
export interface AccountRow {
  username: string;
  displayName: string;
  staffId: string | null;
  roles: Role[];
  homeSiteId: string | null;
  disabled: boolean;
  hasPassword: boolean;
}

export interface AccountDraft {
  username: string;
  displayName: string;
  staffId: string;
  roles: Role[];
  homeSiteId: string;
  disabled: boolean;
  password: string;
}

export const EMPTY_ACCOUNT: AccountDraft = { username: '', displayName: '', staffId: '', roles: [], homeSiteId: '', disabled: false, password: '' };

export const accountDraft = (a: AccountRow): AccountDraft => ({
  username: a.username,
  displayName: a.displayName,
  staffId: a.staffId ?? '',
  roles: [...a.roles],
  homeSiteId: a.homeSiteId ?? '',
  disabled: a.disabled,
  password: '',
});

/** The same rules as the service's (server/src/auth/embedded.ts), with its German messages. */
const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, { error: 'Benutzername: nur Buchstaben, Ziffern, Punkt, Binde- und Unterstrich (höchstens 64 Zeichen).' });
export const MIN_PASSWORD = 10;

export interface AccountRequest {
  account: { username: string; displayName: string; staffId: string | null; roles: Role[]; homeSiteId: string | null; disabled: boolean };
  password?: string;
}

/**
 * The body of PUT /v1/admin/accounts, or the German messages. A new account needs a password (it
 * could not sign in otherwise); an existing one keeps its password unless a new one is typed.
 */
export function accountRequest(d: AccountDraft, isNew: boolean): { ok: true; value: AccountRequest } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const username = usernameSchema.safeParse(d.username);
  if (!d.username.trim()) errors.push('Bitte einen Benutzernamen angeben.');
  else if (!username.success) errors.push(username.error.issues[0]!.message);
  const displayName = d.displayName.trim();
  if (!displayName) errors.push('Bitte den Namen angeben.');
  else if (displayName.length > 80) errors.push('Der Name ist zu lang (höchstens 80 Zeichen).');
  const roles = ROLES.filter((r) => d.roles.includes(r));
  if (roles.length === 0) errors.push('Bitte mindestens eine Rolle wählen.');
  if (d.password.length > 0 || isNew) {
    if (d.password.length === 0) errors.push('Bitte ein Kennwort für das neue Konto angeben.');
    else if (d.password.length < MIN_PASSWORD) errors.push(`Das Kennwort muss mindestens ${MIN_PASSWORD} Zeichen lang sein.`);
    else if (d.password.length > 200) errors.push('Das Kennwort darf höchstens 200 Zeichen lang sein.');
  }
  if (errors.length > 0 || !username.success) return { ok: false, errors };
  return {
    ok: true,
    value: {
      account: { username: username.data, displayName, staffId: d.staffId || null, roles, homeSiteId: d.homeSiteId || null, disabled: d.disabled },
      ...(d.password ? { password: d.password } : {}),
    },
  };
}
