import { describe, expect, it } from 'vitest';
import { createTrustedUrlCheck, devServerUrlFrom } from '../../../electron/main/origin';

describe('app origin (SPEC §10 "Safe": no remote content)', () => {
  it('trusts app://anlaufstelle and nothing that merely looks like it', () => {
    const trusted = createTrustedUrlCheck();
    expect(trusted('app://anlaufstelle/index.html')).toBe(true);
    expect(trusted('app://anlaufstelle')).toBe(true);
    for (const url of ['app://anlaufstelle.evil/', 'app://evil/', 'https://anlaufstelle/', 'file:///index.html', 'nonsense', '']) {
      expect(trusted(url)).toBe(false);
    }
  });

  it('uses the dev server URL only unpackaged and only on loopback', () => {
    expect(devServerUrlFrom('http://localhost:5173', false)).toBe('http://localhost:5173/');
    expect(devServerUrlFrom('http://127.0.0.1:5173/', false)).toBe('http://127.0.0.1:5173/');
    expect(devServerUrlFrom('http://localhost:5173', true)).toBeUndefined();
    expect(devServerUrlFrom('https://evil.example/', false)).toBeUndefined();
    expect(devServerUrlFrom('file:///C:/x.html', false)).toBeUndefined();
    expect(devServerUrlFrom('kaputt', false)).toBeUndefined();
    expect(devServerUrlFrom(undefined, false)).toBeUndefined();
  });
});
