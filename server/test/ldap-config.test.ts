import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mappingFromRecords } from '../../shared/model/ldap-mapping';
import type { Role } from '../../shared/model/vocabulary';
import { LdapConfigError, loadLdapConfig, resolveLdapConfig } from '../src/auth/ldap-config';
import { escapeFilterValue, groupMatches, groupSearchFilter, isPlainUsername, mapGroups, normalizeDn, userSearchFilter } from '../src/auth/ldap';

/** Issue 7 item 1 / SPEC §8: the LDAP configuration and the pieces of ldap.ts that need no server. */

const valid = {
  url: 'ldaps://dc01.jobcenter.local:636',
  bindDn: 'CN=svc-anlaufstelle,OU=Dienstkonten,DC=jobcenter,DC=local',
  bindPasswordEnv: 'LDAP_BIND_PASSWORD',
  userBase: 'OU=Mitarbeitende,DC=jobcenter,DC=local',
  groupBase: 'OU=Gruppen,DC=jobcenter,DC=local',
  roleGroups: { 'AS-EZ': ['EZ'] },
};
const env = { LDAP_BIND_PASSWORD: 'geheim' };

/** The German message the configuration is refused with. */
function refusal(json: unknown, environment: NodeJS.ProcessEnv = env): string {
  try {
    resolveLdapConfig(json, { env: environment });
  } catch (error) {
    expect(error).toBeInstanceOf(LdapConfigError);
    return (error as Error).message;
  }
  throw new Error('Konfiguration wurde angenommen');
}

