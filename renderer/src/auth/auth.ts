import { create } from 'zustand';
import { signInAnswerSchema, type AccountInfo, type DeviceInfo, type EnrollRequest } from '@shared/auth/sign-in';
import { JOBCENTER_DEFAULTS, jobcenterSettingsSchema, type JobcenterSettings } from '@shared/model/jobcenter-settings';
import { getDb, type AnlaufstelleDB } from '../db/db';
import { saveSettings } from '../db/repositories/settings';
import { platform } from '../platform';
import { useSession } from '../state/session';
import { recordAudit } from './audit-outbox';
import { ServiceError, serviceRequest } from './service-api';
import { checkOffline, dropVerifier, storeVerifier } from './verifier';
import { dropGrant, holdGrant } from './grant';
import { fromBase64Url } from '@shared/auth/proof';

/**
 * Who works at this PC (issue 7 items 1–4). A PC with a sync service is enrolled and someone signs
 * in; the actor of every write is that person (the "am Platz" choice is gone there). A PC without
 * any service ("Nur dieser PC") is the local demo and keeps its person choice – it holds no
 * Jobcenter data (README).
 */
export type AuthPhase = 'checking' | 'standalone' | 'enroll' | 'signed-out' | 'signed-in' | 'locked';

export interface SignedInUser extends AccountInfo {
  sessionId: string | null;
  /** The short-lived user token (15 minutes), renewed while online; null after an offline sign-in. */
  token: string | null;
  expiresAt: string | null;
  offline: boolean;
}

interface AuthState {
  phase: AuthPhase;
  device: DeviceInfo | null;
  user: SignedInUser | null;
  jobcenter: JobcenterSettings;
  /** A German sentence for the sign-in or enrollment screen (e.g. why the PC must be enrolled anew). */
  notice: string | null;
}

export const useAuth = create<AuthState>()(() => ({ phase: 'checking', device: null, user: null, jobcenter: JOBCENTER_DEFAULTS, notice: null }));

const JOBCENTER_KEY = 'anlaufstelle.jobcenter';

/** The person as the rest of the app knows it: the session's desk person and site (in memory only). */
function applyToSession(device: DeviceInfo | null, user: SignedInUser | null): void {
  const s = useSession.getState();
  s.setSettings({ ...s.settings, siteId: device?.siteId ?? s.settings.siteId, deskStaffId: user?.staffId ?? null });
  s.setAccountRoles(user ? user.roles : null);
}

function cachedJobcenter(): JobcenterSettings {
  try {
    const parsed = jobcenterSettingsSchema.safeParse(JSON.parse(localStorage.getItem(JOBCENTER_KEY) ?? 'null'));
    return parsed.success ? parsed.data : JOBCENTER_DEFAULTS;
  } catch {
    return JOBCENTER_DEFAULTS;
  }
}

/**
 * The Jobcenter's settings from the service (issue 7 item 8), kept for the next offline start. The
 * ones every part of the app already reads locally (deadline policy, notice lead time, retention
 * period) are written into this PC's settings, so the retention sweep and the deadlines follow the
 * service, not a value someone set at one PC.
 */
export async function refreshJobcenterSettings(): Promise<void> {
  let parsed: ReturnType<typeof jobcenterSettingsSchema.safeParse>;
  try {
    parsed = jobcenterSettingsSchema.safeParse(await serviceRequest('/v1/settings'));
  } catch {
    return; // Offline: the last known settings stay.
  }
  if (!parsed.success) return;
  const j = parsed.data;
  localStorage.setItem(JOBCENTER_KEY, JSON.stringify(j));
  useAuth.setState({ jobcenter: j });
  const next = await saveSettings(getDb(), { deadlinePolicy: j.deadlinePolicy, notifyMinutesBefore: j.notifyMinutesBefore, retentionDays: j.retentionDays });
  const s = useSession.getState();
  s.setSettings({ ...s.settings, deadlinePolicy: next.deadlinePolicy, notifyMinutesBefore: next.notifyMinutesBefore, retentionDays: next.retentionDays });
}

