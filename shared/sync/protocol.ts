import { z } from 'zod';
import { PROOF_PATTERN } from '../auth/proof';
import { callbackTicketSchema, handoffSchema, siteSchema, staffSchema, visitSchema } from '../model/records';
import { silentAlarmSchema } from '../model/alarm';
import { groupSessionSchema, newCustomerSchema } from '../model/new-customer';
import { absenceSchema, closureSchema, coverDecisionSchema, deskShiftSchema, inboxMessageSchema } from '../model/staffing';

/**
 * The sync wire format, version 1 (server/PROTOCOL.md). Pure zod, shared by the sync service and
 * the client engine, so both parse the same shapes; the server trusts no PC and parses every byte.
 */
export const PROTOCOL_VERSION = 1;

/** The tables that sync, with the record schema each change must pass (SPEC §9). Settings and the outbox stay on the PC. */
export const SYNCED_TABLES = {
  sites: siteSchema,
  staff: staffSchema,
  visits: visitSchema,
  handoffs: handoffSchema,
  tickets: callbackTicketSchema,
  shifts: deskShiftSchema,
  absences: absenceSchema,
  closures: closureSchema,
  coverDecisions: coverDecisionSchema,
  inbox: inboxMessageSchema,
  alarms: silentAlarmSchema,
  newCustomers: newCustomerSchema,
  groupSessions: groupSessionSchema,
} as const;
export type SyncedTable = keyof typeof SYNCED_TABLES;
export const SYNCED_TABLE_NAMES = Object.keys(SYNCED_TABLES) as SyncedTable[];

/** Limits the server enforces; the client splits its outbox to stay inside them. */
export const MAX_BODY_BYTES = 1_048_576;
export const MAX_CHANGES_PER_PUSH = 500;
export const MAX_PULL_LIMIT = 1000;
/** A change whose clock is further ahead of the server is refused (SYNC.md §3). */
export const MAX_CLOCK_AHEAD_MS = 24 * 3_600_000;

/** Sent as headers on every request (sign-in comes later; until then user is a placeholder). */
export const HEADERS = { protocol: 'x-anl-protocol', device: 'x-anl-device', user: 'x-anl-user' } as const;
/**
 * Issue 7: the PC token travels as `Authorization: Bearer …` (on the live WebSocket as `?token=`),
 * the signed-in person's token in its own header. Both are short-lived JWTs the service issued.
 */
export const AUTH_HEADERS = { userToken: 'x-anl-user-token' } as const;

const id = z.string().min(1).max(100);
/** Hybrid logical clock `ISO-counter-node`, sortable as a string (SYNC.md §2). */
export const hlcSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9A-F]{4}-[0-9a-zA-Z_-]{1,40}$/);

/** A change carries the whole record as read at push time; `table` is checked against SYNCED_TABLES. */
export const changeSchema = z.strictObject({
  changeId: id,
  table: z.string().min(1).max(40),
  id,
  op: z.enum(['put', 'delete']),
  hlc: hlcSchema,
  intent: z.string().max(60).optional(),
  /** The fields this change wrote (per-field LWW); absent: every field of `record`. */
  fields: z.array(z.string().min(1).max(60)).max(200).optional(),
  record: z.record(z.string(), z.unknown()),
  /**
   * Issue 7 item 3: the author's proof for this record (shared/auth/proof.ts) – needed when the
   * request does not carry the author's own live sign-in (the change was made offline, or by a
   * person who has signed out since).
   */
  proof: z.string().regex(PROOF_PATTERN).optional(),
});
export type Change = z.infer<typeof changeSchema>;

export const pushRequestSchema = z.strictObject({
  groups: z
    .array(z.strictObject({ txId: id, changes: z.array(changeSchema).min(1) }))
    .min(1),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const REJECTION_CODES = [
  'handoff.already-taken',
  'handoff.backwards',
  'ticket.backwards',
  'record.anonymised',
  'record.deleted',
  'record.stale',
  'record.id-mismatch',
  'record.out-of-scope',
  'cover.not-allowed',
  'cover.already-decided',
  'cover.not-proposed',
  'cover.gap-closed',
  'cover.double-duty',
  'group.rolled-back',
  /** Issue 7 item 5: the author may not make this change (shared/auth/permissions.ts), or the account is disabled. */
  'auth.forbidden',
  /**
   * Issue 7 item 3: the change names a person whose sign-in this PC cannot prove (no live sign-in,
   * no valid proof). Not final: the PC keeps the change and sends it again once that person has
   * signed in there; the service keeps no receipt for it.
   */
  'auth.unproven',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export type ChangeResult =
  | { changeId: string; status: 'applied'; version: number }
  | { changeId: string; status: 'rejected'; code: RejectionCode; message: string; canonical: Record<string, unknown> | null };

export interface PushResponse {
  epoch: string;
  head: number;
  serverHlc: string;
  results: ChangeResult[];
}

export interface PulledRecord {
  table: SyncedTable;
  id: string;
  version: number;
  /**
   * The record's newest clock. The PC's clock moves past it (additive in protocol 1; optional so
   * an older server still answers): an edit made after seeing a record is later than it, even when
   * the PCs' wall clocks agree to the millisecond.
   */
  hlc?: string;
  record: Record<string, unknown>;
}
export interface PullResponse {
  epoch: string;
  head: number;
  cursor: number;
  more: boolean;
  records: PulledRecord[];
  /**
   * Issue 7 item 6: the fingerprint of the scope this page was projected with (additive in
   * protocol 1; absent from a service without scopes). A PC that sees it differ from the one it
   * stored with its cursor pulls the scoped tables again from 0 (`?scoped=1`), so every row it
   * holds is projected under the new scope.
   */
  scopeFingerprint?: string;
}

/** POST /v1/desk-code (issue 6 item 6): which code this PC uses at a site. */
export const deskCodeRequestSchema = z.strictObject({
  siteId: id,
  /**
   * The code this PC already uses at the site, if any: after a restore from a backup the service may
   * have forgotten it, and the PC claims it back (kept if still free; otherwise it gets a new one).
   */
  held: z.string().regex(/^[ABCDEFGHJKMNPQRSTVWXYZ]{1,2}$/).optional(),
});
export type DeskCodeRequest = z.infer<typeof deskCodeRequestSchema>;
export interface DeskCodeResponse {
  siteId: string;
  /** "A", "B", … – see shared/sync/desk-code.ts. */
  code: string;
}

export const ERROR_CODES = [
  'malformed',
  'unknown-table',
  'too-large',
  'too-many-changes',
  'version-not-supported',
  'missing-device',
  'not-found',
  'conflict',
  'internal',
  // Issue 7: sign-in and enrolled PCs.
  'unauthenticated',
  'token-expired',
  'device-unknown',
  'device-revoked',
  'wrong-device',
  'signed-out',
  'forbidden',
  'wrong-credentials',
  'locked',
  'account-disabled',
  'directory-unavailable',
  'enrollment-refused',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export interface ErrorResponse {
  error: { code: ErrorCode; message: string; issues?: { changeId?: string; path: string; message: string }[] };
}
