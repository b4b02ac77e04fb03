// Types for the electron-builder hook build/verify-fuses.mjs (plain JS, so electron-builder can load it).
export declare const FUSE_INDEX: {
  readonly runAsNode: 0;
  readonly enableCookieEncryption: 1;
  readonly enableNodeOptionsEnvironmentVariable: 2;
  readonly enableNodeCliInspectArguments: 3;
  readonly enableEmbeddedAsarIntegrityValidation: 4;
  readonly onlyLoadAppFromAsar: 5;
  readonly loadBrowserProcessSpecificV8Snapshot: 6;
  readonly grantFileProtocolExtraPrivileges: 7;
};
type Wire = Record<string, number | string>;
export declare function fuseMismatches(electronFuses: Record<string, unknown>, wire: Wire): string[];
export declare function verifyFuses(binaryPath: string, electronFuses: Record<string, unknown>, readWire: (path: string) => Promise<Wire>): Promise<void>;
export declare function loadFuses(): { getCurrentFuseWire(path: string): Promise<Wire> };
export declare function afterAllArtifactBuild(buildResult: {
  outDir: string;
  configuration: { electronFuses?: Record<string, unknown> | null; productName?: string | null; win?: { executableName?: string | null } | null };
}): Promise<string[]>;