/** Is there a sync service behind `/sync`? `absent`: a page server without it ("Nur dieser PC"). */
async function probe(): Promise<'ready' | 'absent' | 'unreachable'> {
  try {
    const res = await fetch('/sync/health', { signal: AbortSignal.timeout(10_000) });
    if (!(res.headers.get('content-type') ?? '').includes('application/json')) return res.status >= 500 ? 'unreachable' : 'absent';
    return res.ok ? 'ready' : 'unreachable';
  } catch {
    return 'unreachable';
  }
}

export async function initAuth(): Promise<void> {
  useAuth.setState({ jobcenter: cachedJobcenter() });
  const info = await platform.deviceInfo();
  if (info.ok && info.value) {
    useAuth.setState({ phase: 'signed-out', device: info.value });
    applyToSession(info.value, null);
    void refreshJobcenterSettings();
    return;
  }
  const service = await probe();
  if (service === 'absent') {
    useAuth.setState({ phase: 'standalone' });
    return;
  }
  useAuth.setState({ phase: 'enroll', notice: service === 'unreachable' ? 'Der Sync-Dienst ist gerade nicht erreichbar. Ein PC wird eingerichtet, sobald er erreichbar ist.' : null });
}

/** The service says this PC is unknown or revoked: forget it and enroll anew. */
export async function deviceRefused(message: string): Promise<void> {
  dropGrant();
  await platform.forgetDevice();
  applyToSession(null, null);
  useAuth.setState({ phase: 'enroll', device: null, user: null, notice: message });
}

/** Returns a German error, or null when the PC is enrolled. */
export async function enroll(request: EnrollRequest): Promise<string | null> {
  const res = await platform.enrollDevice(request);
  if (!res.ok) return res.error;
  useAuth.setState({ phase: 'signed-out', device: res.value, notice: null });
  applyToSession(res.value, null);
  void refreshJobcenterSettings();
  return null;
}

/**
 * Signed in: the person's grant in memory (changes waiting in her name wait for her to confirm
 * them – features/signin/WaitingChanges.tsx – never go by the sign-in alone).
 */
function signedIn(user: SignedInUser, grant: Uint8Array | null): void {
  holdGrant(user.staffId, grant);
  useAuth.setState({ phase: 'signed-in', user, notice: null });
  applyToSession(useAuth.getState().device, user);
}

const OFFLINE_REFUSALS = {
  unknown: 'Der Sync-Dienst ist nicht erreichbar, und diese Person hat sich an diesem PC noch nie angemeldet. Eine Anmeldung ohne Verbindung ist nicht möglich.',
  expired: 'Der Sync-Dienst ist nicht erreichbar, und die letzte Anmeldung an diesem PC liegt zu lange zurück. Bitte warten, bis die Verbindung wieder steht.',
  locked: 'Zu viele falsche Kennwörter ohne Verbindung: die Anmeldung ohne Verbindung ist gesperrt, bis Sie sich wieder mit Verbindung anmelden.',
} as const;

/** Signs in online, or – with the service unreachable – with this PC's verifier. German error or null. */
export async function signIn(db: AnlaufstelleDB, username: string, password: string): Promise<string | null> {
  const name = username.trim().toLowerCase();
  try {
    const answer = signInAnswerSchema.parse(await serviceRequest('/v1/sign-in', { body: { username: name, password } }));
    const grant = answer.grant ? fromBase64Url(answer.grant) : null;
    // The verifier first: a PC that loses the network a minute later still lets the person back in.
    await storeVerifier(db, answer.account, password, answer.offlineUntil, grant);
    signedIn({ ...answer.account, sessionId: answer.sessionId, token: answer.token, expiresAt: answer.expiresAt, offline: false }, grant);
    return null;
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    if (error.kind === 'refused') {
      if (error.code === 'device-revoked' || error.code === 'device-unknown') {
        await deviceRefused(error.message);
        return error.message;
      }
      if (error.code === 'account-disabled') await dropVerifier(db, name);
      return error.message;
    }
  }
  // Issue 7 item 3: offline sign-in.
  const check = await checkOffline(db, name, password);
  const entry = { staffId: null, username: name, table: null, recordId: null, fields: [], offline: true };
  if (check.ok) {
    await recordAudit(db, { ...entry, action: 'offline-sign-in', staffId: check.account.staffId });
    signedIn({ ...check.account, sessionId: null, token: null, expiresAt: null, offline: true }, check.grant);
    return null;
  }
  if (check.reason === 'wrong-password' || check.reason === 'locked') await recordAudit(db, { ...entry, action: 'offline-sign-in-failed' });
  if (check.reason === 'wrong-password') {
    return `Benutzername oder Kennwort ist falsch (ohne Verbindung zum Sync-Dienst geprüft; noch ${check.failuresLeft} Versuch${check.failuresLeft === 1 ? '' : 'e'}).`;
  }
  return OFFLINE_REFUSALS[check.reason];
}

