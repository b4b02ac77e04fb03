// @ts-check
// electron-builder hook (afterAllArtifactBuild, electron-builder.yml): reads the fuses back from the
// packaged, signed binary and fails the build if they differ from `electronFuses`. electron-builder
// flips them itself but never checks the result (issue 10 item 14). It runs after signing on
// purpose: afterPack comes before electron-builder flips the fuses, so it would read the defaults.
import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Config key → index in Electron's fuse wire (@electron/fuses FuseV1Options). */
export const FUSE_INDEX = /** @type {const} */ ({
  runAsNode: 0,
  enableCookieEncryption: 1,
  enableNodeOptionsEnvironmentVariable: 2,
  enableNodeCliInspectArguments: 3,
  enableEmbeddedAsarIntegrityValidation: 4,
  onlyLoadAppFromAsar: 5,
  loadBrowserProcessSpecificV8Snapshot: 6,
  grantFileProtocolExtraPrivileges: 7,
});

/** Bytes of the fuse wire (@electron/fuses FuseState). */
const ENABLE = 49;
const DISABLE = 48;

/**
 * @param {Record<string, unknown>} electronFuses the `electronFuses` section of electron-builder.yml
 * @param {Record<string, number | string>} wire as getCurrentFuseWire returns it (index → state byte)
 * @returns {string[]} one German line per fuse that is not as configured
 */
export function fuseMismatches(electronFuses, wire) {
  /** @type {string[]} */
  const problems = [];
  for (const [key, wanted] of Object.entries(electronFuses)) {
    if (!(key in FUSE_INDEX)) continue; // e.g. resetAdHocDarwinSignature is an instruction, not a fuse
    const index = FUSE_INDEX[/** @type {keyof typeof FUSE_INDEX} */ (key)];
    const actual = wire[index];
    const expected = wanted ? ENABLE : DISABLE;
    if (actual !== expected) {
      const shown = actual === ENABLE ? 'an' : actual === DISABLE ? 'aus' : actual === undefined ? 'fehlt' : `Zustand ${String(actual)}`;
      problems.push(`${key}: erwartet ${wanted ? 'an' : 'aus'}, im Binary ${shown}`);
    }
  }
  return problems;
}

/**
 * @param {string} binaryPath
 * @param {Record<string, unknown>} electronFuses
 * @param {(path: string) => Promise<Record<string, number | string>>} readWire
 */
export async function verifyFuses(binaryPath, electronFuses, readWire) {
  const problems = fuseMismatches(electronFuses, await readWire(binaryPath));
  if (problems.length > 0) {
    throw new Error(`Electron-Fuses in ${binaryPath} weichen von electron-builder.yml ab:\n  ${problems.join('\n  ')}`);
  }
}

/** @electron/fuses comes with electron-builder (app-builder-lib); resolve it from there, not from a hoisting accident. */
export function loadFuses() {
  const fromBuilder = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
  return /** @type {{ getCurrentFuseWire(path: string): Promise<Record<string, number | string>> }} */ (fromBuilder('@electron/fuses'));
}

/**
 * @param {{ outDir: string, configuration: { electronFuses?: Record<string, unknown> | null, productName?: string | null, win?: { executableName?: string | null } | null } }} buildResult
 * @returns {Promise<string[]>} no extra artifacts
 */
export async function afterAllArtifactBuild(buildResult) {
  const fuses = buildResult.configuration.electronFuses;
  if (!fuses) throw new Error('electron-builder.yml: electronFuses fehlt – der Build wird ohne gehärtete Fuses nicht ausgeliefert.');
  const name = buildResult.configuration.win?.executableName ?? buildResult.configuration.productName ?? 'Anlaufstelle';
  const unpacked = (await readdir(buildResult.outDir, { withFileTypes: true })).filter((e) => e.isDirectory() && /^win(-[a-z0-9]+)?-unpacked$/.test(e.name));
  if (unpacked.length === 0) throw new Error(`Kein entpacktes Windows-Paket in ${buildResult.outDir} – die Fuses konnten nicht geprüft werden.`);
  const { getCurrentFuseWire } = loadFuses();
  for (const dir of unpacked) await verifyFuses(join(buildResult.outDir, dir.name, `${name}.exe`), fuses, getCurrentFuseWire);
  return [];
}
