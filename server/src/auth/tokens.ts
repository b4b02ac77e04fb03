import { randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { PROFILES } from '../../../shared/auth/permissions';
import { ROLES } from '../../../shared/model/vocabulary';
import type { Db } from '../db';

/**
 * Short-lived tokens (issue 7 item 1): the service signs them (HS256, a 256-bit key only it holds)
 * and checks them on every request. A PC token says which enrolled PC asks; a user token says who
 * is signed in at it. Both live 15 minutes; the PC renews them with its credential or its sign-in
 * session, so a stolen token is worth a quarter of an hour, and ending a session or revoking a PC
 * stops the renewal.
 */

export const TOKEN_MINUTES = 15;
const ISSUER = 'anlaufstelle-sync';

const deviceClaims = z.object({ typ: z.literal('device'), sub: z.string().min(1), site: z.string().min(1), profile: z.enum(PROFILES) });
const userClaims = z.object({
  typ: z.literal('user'),
  sub: z.string().min(1),
  sid: z.string().min(1),
  dev: z.string().min(1),
  staff: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  home: z.string().nullable(),
});
export type DeviceClaims = z.infer<typeof deviceClaims>;
export type UserClaims = z.infer<typeof userClaims>;

export type TokenCheck<T> = { ok: true; claims: T } | { ok: false; reason: 'expired' | 'invalid' };

export interface Tokens {
  sign(claims: DeviceClaims | UserClaims, now?: Date): Promise<{ token: string; expiresAt: string }>;
  verifyDevice(token: string, now?: Date): Promise<TokenCheck<DeviceClaims>>;
  verifyUser(token: string, now?: Date): Promise<TokenCheck<UserClaims>>;
}

export function tokens(key: Uint8Array): Tokens {
  async function verify<T>(schema: z.ZodType<T>, token: string, now?: Date): Promise<TokenCheck<T>> {
    try {
      // Only HS256 with our key: "alg: none" and public-key confusion are refused by jose here.
      const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: ['HS256'], currentDate: now });
      const parsed = schema.safeParse(payload);
      return parsed.success ? { ok: true, claims: parsed.data } : { ok: false, reason: 'invalid' };
    } catch (error) {
      return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
    }
  }
  return {
    async sign(claims, now = new Date()) {
      const iat = Math.floor(now.getTime() / 1000);
      const exp = iat + TOKEN_MINUTES * 60;
      const token = await new SignJWT({ ...claims })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(ISSUER)
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .setJti(randomBytes(9).toString('base64url'))
        .sign(key);
      return { token, expiresAt: new Date(exp * 1000).toISOString() };
    },
    verifyDevice: (token, now) => verify(deviceClaims, token, now),
    verifyUser: (token, now) => verify(userClaims, token, now),
  };
}

/** The signing key: AUTH_SECRET (base64, ≥ 32 bytes) or one made at the first start and kept in the database. */
export async function signingKey(db: Db, fromEnv = process.env.AUTH_SECRET): Promise<Uint8Array> {
  if (fromEnv) {
    const key = Buffer.from(fromEnv, 'base64');
    if (key.length < 32) throw new Error('AUTH_SECRET muss mindestens 32 Bytes (Base64) lang sein.');
    return new Uint8Array(key);
  }
  await db.query("INSERT INTO server_secrets (name, value) VALUES ('token-key', $1) ON CONFLICT (name) DO NOTHING", [randomBytes(32).toString('base64')]);
  const { rows } = await db.query<{ value: string }>("SELECT value FROM server_secrets WHERE name = 'token-key'");
  return new Uint8Array(Buffer.from(rows[0]!.value, 'base64'));
}
