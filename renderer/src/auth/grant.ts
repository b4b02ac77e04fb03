import { fromBase64Url, signProof } from '@shared/auth/proof';

/**
 * The grant of the person signed in at this PC (issue 7 item 3, shared/auth/proof.ts), in memory
 * only: from the online sign-in's answer, or unsealed with the password at an offline sign-in.
 * Dropped at sign-out; on disk it exists only sealed with the password (verifier.ts).
 */
let held: { staffId: string; grant: Uint8Array } | null = null;

export function holdGrant(staffId: string | null, grant: string | Uint8Array | null | undefined): void {
  const bytes = typeof grant === 'string' ? fromBase64Url(grant) : (grant ?? null);
  held = staffId !== null && bytes !== null && bytes.length === 32 ? { staffId, grant: bytes } : null;
}

export function dropGrant(): void {
  held = null;
}

/** The proof for a change of `author` to this record – only while that person is signed in here. */
export function proofOf(table: string, recordId: string, author: string): string | undefined {
  return held !== null && held.staffId === author ? signProof(held.grant, table, recordId, author) : undefined;
}

/** The staff id whose grant is held, if any. */
export function grantHolder(): string | null {
  return held?.staffId ?? null;
}
