import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 9 "the domain handbook belongs in the repository": every "SPEC §n" in the repository names
 * the heading §n of docs/rules.md, every "seed §n.m" (also "GA §n.m", "Geschäftsanweisung §n.m") the
 * heading §n.m of docs/business-instruction.md – the mapping docs/README.md states. This test scans
 * the sources, so a citation of a section the handbook does not have cannot come in unnoticed, and
 * checks that the handbook holds every section of both originals (the originals themselves are not
 * in the repository).
 */
const ROOT = resolve(import.meta.dirname, '../../..');
const DOCS = join(ROOT, 'docs');
const RULES = join(DOCS, 'rules.md');
const INSTRUCTION = join(DOCS, 'business-instruction.md');

const SCANNED = ['shared', 'renderer/src', 'electron', 'server', 'scripts', 'test', 'docs', 'README.md', 'ARCHITECTURE.md'];
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs|md|sql|html|css|ya?ml)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'out', 'dist', 'release', 'data', 'test-results', 'playwright-report', 'bench-results']);

/** SPEC: §0–§11, and §3.1–§3.4 for the four Anliegensarten of its §3 list. */
const SPEC_SECTIONS = ['0', '1', '2', '3', '3.1', '3.2', '3.3', '3.4', '4', '5', '6', '7', '8', '9', '10', '11'];
/** The Geschäftsanweisung "Kundenprozess" (12.01.2026): its numbered sections. */
const INSTRUCTION_SECTIONS = [
  ...['1', '1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7'],
  ...['2', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '2.8'],
  ...['3', '3.1', '3.2', '3.3'],
  ...['4', '4.1', '4.2', '4.3', '4.4', '4.5'],
];

type Target = 'rules' | 'instruction';
interface Citation {
  target: Target;
  section: string;
  where: string;
}

/** "SPEC §5", "seed §4.4", "GA §4.5", "Geschäftsanweisung §4.4" – the prefix says which page. */
const HEAD = /\b(SPEC|[Ss]eed|GA|Geschäftsanweisung)\s?§\s?(\d+(?:\.\d+)*)/g;
/** The rest of a list after one prefix: "SPEC §3, §4", "seed §4.4 / §2.3", "SPEC §0/§10". */
const NEXT = /^\s*(?:,|\/|\+|&|and\b|und\b|or\b|oder\b)\s*§\s?(\d+(?:\.\d+)*)/;
/** A number followed by a law's name is a law ("§ 10 SGB II"), not a section of ours. */
const LAW = /^\s*(?:SGB|BGB|EFZG|BDSG|DSGVO|Abs\.|ff\.)/;

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return SOURCE.test(path) ? [path] : [];
  return readdirSync(path, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.') && !SKIPPED_DIRS.has(e.name))
    .flatMap((e) => files(join(path, e.name)));
}

function topLevelFiles(): string[] {
  return readdirSync(ROOT, { withFileTypes: true })
    .filter((e) => e.isFile() && SOURCE.test(e.name))
    .map((e) => join(ROOT, e.name));
}

const scanned = [...new Set([...SCANNED.flatMap((p) => files(join(ROOT, p))), ...topLevelFiles()])].sort();

function citationsIn(text: string, name: string): Citation[] {
  const out: Citation[] = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(HEAD)) {
      const target: Target = m[1] === 'SPEC' ? 'rules' : 'instruction';
      const where = `${name}:${i + 1}`;
      let rest = line.slice(m.index + m[0].length);
      if (!LAW.test(rest)) out.push({ target, section: m[2]!, where });
      for (let next = NEXT.exec(rest); next; next = NEXT.exec(rest)) {
        rest = rest.slice(next[0].length);
        if (!LAW.test(rest)) out.push({ target, section: next[1]!, where });
      }
    }
  });
  return out;
}

const citations = scanned.flatMap((f) => citationsIn(readFileSync(f, 'utf8'), relative(ROOT, f)));

