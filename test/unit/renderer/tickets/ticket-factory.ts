import type { CallbackTicket } from '@shared/model';

export const BAD_EMS = '5b1f0f9e-0c57-4d36-9d43-0a7e3c1b0e01';
export const DIEZ = '5b1f0f9e-0c57-4d36-9d43-0a7e3c1b0e02';
export const LAHNSTEIN = '5b1f0f9e-0c57-4d36-9d43-0a7e3c1b0e03';

let seq = 0;

/** A valid ticket with sensible defaults; tests override what their rule is about. */
export function makeTicket(overrides: Partial<CallbackTicket> = {}): CallbackTicket {
  seq++;
  const createdAt = overrides.createdAt ?? '2026-11-25T09:00:00.000Z';
  return {
    id: `t-${seq}`,
    createdAt,
    createdBy: 'clerk-1',
    updatedAt: createdAt,
    updatedBy: 'clerk-1',
    deletedAt: null,
    ref: `BE-${String(seq).padStart(6, '0')}`,
    siteId: BAD_EMS,
    distributionSiteId: BAD_EMS,
    visitId: null,
    department: 'MI',
    concern: 'Frage zum Bildungsgutschein',
    customerName: 'Anna Becker',
    customerNumber: null,
    phone: '02603 123456',
    preferredTimes: 'vormittags',
    dueAt: '2026-11-26T09:00:00.000Z',
    deadlinePolicy: 'working-days',
    status: 'open',
    assignee: null,
    attempts: [],
    contact: null,
    closedAt: null,
    closeNote: '',
    anonymisedAt: null,
    ...overrides,
  };
}
