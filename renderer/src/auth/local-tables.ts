import type { Role } from '@shared/model';

/**
 * Issue 7 item 3: what a PC keeps to let a person sign in while the service is unreachable – a
 * PBKDF2-SHA-256 hash of the password (600,000 rounds, OWASP 2023), never the password, with the
 * roles of the last online sign-in. Valid until `offlineUntil`; five wrong passwords lock it until
 * the next online sign-in.
 */
export interface VerifierRow {
  username: string;
  staffId: string | null;
  displayName: string;
  roles: Role[];
  homeSiteId: string | null;
  salt: string;
  hash: string;
  iterations: number;
  offlineUntil: string;
  failures: number;
  locked: boolean;
  /**
   * The online sign-in's grant (shared/auth/proof.ts), AES-GCM-sealed with a key only the password
   * derives: an offline sign-in opens it to prove the person's changes. Absent in older rows.
   */
  sealedGrant?: { iv: string; data: string };
  /** How `hash` was derived (verifier.ts `VERIFIER_KDF`); absent: 1, the PBKDF2 result itself. */
  kdf?: number;
}

/** Issue 7 item 7: an entry for the access log, waiting to be reported (field names, never values). */
export interface AuditOutboxRow {
  id: string;
  at: string;
  action: 'view' | 'print' | 'export' | 'lock' | 'unlock' | 'offline-sign-in' | 'offline-sign-in-failed' | 'sign-out';
  table: 'tickets' | 'handoffs' | 'newCustomers' | 'visits' | 'absences' | 'reports' | null;
  recordId: string | null;
  fields: string[];
  staffId: string | null;
  username: string | null;
  offline: boolean;
}
