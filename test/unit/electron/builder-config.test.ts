import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterAllArtifactBuild, FUSE_INDEX, fuseMismatches, loadFuses } from '../../../build/verify-fuses.mjs';

/**
 * Issue 10 item 14 (release hygiene): the packaging configuration itself is under test – the
 * hardened fuses (Electron security checklist 19), code signing for the Jobcenter's IT, a read-back
 * of the fuses from the built binary, and an exactly pinned Electron.
 */
const root = join(import.meta.dirname, '..', '..', '..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  electronFuses: Record<string, boolean>;
  afterAllArtifactBuild?: string;
  productName: string;
  win: { executableName: string; forceCodeSigning?: boolean; signtoolOptions?: Record<string, unknown>; azureSignOptions?: Record<string, unknown> };
}
interface Schema {
  properties: Record<string, unknown>;
  definitions: Record<string, { properties: Record<string, unknown> }>;
}

let config: BuilderConfig;
let schema: Schema;
beforeAll(async () => {
  config = yaml.load(await readFile(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
  schema = JSON.parse(await readFile(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as Schema;
});

/** A stand-in for Electron's binary: just the fuse sentinel followed by a V1 wire. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
async function fakeBinary(dir: string, states: Record<keyof typeof FUSE_INDEX, boolean>): Promise<string> {
  const wire = Object.entries(FUSE_INDEX)
    .sort((a, b) => a[1] - b[1])
    .map(([key]) => (states[key as keyof typeof FUSE_INDEX] ? 49 : 48));
  const path = join(dir, 'Anlaufstelle.exe');
  await writeFile(path, Buffer.concat([Buffer.from('MZ…', 'utf8'), Buffer.from(SENTINEL, 'ascii'), Buffer.from([1, wire.length, ...wire]), Buffer.from('…')]));
  return path;
}

describe('electron-builder.yml: hardened fuses (issue 10 item 14, Electron checklist 19)', () => {
  it('sets every fuse that makes the binary a Node runtime, debuggable, or load code outside app.asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('every fuse key is one electron-builder 26 knows, so none is silently ignored', () => {
    const known = Object.keys(schema.definitions.FuseOptionsV1?.properties ?? {});
    expect(known.length).toBeGreaterThan(0);
    for (const key of Object.keys(config.electronFuses)) expect(known).toContain(key);
    for (const key of Object.keys(config.electronFuses)) expect(Object.keys(FUSE_INDEX)).toContain(key);
  });
});

describe('electron-builder.yml: code signing for the IT department (issue 10 item 14)', () => {
  it('refuses to build an unsigned Windows installer (forceCodeSigning)', () => {
    expect(config.win.forceCodeSigning).toBe(true);
    expect(Object.keys(schema.definitions.WindowsConfiguration?.properties ?? {})).toContain('forceCodeSigning');
  });

  it('signs with SHA-256 and a time stamp, with option names electron-builder 26 knows', () => {
    const signtool = config.win.signtoolOptions ?? {};
    expect(signtool.signingHashAlgorithms).toEqual(['sha256']);
    expect(String(signtool.rfc3161TimeStampServer)).toMatch(/^https?:\/\//);
    const known = Object.keys(schema.definitions.WindowsSigntoolConfiguration?.properties ?? {});
    for (const key of Object.keys(signtool)) expect(known).toContain(key);
  });

  it('keeps the certificate and its password out of the repository (CSC_LINK / CSC_KEY_PASSWORD)', () => {
    const signtool = config.win.signtoolOptions ?? {};
    expect(signtool).not.toHaveProperty('certificateFile');
    expect(signtool).not.toHaveProperty('certificatePassword');
    // signtool and Azure Trusted Signing exclude each other (app-builder-lib schema).
    expect(config.win.azureSignOptions).toBeUndefined();
  });
});

describe('fuses are read back from the built binary (issue 10 item 14)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fuses-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('the hook is wired into electron-builder.yml and exists', () => {
    expect(config.afterAllArtifactBuild).toBe('./build/verify-fuses.mjs');
    expect(Object.keys(schema.properties)).toContain('afterAllArtifactBuild');
  });

  it('a binary whose fuses match the configuration passes', async () => {
    const unpacked = join(dir, 'ok', 'win-unpacked');
    await mkdir(unpacked, { recursive: true });
    await fakeBinary(unpacked, { ...config.electronFuses, loadBrowserProcessSpecificV8Snapshot: false } as Record<keyof typeof FUSE_INDEX, boolean>);
    await expect(afterAllArtifactBuild({ outDir: join(dir, 'ok'), configuration: config })).resolves.toEqual([]);
  });

  it('a binary with RunAsNode still on fails the build with a German message naming the fuse', async () => {
    const unpacked = join(dir, 'bad', 'win-unpacked');
    await mkdir(unpacked, { recursive: true });
    await fakeBinary(unpacked, { ...config.electronFuses, runAsNode: true, loadBrowserProcessSpecificV8Snapshot: false } as Record<keyof typeof FUSE_INDEX, boolean>);
    await expect(afterAllArtifactBuild({ outDir: join(dir, 'bad'), configuration: config })).rejects.toThrow(/runAsNode: erwartet aus, im Binary an/);
  });

  it('an output without the unpacked Windows app fails instead of passing unchecked', async () => {
    await expect(afterAllArtifactBuild({ outDir: dir, configuration: config })).rejects.toThrow(/Kein entpacktes Windows-Paket/);
  });

  it('reads the wire with @electron/fuses from electron-builder itself; a missing fuse counts as a difference', async () => {
    expect(typeof loadFuses().getCurrentFuseWire).toBe('function');
    expect(fuseMismatches({ onlyLoadAppFromAsar: true }, { 0: 48 })).toEqual(['onlyLoadAppFromAsar: erwartet an, im Binary fehlt']);
  });
});

describe('Electron is pinned exactly (issue 10 item 14)', () => {
  it('package.json names one exact Electron version, at least 45.5.0', async () => {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const version = pkg.devDependencies.electron ?? '';
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    const [major, minor] = version.split('.').map(Number);
    expect(major! > 45 || (major === 45 && minor! >= 5)).toBe(true);
  });
});
