import { describe, expect, it } from 'vitest';
import { JOBCENTER_DEFAULTS } from '@shared/model/jobcenter-settings';
import {
  accountDraft,
  accountRequest,
  EMPTY_ACCOUNT,
  enrollmentCodeRequest,
  profileLabel,
  settingsDraft,
  settingsPatch,
  settingsRequest,
} from '../../../../renderer/src/features/admin/admin-model';

describe('Verwaltung: Jobcenter settings form', () => {
  it('round-trips the settings through the form', () => {
    expect(settingsRequest(settingsDraft(JOBCENTER_DEFAULTS))).toEqual({ ok: true, value: JOBCENTER_DEFAULTS });
    const draft = { ...settingsDraft(JOBCENTER_DEFAULTS), idleLockMinutes: ' 2 ', deadlinePolicy: 'calendar' as const };
    expect(settingsRequest(draft)).toEqual({ ok: true, value: { ...JOBCENTER_DEFAULTS, idleLockMinutes: 2, deadlinePolicy: 'calendar' } });
  });
  it("answers with the shared schema's German message per field", () => {
    const draft = { ...settingsDraft(JOBCENTER_DEFAULTS), idleLockMinutes: '0', offlineSignInDays: '', auditRetentionDays: '1,5', retentionDays: 'viele' };
    const result = settingsRequest(draft);
    expect(result).toEqual({
      ok: false,
      errors: {
        idleLockMinutes: 'Bildschirmsperre: mindestens 1 Minute.',
        offlineSignInDays: 'Offline-Anmeldung: bitte eine Zahl von Tagen angeben.',
        auditRetentionDays: 'Zugriffsprotokoll: bitte ganze Tage angeben.',
        retentionDays: 'Anonymisierung: bitte eine Zahl von Tagen angeben.',
      },
    });
  });
});

describe('Verwaltung: only changed settings are sent', () => {
  it('names just the changed ones (nothing when nothing changed)', () => {
    expect(settingsPatch(JOBCENTER_DEFAULTS, { ...JOBCENTER_DEFAULTS, idleLockMinutes: 2 })).toEqual({ idleLockMinutes: 2 });
    expect(settingsPatch(JOBCENTER_DEFAULTS, JOBCENTER_DEFAULTS)).toEqual({});
  });
});

describe('Verwaltung: enrollment code', () => {
  it('needs site, profile and a name', () => {
    expect(enrollmentCodeRequest({ siteId: '', profile: 'counter', name: 'PC 1' })).toEqual({ ok: false, error: 'Bitte einen Standort wählen.' });
    expect(enrollmentCodeRequest({ siteId: 's', profile: '', name: 'PC 1' })).toEqual({ ok: false, error: 'Bitte ein Profil wählen (Anlaufstelle, Büro, Leitung).' });
    expect(enrollmentCodeRequest({ siteId: 's', profile: 'counter', name: '  ' })).toEqual({ ok: false, error: 'Bitte einen Namen für den PC angeben.' });
    expect(enrollmentCodeRequest({ siteId: 's', profile: 'lead', name: ' Empfang 2 ' })).toEqual({ ok: true, value: { siteId: 's', profile: 'lead', name: 'Empfang 2' } });
  });
  it('names profiles in German', () => {
    expect(profileLabel('counter')).toBe('Anlaufstelle (Empfangstresen)');
    expect(profileLabel('unknown')).toBe('unknown');
  });
});

describe('Verwaltung: account form → PUT /v1/admin/accounts', () => {
  const filled = { ...EMPTY_ACCOUNT, username: ' Anna.Wagner ', displayName: ' Anna Wagner ', staffId: 'st-1', roles: ['LB' as const, 'EZ' as const], homeSiteId: 'site-1', password: 'geheim-1234' };

  it('maps the form to the request (roles in the fixed order, empty choices as null)', () => {
    expect(accountRequest(filled, true)).toEqual({
      ok: true,
      value: { account: { username: 'anna.wagner', displayName: 'Anna Wagner', staffId: 'st-1', roles: ['EZ', 'LB'], homeSiteId: 'site-1', disabled: false }, password: 'geheim-1234' },
    });
    expect(accountRequest({ ...filled, staffId: '', homeSiteId: '' }, true)).toMatchObject({ ok: true, value: { account: { staffId: null, homeSiteId: null } } });
  });
  it('keeps the password of an existing account unless a new one is typed', () => {
    const row = { username: 'anna.wagner', displayName: 'Anna Wagner', staffId: null, roles: ['EZ' as const], homeSiteId: null, disabled: true, hasPassword: true };
    const result = accountRequest(accountDraft(row), false);
    expect(result).toEqual({ ok: true, value: { account: { username: 'anna.wagner', displayName: 'Anna Wagner', staffId: null, roles: ['EZ'], homeSiteId: null, disabled: true } } });
  });
  it('refuses in German what the service would refuse', () => {
    expect(accountRequest(EMPTY_ACCOUNT, true)).toEqual({
      ok: false,
      errors: ['Bitte einen Benutzernamen angeben.', 'Bitte den Namen angeben.', 'Bitte mindestens eine Rolle wählen.', 'Bitte ein Kennwort für das neue Konto angeben.'],
    });
    expect(accountRequest({ ...filled, username: 'anna wagner' }, true)).toMatchObject({ ok: false, errors: [expect.stringContaining('Benutzername: nur Buchstaben')] });
    expect(accountRequest({ ...filled, password: 'kurz' }, false)).toEqual({ ok: false, errors: ['Das Kennwort muss mindestens 10 Zeichen lang sein.'] });
  });
});