describe('LDAP configuration (issue 7 item 1)', () => {
  it('fills the AD defaults and takes the service password from the environment variable', () => {
    const config = resolveLdapConfig(valid, { env });
    expect(config).toMatchObject({
      bindPassword: 'geheim',
      startTls: false,
      userFilter: 'sAMAccountName',
      displayNameAttribute: 'displayName',
      staffIdAttribute: 'employeeNumber',
      groupMembership: 'memberOf-nested',
      siteGroups: {},
      timeoutMs: 5000,
    });
    expect(config).not.toHaveProperty('bindPasswordEnv');
  });

  it('the example file for Active Directory is a valid configuration', () => {
    const path = resolve(import.meta.dirname, '../ldap.example.json');
    const example: unknown = JSON.parse(readFileSync(path, 'utf8'));
    // The example names a CA file the machine running the tests does not have.
    const config = resolveLdapConfig(example, { env: { LDAP_BIND_PASSWORD: 'x' }, readText: () => 'PEM' });
    expect(config.groupMembership).toBe('memberOf-nested');
    expect(config.tlsCa).toBe('PEM');
  });

  it('refuses a role the app does not know, in German, naming the setting', () => {
    expect(refusal({ ...valid, roleGroups: { 'AS-EZ': ['EZ', 'CHEF'] } })).toMatch(/roleGroups\.AS-EZ\.1: Unbekannte Rolle „CHEF“; erlaubt sind EZ, LB/);
  });

  it('refuses an unknown setting (a typo would otherwise be ignored silently)', () => {
    expect(refusal({ ...valid, userfilter: 'uid' })).toMatch(/Unbekannte Einstellung\(en\): userfilter/);
  });

  it('refuses a URL that is not ldap:// or ldaps://', () => {
    expect(refusal({ ...valid, url: 'https://dc01' })).toMatch(/url: muss mit ldap:\/\/ oder ldaps:\/\/ beginnen/);
  });

  it('refuses plain ldap:// without StartTLS: the password would cross the network readable', () => {
    expect(refusal({ ...valid, url: 'ldap://dc01:389' })).toMatch(/Unverschlüsselt/);
    expect(() => resolveLdapConfig({ ...valid, url: 'ldap://dc01:389', startTls: true }, { env })).not.toThrow();
    expect(refusal({ ...valid, startTls: true })).toMatch(/startTls nur mit ldap:\/\//);
  });

  it('wants exactly one of bindPassword and bindPasswordEnv, and the variable set', () => {
    expect(refusal({ ...valid, bindPasswordEnv: undefined })).toMatch(/Genau eines angeben/);
    expect(refusal({ ...valid, bindPassword: 'x' })).toMatch(/Genau eines angeben/);
    expect(refusal(valid, {})).toMatch(/Umgebungsvariable LDAP_BIND_PASSWORD .* nicht gesetzt/);
  });

  it('refuses an attribute name that is filter syntax, an empty role list and a missing role mapping', () => {
    expect(refusal({ ...valid, userFilter: 'uid)(x' })).toMatch(/userFilter: nur ein Attributname/);
    expect(refusal({ ...valid, roleGroups: { 'AS-EZ': [] } })).toMatch(/mindestens eine Rolle/);
    expect(refusal({ ...valid, roleGroups: {} })).toMatch(/mindestens eine Gruppe/);
    expect(refusal({ ...valid, userBase: 'jobcenter.local' })).toMatch(/userBase: das ist kein DN/);
    expect(refusal({ ...valid, timeoutMs: 10 })).toMatch(/timeoutMs: mindestens 500 ms/);
  });

  it('a file that is no JSON or not there says so with its path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ldap-config-'));
    try {
      const path = join(dir, 'ldap.json');
      writeFileSync(path, '{ "url": ');
      expect(() => loadLdapConfig(path, env)).toThrow(/ldap\.json ist kein gültiges JSON/);
      expect(() => loadLdapConfig(join(dir, 'fehlt.json'), env)).toThrow(/fehlt\.json ist nicht lesbar/);
      writeFileSync(path, JSON.stringify({ ...valid, tlsCaFile: 'ca.pem' }));
      expect(() => loadLdapConfig(path, env)).toThrow(/CA-Datei .*ca\.pem ist nicht lesbar/);
      writeFileSync(join(dir, 'ca.pem'), '-----BEGIN CERTIFICATE-----');
      expect(loadLdapConfig(path, env).tlsCa).toBe('-----BEGIN CERTIFICATE-----');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('user-name guard and filter escaping (issue 7 item 1: no LDAP injection)', () => {
  it('allows plain account names only', () => {
    for (const name of ['anna.schmidt', 'A.Mueller-2', 'x_y', 'a'.repeat(64)]) expect(isPlainUsername(name), name).toBe(true);
    const hostile = ['', '*', 'admin)(uid=*', '*)(|(uid=*', '\\2a', 'anna\0', 'a'.repeat(65), 'uid=x,ou=people', 'anna schmidt', 'JOBCENTER\\anna', 'anna@jobcenter.local', 'müller'];
    for (const name of hostile) expect(isPlainUsername(name), JSON.stringify(name)).toBe(false);
  });

  it('escapes the RFC 4515 specials in a filter value', () => {
    expect(escapeFilterValue('admin)(uid=*')).toBe('admin\\29\\28uid=\\2a');
    expect(escapeFilterValue('a\\b\0c')).toBe('a\\5cb\\00c');
    expect(escapeFilterValue('Müller')).toBe('Müller');
  });

  it('the user and group filters carry the value as a value, never as filter syntax', () => {
    expect(userSearchFilter('uid', '*)(|(uid=*').toString()).toBe('(uid=\\2a\\29\\28|\\28uid=\\2a)');
    expect(groupSearchFilter('member', 'cn=Weber\\, Carla,ou=people').toString()).toBe('(member=cn=Weber\\5c, Carla,ou=people)');
    expect(groupSearchFilter('memberOf-nested', 'CN=a*,DC=x').toString()).toBe('(member:1.2.840.113556.1.4.1941:=CN=a\\2a,DC=x)');
  });
});

describe('group mapping (issue 7 item 1: AD groups give roles and home site)', () => {
  const carla = { dn: 'cn=Weber\\2C Carla,ou=people,dc=jobcenter,dc=test', cn: 'Weber, Carla' };

  it('one DN in its different spellings is the same DN', () => {
    expect(normalizeDn('CN=Weber\\, Carla, OU=People,DC=jobcenter,DC=test')).toBe(normalizeDn(carla.dn));
    expect(normalizeDn('cn=Ä\\C3\\84,dc=x')).toBe(normalizeDn('CN=ää,DC=x'));
    expect(normalizeDn('cn=a\\,b,dc=x')).not.toBe(normalizeDn('cn=a,b,dc=x'));
  });

  it('a key with "=" is a DN, without it a CN', () => {
    const group = { dn: 'CN=AS-EZ,OU=Gruppen,DC=jobcenter,DC=local', cn: 'AS-EZ' };
    expect(groupMatches('as-ez', group)).toBe(true);
    expect(groupMatches('cn=as-ez,ou=gruppen,dc=jobcenter,dc=local', group)).toBe(true);
    expect(groupMatches('CN=AS-EZ,OU=Andere,DC=jobcenter,DC=local', group)).toBe(false);
    expect(groupMatches('AS-EZ-Alt', group)).toBe(false);
  });

  it('roles come in the app order once each; the first site group listed wins', () => {
    const groups = [
      { dn: 'cn=AS-TL-EZ,ou=g', cn: 'AS-TL-EZ' },
      { dn: 'cn=AS-EZ,ou=g', cn: 'AS-EZ' },
      { dn: 'cn=Standort-Diez,ou=g', cn: 'Standort-Diez' },
      { dn: 'cn=Standort-BadEms,ou=g', cn: 'Standort-BadEms' },
    ];
    const roleGroups: Record<string, Role[]> = { 'AS-TL-EZ': ['TL_EZ', 'EZ'], 'AS-EZ': ['EZ'], 'AS-DSB': ['DSB'] };
    const siteGroups = { 'Standort-BadEms': 'site-bad-ems', 'Standort-Diez': 'site-diez' };
    expect(mapGroups(groups, mappingFromRecords({ roleGroups, siteGroups }))).toEqual({
      roles: ['EZ', 'TL_EZ'],
      homeSiteId: 'site-bad-ems',
    });
    expect(mapGroups([], { roleGroups: [{ group: 'AS-EZ', roles: ['EZ'] }], siteGroups: [] })).toEqual({ roles: [], homeSiteId: null });
  });
});
