import type { z } from 'zod';
import { firstIssueMessage } from '@shared/model';

/**
 * The first problem of a form, with the field it belongs to, so the form can mark that field
 * (aria-invalid, aria-describedby) and move focus to it. The schemas are the repositories' own
 * (shared/model/staffing.ts), so the message is the one the write would refuse with; the write
 * still validates again (and checks what only the database knows, like overlaps).
 */
export interface FieldError {
  /** Top-level field name, or null when the problem is not one field's. */
  field: string | null;
  message: string;
}

export function firstFieldError(schema: z.ZodType, input: unknown): FieldError | null {
  const result = schema.safeParse(input);
  if (result.success) return null;
  const first = result.error.issues[0]?.path[0];
  return { field: first === undefined ? null : String(first), message: firstIssueMessage(result.error) };
}

/** Props for a control: invalid and described by the error when the error is this field's. */
export function fieldA11y(error: FieldError | null, field: string, errorId: string, hintId?: string) {
  const mine = error !== null && error.field === field;
  const describedBy = [mine ? errorId : null, hintId ?? null].filter(Boolean).join(' ');
  return { 'aria-invalid': mine ? true : undefined, 'aria-describedby': describedBy || undefined };
}
