/**
 * The access log's vocabulary (issue 7 item 7), shared by the sync service that writes and searches
 * it (server/src/audit.ts) and the DSB's screen that reads it (renderer/src/features/audit).
 */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'view',
  'print',
  'export',
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'offline-sign-in',
  'offline-sign-in-failed',
  'lock',
  'unlock',
  'enroll',
  'enroll-failed',
  'enrollment-code',
  'device-revoked',
  'account-changed',
  'settings-changed',
  'request-refused',
  'audit-read',
  'audit-export',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One row as GET /v1/audit answers it. */
export interface AuditRow {
  seq: number;
  at: string;
  action: AuditAction;
  outcome: 'ok' | 'refused';
  username: string | null;
  staffId: string | null;
  deviceId: string | null;
  /** The PC's name as enrolled (search results only; not part of the chained content). */
  deviceName?: string | null;
  table: string | null;
  recordId: string | null;
  fields: string[];
  offline: boolean;
  detail: string | null;
}
