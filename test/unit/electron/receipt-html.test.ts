import { createHash } from 'node:crypto';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { receiptSchema, type Receipt } from '@shared/bridge/contract';
import {
  RECEIPT_CSS,
  RECEIPT_STYLE_HASH,
  escapeHtml,
  formatDeadline,
  renderReceiptHtml,
} from '@shared/bridge/receipt-html';
import { validReceipt } from './fixtures';

describe('receipt page (SPEC §5 receipt, SPEC §10 "Safe")', () => {
  it('says what the customer needs to know, in German', () => {
    const html = renderReceiptHtml(validReceipt({ appointmentNote: 'Unterlagen mitbringen' }));
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('Jobcenter Rhein-Lahn – Standort Bad Ems');
    expect(html).toContain('Ihr Anliegen wurde aufgenommen.');
    expect(html).toContain('Zuständig: Markt &amp; Integration');
    expect(html).toContain(
      'Wir rufen Sie bis <strong>Freitag, 16.01.2026, 10:00 Uhr</strong> zurück oder bieten Ihnen einen zeitnahen Termin an.',
    );
    expect(html).toContain('Vorgangsnummer: <strong>BE-7K3F9Q</strong>');
    expect(html).toContain('Aufgenommen am 15.01.2026 um 10:00 Uhr');
    expect(html).toContain('Hinweis: Unterlagen mitbringen');
  });

  it('leaves the note line out when there is no note', () => {
    expect(renderReceiptHtml(validReceipt())).not.toContain('Hinweis:');
  });

  it('escapes <script> and quotes in every value (SPEC §10: no script in the receipt)', () => {
    const html = renderReceiptHtml(
      validReceipt({
        siteName: '<script>alert(1)</script>',
        departmentLabel: '"><img src=x onerror=alert(1)>',
        appointmentNote: "it's <b>bold</b>",
      }),
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('Standort &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('it&#39;s &lt;b&gt;bold&lt;/b&gt;');
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  it('loads nothing from outside and allows no script (SPEC §10: no remote content)', () => {
    const html = renderReceiptHtml(validReceipt());
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-/);
    expect(html).not.toMatch(/\b(src|href)=/);
    expect(html).not.toMatch(/https?:/);
  });

  it('allows its one inline style by a hash that matches the stylesheet (STYLE 6: strict CSP)', () => {
    const digest = createHash('sha256').update(RECEIPT_CSS, 'utf8').digest('base64');
    expect(RECEIPT_STYLE_HASH).toBe(`'sha256-${digest}'`);
    expect(renderReceiptHtml(validReceipt())).toContain(`<style>${RECEIPT_CSS}</style>`);
  });

  it('prints Berlin time whatever the machine zone (SPEC §2: Europe/Berlin)', () => {
    // 23:30 UTC on Sat 28.03.2026 is already Sunday in Berlin (CET); a day later summer time (CEST) applies.
    expect(formatDeadline('2026-03-28T23:30:00Z')).toBe('Sonntag, 29.03.2026, 00:30 Uhr');
    expect(formatDeadline('2026-03-29T22:30:00Z')).toBe('Montag, 30.03.2026, 00:30 Uhr');
  });

  it('carries no more personal data than needed: no name, phone or customer number (SPEC §9)', () => {
    expectTypeOf<Receipt>().not.toHaveProperty('customerName');
    expectTypeOf<Receipt>().not.toHaveProperty('name');
    expectTypeOf<Receipt>().not.toHaveProperty('phone');
    expectTypeOf<Receipt>().not.toHaveProperty('customerNumber');
    expect(Object.keys(receiptSchema.shape).sort()).toEqual(
      ['appointmentNote', 'createdAt', 'departmentLabel', 'dueAt', 'siteName', 'ticketRef'],
    );
  });
});