/** The section numbers of a page's headings ("## §4.5 Besetzung …" → "4.5"), in page order. */
function headingSections(path: string): string[] {
  return [...readFileSync(path, 'utf8').matchAll(/^#{1,6}\s+§(\d+(?:\.\d+)*)\s/gm)].map((m) => m[1]!);
}

function unresolved(target: Target, sections: readonly string[]): string[] {
  const known = new Set(sections);
  return citations.filter((c) => c.target === target && !known.has(c.section)).map((c) => `${c.where}: §${c.section}`);
}

describe('issue 9: every SPEC and seed citation in the repository resolves to a heading in docs/', () => {
  it('the scan sees the citations (shared/, renderer/src, electron/, server/, README.md, ARCHITECTURE.md among them)', () => {
    const names = new Set(citations.map((c) => c.where.split(':')[0]));
    for (const f of ['README.md', 'ARCHITECTURE.md', 'shared/domain/desk-cover.ts', 'shared/domain/callback-deadline.ts']) {
      expect(names, f).toContain(f);
    }
    expect(citations.filter((c) => c.target === 'rules').length).toBeGreaterThan(100);
    expect(citations.filter((c) => c.target === 'instruction').length).toBeGreaterThan(100);
  });

  it('reads lists after one prefix and leaves laws alone', () => {
    expect(citationsIn('SPEC §3, §4 / §5 and seed §4.4 / §2.3; SPEC §0/§10', 'x').map((c) => `${c.target} ${c.section}`)).toEqual([
      'rules 3',
      'rules 4',
      'rules 5',
      'instruction 4.4',
      'instruction 2.3',
      'rules 0',
      'rules 10',
    ]);
    expect(citationsIn('GA §4.5, § 10 SGB II; Geschäftsanweisung §4.4', 'x').map((c) => c.section)).toEqual(['4.5', '4.4']);
  });

  it('every "SPEC §n" names a heading §n of docs/rules.md', () => {
    expect(unresolved('rules', headingSections(RULES))).toEqual([]);
  });

  it('every "seed §n.m" / "GA §n.m" names a heading §n.m of docs/business-instruction.md', () => {
    expect(unresolved('instruction', headingSections(INSTRUCTION))).toEqual([]);
  });
});

describe('issue 9: docs/ hold every section of SPEC and of the instruction, once, under its own number', () => {
  it('docs/rules.md: §0–§11 and §3.1–§3.4, in order', () => {
    expect(headingSections(RULES)).toEqual(SPEC_SECTIONS);
  });

  it('docs/business-instruction.md: §1–§4.5 as numbered in the instruction, in order', () => {
    expect(headingSections(INSTRUCTION)).toEqual(INSTRUCTION_SECTIONS);
  });

  it('each numbered heading carries its anchor (rules.md#spec-3-2, business-instruction.md#seed-4-5)', () => {
    for (const [path, prefix] of [
      [RULES, 'spec'],
      [INSTRUCTION, 'seed'],
    ] as const) {
      const text = readFileSync(path, 'utf8');
      for (const section of headingSections(path)) {
        const anchor = `<a id="${prefix}-${section.replaceAll('.', '-')}"></a>`;
        expect(text, `${relative(ROOT, path)} §${section}`).toMatch(new RegExp(`${anchor}\\n#{1,6} §${section.replaceAll('.', '\\.')}\\s`));
      }
    }
  });
});

describe('issue 9: what docs/ point at exists', () => {
  const pages = files(DOCS).filter((f) => f.endsWith('.md'));

  it('every link between the pages reaches a file and, with #, an anchor in it', () => {
    const broken: string[] = [];
    for (const page of pages) {
      for (const m of readFileSync(page, 'utf8').matchAll(/\]\(([^)\s]+)\)/g)) {
        const link = m[1]!;
        if (/^[a-z]+:/i.test(link)) continue;
        const [file, anchor] = link.split('#') as [string, string | undefined];
        const target = file === '' ? page : resolve(dirname(page), file);
        if (!existsSync(target)) broken.push(`${relative(ROOT, page)}: ${link}`);
        else if (anchor && !readFileSync(target, 'utf8').includes(`<a id="${anchor}"></a>`)) broken.push(`${relative(ROOT, page)}: ${link}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('every repository path the pages name in backticks exists (code and tests they cite)', () => {
    const missing: string[] = [];
    let named = 0;
    for (const page of pages) {
      for (const m of readFileSync(page, 'utf8').matchAll(/`((?:shared|renderer|electron|server|test|scripts|build)\/[^`\s]+)`/g)) {
        named += 1;
        if (!existsSync(join(ROOT, m[1]!))) missing.push(`${relative(ROOT, page)}: ${m[1]}`);
      }
    }
    expect(named).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});
