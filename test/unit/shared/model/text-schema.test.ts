import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as bridge from '@shared/bridge/contract';
import * as inputs from '@shared/model/inputs';
import * as staffing from '@shared/model/staffing';
import { DATE_WINDOWS, germanIssueMessage, hasInvisibleCharacters, outsideWindow, text } from '@shared/model/text';

/**
 * Issue 10 item 10 "Refuse them in every text schema, once" and item 5 "every free text has a
 * stated maximum": one builder, and a walk over every input schema of shared/model and
 * shared/bridge that finds each string in it and feeds it invisible characters.
 */

type Schema = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };

/** Every string schema reachable inside `schema`, with its path. */
function stringLeaves(schema: Schema, path: string, out: Array<[string, Schema]> = []): Array<[string, Schema]> {
  const def = schema._zod.def;
  switch (def.type) {
    case 'string':
      out.push([path, schema]);
      break;
    case 'object':
      for (const [key, child] of Object.entries(def.shape as Record<string, Schema>)) stringLeaves(child, `${path}.${key}`, out);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      stringLeaves(def.innerType as Schema, path, out);
      break;
    case 'pipe':
      stringLeaves(def.in as Schema, path, out);
      break;
    case 'array':
      stringLeaves(def.element as Schema, `${path}[]`, out);
      break;
    case 'union':
      (def.options as Schema[]).forEach((o, i) => stringLeaves(o, `${path}|${i}`, out));
      break;
    default:
      break;
  }
  return out;
}

const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && '_zod' in v;
/** Stored-record schemas are not inputs: records.ts is never parsed from a form or IPC. */
const inputSchemas: Array<[string, Schema]> = [
  ...Object.entries(inputs).filter(([, v]) => isSchema(v)),
  ...Object.entries(staffing).filter(([k, v]) => isSchema(v) && /Input|Patch|sessionRef/.test(k)),
  ...Object.entries(bridge).filter(([k, v]) => isSchema(v) && k !== 'appInfoSchema'),
] as unknown as Array<[string, Schema]>;

// A saved file's content is an export of stored records, not typed text: what it may hold was
// refused at entry already, and a CSV needs its line breaks.
const NOT_TEXT = new Set(['saveFileSchema.content']);
const leaves = inputSchemas.flatMap(([name, schema]) => stringLeaves(schema, name)).filter(([path]) => !NOT_TEXT.has(path));

const SNEAKY = ['\u202E', '\u2066', '\u2069', '\u200E', '\u200F', '\u200B', '\uFEFF', '\u0000', '\u001B', '\u0085', '\u2028', '\u00AD'];

describe('issue 10 item 10: every text field of every input schema refuses invisible characters', () => {
  it('finds the text fields (names, notes, reasons, labels, bridge texts)', () => {
    const paths = leaves.map(([p]) => p);
    expect(leaves.length).toBeGreaterThanOrEqual(25);
    for (const expected of ['ticketDraftSchema.customerName', 'absenceInputSchema.note', 'staffInputSchema.name', 'notificationSchema.body', 'receiptSchema.siteName']) {
      expect(paths).toContain(expected);
    }
  });

  it.each(leaves)('%s refuses bidi, zero-width and control characters', (_path, schema) => {
    for (const ch of SNEAKY) expect(schema.safeParse(`Mei${ch}er`).success, JSON.stringify(ch)).toBe(false);
  });
});

