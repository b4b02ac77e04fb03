import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, PROOF_PATTERN, signProof, toBase64Url, verifyProof } from '@shared/auth/proof';

/** Issue 7 item 3: the proof a PC attaches to a person's change (shared/auth/proof.ts). */
describe('issue 7 item 3: proofs of a person’s sign-in at a PC', () => {
  const grant = Uint8Array.from({ length: 32 }, (_, i) => i);

  it('base64url round-trips any bytes and matches Node’s encoding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect([...fromBase64Url(text)!]).toEqual([...bytes]);
      }),
    );
    expect(fromBase64Url('a+b/')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull();
  });

  it('a proof is 32 bytes of HMAC-SHA-256 and is checked for exactly its record and author', () => {
    const proof = signProof(grant, 'visits', 'v-1', 's-anna');
    expect(proof).toMatch(PROOF_PATTERN);
    expect(verifyProof(grant, 'visits', 'v-1', 's-anna', proof)).toBe(true);
    expect(verifyProof(grant, 'visits', 'v-2', 's-anna', proof)).toBe(false);
    expect(verifyProof(grant, 'tickets', 'v-1', 's-anna', proof)).toBe(false);
    expect(verifyProof(grant, 'visits', 'v-1', 's-tina', proof)).toBe(false);
    expect(verifyProof(Uint8Array.from(grant, (b) => b ^ 1), 'visits', 'v-1', 's-anna', proof)).toBe(false);
  });

  it('fields cannot be shifted into each other (table "a\\0b" is not table "a" with id "b…")', () => {
    expect(signProof(grant, 'visits', 'v\u00001', 's-anna')).not.toBe(signProof(grant, 'visits\u0000v', '1', 's-anna'));
  });

  it('any changed character of a proof, or a malformed one, is refused', () => {
    const proof = signProof(grant, 'visits', 'v-1', 's-anna');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: proof.length - 1 }), fc.constantFrom(...'AQgw_-9z'), (at, c) => {
        fc.pre(proof[at] !== c);
        const changed = proof.slice(0, at) + c + proof.slice(at + 1);
        // The last character carries 2 padding bits: only a change that alters the bytes counts.
        fc.pre(toBase64Url(fromBase64Url(changed)!) === changed);
        expect(verifyProof(grant, 'visits', 'v-1', 's-anna', changed)).toBe(false);
      }),
    );
    for (const bad of ['', 'x', `${proof}=`, proof.slice(1), "' OR 1=1 --"]) expect(verifyProof(grant, 'visits', 'v-1', 's-anna', bad)).toBe(false);
  });
});
