import { describe, expect, it } from 'vitest';
import {
  BRIDGE_FAILURE,
  MAX_SAVE_FILE_CHARS,
  notificationSchema,
  parseBridgeInput,
  receiptSchema,
  saveFileSchema,
} from '@shared/bridge/contract';
import { BRIDGE_CHANNELS } from '@shared/bridge/channels';
import { validReceipt } from './fixtures';

const refusal = (schema: Parameters<typeof parseBridgeInput>[0], raw: unknown) => {
  const result = parseBridgeInput(schema, raw, 'Abgelehnt.');
  return result.ok ? undefined : result.error;
};

describe('bridge contract (STYLE 4, 5; SPEC §10 "Safe")', () => {
  it('names its channels domain:verb (STYLE 4)', () => {
    expect(Object.values(BRIDGE_CHANNELS).sort()).toEqual([
      'app:info',
      'device:auth',
      'device:enroll',
      'device:forget',
      'device:info',
      'file:save',
      'notification:show',
      'receipt:print',
      'report:print',
    ]);
  });

  it('accepts a valid receipt and trims its texts', () => {
    const result = parseBridgeInput(receiptSchema, validReceipt({ siteName: '  Diez ' }), BRIDGE_FAILURE.printReceipt);
    expect(result).toEqual({ ok: true, value: validReceipt({ siteName: 'Diez' }) });
  });

  it.each([
    ['a name', { customerName: 'Erika Mustermann' }, 'Nicht vorgesehene Angaben: customerName.'],
    ['a phone number', { phone: '02603 1234' }, 'Nicht vorgesehene Angaben: phone.'],
  ])('refuses a receipt that carries %s (SPEC §9: minimal personal data)', (_what, extra, message) => {
    expect(refusal(receiptSchema, { ...validReceipt(), ...extra })).toBe(`Abgelehnt. ${message}`);
  });

  it.each([
    [{ siteName: 'x'.repeat(61) }, 'Der Standort ist zu lang (höchstens 60 Zeichen).'],
    [{ siteName: '   ' }, 'Der Standort darf nicht leer sein.'],
    [{ ticketRef: 'be 7k3f' }, 'Die Vorgangsnummer hat nicht die Form „BE-7K3F9Q“.'],
    [{ dueAt: 'morgen' }, 'Die Rückruffrist ist kein gültiger Zeitpunkt.'],
    [{ dueAt: '2026-01-14T09:00:00Z' }, 'Die Rückruffrist liegt vor dem Erstellzeitpunkt.'],
    [{ departmentLabel: 42 }, 'Der Fachbereich muss ein Text sein.'],
    [{ departmentLabel: undefined }, 'Der Fachbereich fehlt.'],
  ])('refuses a bad receipt with a German message: %o (SPEC §10)', (patch, message) => {
    expect(refusal(receiptSchema, { ...validReceipt(), ...patch })).toBe(`Abgelehnt. ${message}`);
  });

  it('refuses what is not an object at all', () => {
    expect(refusal(receiptSchema, null)).toBe('Abgelehnt. Die Angaben sind unvollständig oder ungültig.');
  });

  it('bounds notifications: title ≤ 120, body ≤ 500, tag a plain key', () => {
    expect(notificationSchema.safeParse({ title: 'Neues Ticket', body: 'BE-7K3F9Q', tag: 'ticket:BE-7K3F9Q' }).success).toBe(true);
    expect(refusal(notificationSchema, { title: 't'.repeat(121), body: '' })).toContain('höchstens 120 Zeichen');
    expect(refusal(notificationSchema, { title: 'T', body: 'b'.repeat(501) })).toContain('höchstens 500 Zeichen');
    expect(refusal(notificationSchema, { title: 'T', body: '', tag: '<x>' })).toContain('Kennung');
  });

  it.each(['tickets-2026-01.csv', 'Vorsprachen Bad Ems (Januar).csv', 'Übersicht_Nastätten.csv'])(
    'accepts the file name %s',
    (suggestedName) => {
      expect(saveFileSchema.safeParse({ suggestedName, content: 'a;b', mimeType: 'text/csv' }).success).toBe(true);
    },
  );

  it.each([
    ['../secrets.csv'],
    ['..\\secrets.csv'],
    ['C:\\Windows\\x.csv'],
    ['ordner/datei.csv'],
    ['.hidden.csv'],
    ['datei.csv.'],
    ['CON.csv'],
    ['a..csv'],
    [`${'x'.repeat(117)}.csv`],
  ])('refuses the unsafe file name %s (SPEC §10 "Safe")', (suggestedName) => {
    expect(refusal(saveFileSchema, { suggestedName, content: '', mimeType: 'text/csv' })).toMatch(/^Abgelehnt\. (Der Dateiname|Dieser Dateiname)/);
  });

  it('refuses a file type other than CSV, JSON and XLSX, and an extension that does not match', () => {
    expect(refusal(saveFileSchema, { suggestedName: 'x.html', content: '', mimeType: 'text/html' })).toBe(
      'Abgelehnt. Nur CSV-, JSON- und Excel-Dateien (.xlsx) können gespeichert werden.',
    );
    expect(refusal(saveFileSchema, { suggestedName: 'x.json', content: '', mimeType: 'text/csv' })).toBe(
      'Abgelehnt. Die Dateiendung passt nicht zum Dateityp (.csv, .json oder .xlsx).',
    );
  });

  it('refuses content over 20 MB', () => {
    const content = 'x'.repeat(MAX_SAVE_FILE_CHARS + 1);
    expect(refusal(saveFileSchema, { suggestedName: 'x.json', content, mimeType: 'application/json' })).toBe(
      'Abgelehnt. Die Datei ist zu groß (höchstens 20 MB).',
    );
  });
});
