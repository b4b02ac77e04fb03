import { z } from 'zod';
import { hasInvisibleCharacters, idSchema, text } from '../model/text';
import { ROLES } from '../model/vocabulary';
import { PROFILES, type Profile } from './permissions';

/**
 * What PC and service say to each other about enrollment and sign-in (issue 7 items 1–3). Both
 * sides parse with these schemas; the messages are German because the PC shows them as they are.
 */

const pcName = text({ label: 'Der Name des PCs', max: 60, min: 1, tooShort: 'Bitte einen Namen für diesen PC angeben.' });
const credential = {
  username: text({ label: 'Der Benutzername', max: 200, min: 1, tooShort: 'Bitte den Benutzernamen angeben.' }),
  // Not trimmed: a password is what it is; invisible and control characters are refused, though.
  password: z
    .string({ error: 'Bitte das Kennwort angeben.' })
    .min(1, { error: 'Bitte das Kennwort angeben.' })
    .max(200, { error: 'Das Kennwort ist zu lang.' })
    .refine((v) => !hasInvisibleCharacters(v), { error: 'Das Kennwort enthält unsichtbare Steuerzeichen. Bitte neu eintippen.' }),
};

/** A PC is enrolled with a one-time code, or at the PC itself by an administrator's sign-in. */
export const enrollByCodeSchema = z.strictObject({
  code: text({ label: 'Der Einrichtungscode', max: 40, min: 1, tooShort: 'Bitte den Einrichtungscode angeben.' }),
  name: pcName,
});
export const enrollByAdminSchema = z.strictObject({
  ...credential,
  siteId: idSchema('den Standort dieses PCs'),
  profile: z.enum(PROFILES, { error: 'Bitte das Profil dieses PCs wählen (Anlaufstelle, Büro, Leitung).' }),
  name: pcName,
});
export const enrollRequestSchema = z.union([enrollByCodeSchema, enrollByAdminSchema], {
  error: 'Bitte den Einrichtungscode oder die Anmeldung der Administration angeben.',
});
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;

export const signInRequestSchema = z.strictObject(credential);
export type SignInRequest = z.infer<typeof signInRequestSchema>;

/** The enrolled PC as the UI knows it (never its secret). */
export interface DeviceInfo {
  deviceId: string;
  siteId: string;
  profile: Profile;
  name: string;
}

export const accountSchema = z.object({
  username: z.string(),
  staffId: z.string().nullable(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  homeSiteId: z.string().nullable(),
});
export type AccountInfo = z.infer<typeof accountSchema>;

export const signInAnswerSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  sessionId: z.string(),
  account: accountSchema,
  offlineUntil: z.string(),
  /**
   * The sign-in's grant (base64url, 32 bytes): only in the answer to a sign-in, never to a renewal.
   * The PC proves the person's changes with it (shared/auth/proof.ts).
   */
  grant: z.string().regex(/^[A-Za-z0-9_-]{43}$/).optional(),
});
export type SignInAnswer = z.infer<typeof signInAnswerSchema>;

/** The key combination that locks the screen at once (issue 7 item 4). */
export const LOCK_KEYS = { ctrl: true, alt: true, key: 'l', label: 'Strg+Alt+L' } as const;