describe('the one text builder (issue 10 items 5, 10)', () => {
  const name = text({ label: 'Der Name', max: 80, min: 2, tooShort: 'Bitte den Namen angeben.' });
  const note = text({ label: 'Die Notiz', max: 500, multiline: true });

  it('trims and keeps ordinary text, umlauts, accents, emoji and non-breaking spaces', () => {
    expect(name.parse('  Jürgen Çelik-Øster ')).toBe('Jürgen Çelik-Øster');
    expect(name.parse('Ana\u00A0María 👩‍⚕️'.replace('\u200D', ''))).toBe('Ana\u00A0María 👩⚕️');
  });

  it('refuses over the maximum with the stated maximum, never cuts', () => {
    const result = name.safeParse('x'.repeat(81));
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe('Der Name ist zu lang (höchstens 80 Zeichen).');
    expect(name.parse('x'.repeat(80))).toHaveLength(80);
  });

  it('names the problem in German for an invisible character', () => {
    expect(name.safeParse('Anna\u202EWagner').error!.issues[0]!.message).toMatch(/^Der Name enthält unsichtbare Steuer- oder Richtungszeichen/);
  });

  it('allows line breaks only in multi-line notes, and makes CR LF a plain LF', () => {
    expect(note.parse('Mailbox\r\nRückruf morgen')).toBe('Mailbox\nRückruf morgen');
    expect(name.safeParse('Anna\nWagner').success).toBe(false);
    expect(hasInvisibleCharacters('a\nb', { multiline: true })).toBe(false);
    expect(hasInvisibleCharacters('a\u2029b', { multiline: true })).toBe(true);
  });

  it('says "fehlt" for a missing text and "muss ein Text sein" for a number', () => {
    expect(name.safeParse(undefined).error!.issues[0]!.message).toBe('Der Name fehlt.');
    expect(name.safeParse(42).error!.issues[0]!.message).toBe('Der Name muss ein Text sein.');
  });
});

describe('issue 10 item 9: zod refusals without an own message are German', () => {
  it.each([
    [z.object({ staffId: z.string() }), {}, 'Person fehlt.'],
    [z.object({ minStaff: z.number() }), { minStaff: '2' }, 'Mindestbesetzung: hier wird eine Zahl erwartet.'],
    [z.string().max(3), 'abcd', 'höchstens 3 Zeichen.'],
    [z.enum(['a', 'b']), 'c', 'bitte einen der vorgesehenen Werte wählen.'],
    [z.strictObject({}), { x: 1 }, 'Nicht vorgesehene Angaben: x.'],
    [z.date(), new Date('x'), 'bitte ein gültiges Datum angeben.'],
    [z.iso.date(), '2026-13-07', 'bitte ein Datum im Format JJJJ-MM-TT angeben.'],
  ] as const)('%#: %o → German', (schema, input, message) => {
    expect((schema as z.ZodType).safeParse(input).error!.issues[0]!.message).toBe(message);
  });

  it('falls back to a German sentence for any code', () => {
    expect(germanIssueMessage({ code: 'custom', path: [], input: 1 } as never)).toBe('die Angabe ist ungültig.');
  });
});

describe('issue 10 item 4: date windows', () => {
  it('appointments: not in the past, at most six months ahead', () => {
    expect(outsideWindow('Der Termin', '2026-11-25', '2026-11-26', DATE_WINDOWS.appointment)).toBe('Der Termin muss in der Zukunft liegen.');
    expect(outsideWindow('Der Termin', '2027-05-27', '2026-11-26', DATE_WINDOWS.appointment)).toBeNull();
    expect(outsideWindow('Der Termin', '2999-12-31', '2026-11-26', DATE_WINDOWS.appointment)).toBe(
      'Der Termin (31.12.2999) liegt zu weit in der Zukunft – höchstens 6 Monate ab heute.',
    );
  });

  it('absences: one year back, two years ahead, at most a year long', () => {
    expect(outsideWindow('Der erste Tag', '2025-11-26', '2026-11-26', DATE_WINDOWS.absence)).toBeNull();
    expect(outsideWindow('Der erste Tag', '2025-11-25', '2026-11-26', DATE_WINDOWS.absence)).toMatch(/zu weit zurück – höchstens ein Jahr vor heute/);
    expect(outsideWindow('Der letzte Tag', '2028-11-26', '2026-11-26', DATE_WINDOWS.absence)).toMatch(/höchstens 2 Jahre ab heute/);
    const tenYears = staffing.absenceInputSchema.safeParse({ staffId: 'p1', from: '2026-12-01', to: '2036-11-30', reason: 'other' });
    expect(tenYears.error!.issues[0]!.message).toMatch(/^Eine Abwesenheit dauert höchstens ein Jahr/);
    expect(staffing.absenceInputSchemaOn('2026-11-26').safeParse({ staffId: 'p1', from: '1900-01-01', to: '1900-01-01', reason: 'other' }).success).toBe(false);
  });
});