/** Issue 7 item 4: the screen locks; the person stays signed in. */
export async function lock(db: AnlaufstelleDB): Promise<void> {
  const { user, phase } = useAuth.getState();
  if (phase !== 'signed-in' || !user) return;
  useAuth.setState({ phase: 'locked' });
  await recordAudit(db, { action: 'lock', staffId: user.staffId, username: user.username, table: null, recordId: null, fields: [], offline: user.offline });
}

/** Unlocks with the signed-in person's password (checked on this PC: works offline too). */
export async function unlock(db: AnlaufstelleDB, password: string): Promise<string | null> {
  const { user } = useAuth.getState();
  if (!user) return 'Niemand ist angemeldet.';
  const check = await checkOffline(db, user.username, password);
  if (check.ok) {
    useAuth.setState({ phase: 'signed-in' });
    await recordAudit(db, { action: 'unlock', staffId: user.staffId, username: user.username, table: null, recordId: null, fields: [], offline: user.offline });
    return null;
  }
  if (check.reason === 'wrong-password') return `Das Kennwort ist falsch (noch ${check.failuresLeft} Versuch${check.failuresLeft === 1 ? '' : 'e'}).`;
  // Locked or expired: the person signs in anew.
  await signOut(db);
  return 'Zu viele falsche Kennwörter: bitte neu anmelden.';
}

/** Issue 7 item 4: sign out (also the quick user switch). */
export async function signOut(db: AnlaufstelleDB, notice: string | null = null): Promise<void> {
  const { user } = useAuth.getState();
  dropGrant();
  useAuth.setState({ phase: 'signed-out', user: null, notice });
  applyToSession(useAuth.getState().device, null);
  if (!user) return;
  await recordAudit(db, { action: 'sign-out', staffId: user.staffId, username: user.username, table: null, recordId: null, fields: [], offline: user.offline });
  if (user.sessionId) void serviceRequest('/v1/sign-out', { body: { sessionId: user.sessionId } }).catch(() => undefined);
}

/**
 * Keeps the user token fresh (renewed two minutes before it expires). The renewal reads the roles
 * as of now; a disabled account ends the sign-in with a German notice. Offline: nothing to do.
 */
export async function renewIfDue(db: AnlaufstelleDB, now = new Date()): Promise<void> {
  const { user } = useAuth.getState();
  if (!user?.sessionId || !user.expiresAt || Date.parse(user.expiresAt) - now.getTime() > 120_000) return;
  try {
    const answer = signInAnswerSchema.parse(await serviceRequest('/v1/session/refresh', { body: { sessionId: user.sessionId } }));
    const current = useAuth.getState().user;
    if (current?.sessionId !== user.sessionId) return;
    const next = { ...current, ...answer.account, token: answer.token, expiresAt: answer.expiresAt };
    useAuth.setState({ user: next });
    applyToSession(useAuth.getState().device, next);
  } catch (error) {
    if (!(error instanceof ServiceError) || error.kind === 'offline') return;
    if (error.code === 'account-disabled') await dropVerifier(db, user.username);
    await signOut(db, error.message);
  }
}

/** How someone else takes over this PC, in words: sign-in on an enrolled PC, the choice in the demo. */
export function useSwitchPersonHint(): { standalone: boolean; sentence: string; short: string } {
  const standalone = useAuth((s) => s.phase === 'standalone');
  return standalone
    ? { standalone, sentence: 'Die Person am Platz wählen Sie in den Einstellungen (Alt+0).', short: 'Person am Platz in den Einstellungen wechseln' }
    : { standalone, sentence: 'Eine andere Person meldet sich an: „Abmelden / Benutzer wechseln“ oben.', short: 'eine andere Person meldet sich an' };
}
