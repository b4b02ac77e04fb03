import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 10 item 7 "one vocabulary": the UI and the README name a thing one way. The variants below
 * once stood next to the right word and meant something else to a clerk (Werktage include
 * Saturday) or made two words for one list or one key. Every source string of renderer/ and
 * shared/ and the README are scanned, so a variant cannot come back unnoticed.
 */
const ROOT = resolve(import.meta.dirname, '../../..');
const SCANNED = ['renderer', 'shared', 'README.md'];
const SOURCE = /\.(ts|tsx|html|css|md)$/;

const FORBIDDEN: { pattern: RegExp; use: string }[] = [
  { pattern: /werktag/i, use: '„Arbeitstage“ (Mo–Fr ohne Feiertage); Werktage schließen den Samstag ein' },
  { pattern: /verteilerliste/i, use: '„Verteilliste“' },
  { pattern: /<kbd[^>]*>\s*(Eingabe|Return|Enter-Taste|↵|⏎)/i, use: '<kbd>Enter</kbd> – die Taste heißt überall „Enter“' },
  { pattern: /Eingabetaste|Eingabe-Taste|Return-Taste/i, use: '„Enter“' },
];

function files(path: string): string[] {
  if (statSync(path).isFile()) return SOURCE.test(path) ? [path] : [];
  return readdirSync(path, { withFileTypes: true })
    .filter((e) => e.name !== 'node_modules' && !e.name.startsWith('.'))
    .flatMap((e) => files(join(path, e.name)));
}

function findings(text: string, name: string): string[] {
  return text.split('\n').flatMap((line, i) =>
    FORBIDDEN.filter((f) => f.pattern.test(line)).map((f) => `${name}:${i + 1}: „${line.trim()}“ – statt dessen ${f.use}`),
  );
}

describe('issue 10 item 7: one vocabulary across UI and README', () => {
  it('the scan finds every forbidden variant (the rule itself works)', () => {
    expect(findings('24 Stunden an Werktagen', 'x')).toHaveLength(1);
    expect(findings('auf die Verteilerliste', 'x')).toHaveLength(1);
    expect(findings('<kbd>Eingabe</kbd> öffnet', 'x')).toHaveLength(1);
    expect(findings('<kbd>Enter</kbd> öffnet · Arbeitstage · Verteilliste', 'x')).toEqual([]);
  });

  it('renderer/, shared/ and README.md use Arbeitstage, Verteilliste and Enter only', () => {
    const scanned = SCANNED.flatMap((p) => files(join(ROOT, p)));
    expect(scanned.length).toBeGreaterThan(50);
    const all = scanned.flatMap((f) => findings(readFileSync(f, 'utf8'), relative(ROOT, f)));
    expect(all).toEqual([]);
  });
});
