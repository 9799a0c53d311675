import { describe, expect, it } from 'vitest';
import type { LaunchRequest } from '@shared/domain/launch';
import { TRE_R38_OID } from '@shared/domain/specialties';
import { emptyForm, formFromLaunch, locationText, queryFromForm, queryFromLaunch } from '@renderer/search/search-query';
import { matchSpecialties, normalizeSearchText, SPECIALTY_OPTIONS } from '@renderer/search/specialty-options';

const launch: LaunchRequest = {
  via: 'console-scheme',
  origin: 'TEST-SAMU000',
  specialty: { kind: 'coded', coding: { system: TRE_R38_OID, code: 'SM54' } },
  location: { inseeCode: '47001', city: 'Agen', streetName: 'Rue Paul Vidal', streetNumber: '12' },
  gp: { kind: 'national-id', nationalId: '810002673899' },
};

describe('search bar values', () => {
  it('an LRM launch fills the bar with labels, and is searched exactly as sent', () => {
    expect(formFromLaunch(launch)).toEqual({
      specialtyText: 'Médecine générale',
      specialtyCoding: { system: TRE_R38_OID, code: 'SM54' },
      locationText: '12 Rue Paul Vidal, Agen (47001)',
      location: launch.location,
      gpText: 'RPPS 10002673899',
    });
    expect(queryFromLaunch(launch)).toEqual({
      specialty: launch.specialty,
      location: launch.location,
      gp: launch.gp,
      origin: 'TEST-SAMU000',
    });
  });

  it('keeps the code while the label is untouched, and sends free text once it is edited', () => {
    const form = formFromLaunch(launch);
    const coded = queryFromForm(form, { ok: true });
    expect(coded.ok && coded.query.specialty).toEqual({ kind: 'coded', coding: { system: TRE_R38_OID, code: 'SM54' } });
    const edited = queryFromForm({ ...form, specialtyText: 'Médecine générale pédiatrique' }, { ok: true });
    expect(edited.ok && edited.query.specialty).toEqual({ kind: 'text', text: 'Médecine générale pédiatrique' });
  });

  it('needs a location, and a readable GP', () => {
    expect(queryFromForm({ ...emptyForm, locationText: ' ' }, { ok: true })).toEqual({
      ok: false,
      problem: 'location-missing',
    });
    expect(queryFromForm({ ...emptyForm, locationText: 'Agen' }, { ok: false })).toEqual({
      ok: false,
      problem: 'gp-invalid',
    });
    const typed = queryFromForm({ ...emptyForm, locationText: 'Agen' }, { ok: true });
    expect(typed.ok && typed.query.location).toEqual({ city: 'Agen' });
  });

  it('writes a location the way the field shows it', () => {
    expect(locationText({ city: 'Paris', inseeCode: '75056', arrondissementInseeCode: '75111' })).toBe('Paris (75111)');
    expect(locationText({ city: 'Agen' })).toBe('Agen');
    expect(locationText({ inseeCode: '47001' })).toBe('INSEE 47001');
    expect(locationText({ inseeCode: '33063', streetName: 'cours de l’Intendance', streetNumber: '10' })).toBe(
      '10 cours de l’Intendance, INSEE 33063',
    );
  });
});

describe('specialty suggestions', () => {
  it('offers the most asked specialties first', () => {
    expect(matchSpecialties('', 3).map((o) => o.code)).toEqual(['SM54', 'SM40', 'SM42']);
  });

  it('finds labels by word starts, without accents or case, and codes by prefix', () => {
    expect(matchSpecialties('med gen').map((o) => o.code)).toContain('SM54');
    expect(matchSpecialties('PEDIA')[0]?.code).toBe('SM40');
    expect(matchSpecialties('sm38')[0]?.label).toBe('Ophtalmologie');
    expect(matchSpecialties('dentiste').map((o) => o.code)).toContain('40');
    expect(matchSpecialties('zzz')).toEqual([]);
  });

  it('has unique option ids and keeps each option’s coding', () => {
    expect(new Set(SPECIALTY_OPTIONS.map((o) => o.id)).size).toBe(SPECIALTY_OPTIONS.length);
    for (const o of SPECIALTY_OPTIONS) expect(o.coding.code).toBe(o.code);
    expect(normalizeSearchText('  Médecine   d’urgence ')).toBe('medecine d urgence');
  });
});
