import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bindPublisherEndpoints,
  createDirectory,
  parseCareOfferFile,
  type CareOfferData,
} from '@backend/directory/index';
import { GENERAL_MEDICINE, specialtyCoding, TRE_R38_OID } from '@shared/domain/specialties';

const AGEN = { lat: 44.20284, lon: 0.62575 };
const place = (lat: number, lon: number, city = 'Agen') => ({ city, point: { lat, lon } });

function file(overrides: Partial<CareOfferData> = {}) {
  return {
    format: 'sas-console/care-offer',
    version: 1,
    publishers: [
      {
        id: 'agendaplume',
        name: 'AgendaPlume',
        kind: 'ps',
        fhirBaseUrl: 'training:agendaplume',
        bookingOrigins: ['training:agendaplume'],
        acceptsV1Accounts: true,
      },
      {
        id: 'sos-planning',
        name: 'SOS Planning',
        kind: 'sos',
        fhirBaseUrl: 'https://sos.example.test/fhir',
        bookingOrigins: ['https://sos.example.test'],
        acceptsV1Accounts: false,
      },
    ],
    practitioners: [
      {
        nationalId: '800000000001',
        familyName: 'Plumevert',
        specialties: [specialtyCoding('TRE_R38', 'SM54')],
        // Two places: the nearest one counts.
        places: [place(44.9, 0.62575, 'Loin'), place(44.21, 0.62575)],
        participation: { mode: 'cpts', structureId: '479900001', acceptsBeyondSlots: true },
        agendaSource: 'agendaplume',
      },
      {
        nationalId: '800000000002',
        familyName: 'Galetdoux',
        specialties: [{ system: TRE_R38_OID, code: 'SM53' }],
        places: [place(44.25, 0.62575)],
        agendaSource: 'sas-agenda',
      },
      {
        nationalId: '800000000003',
        familyName: 'Lunebleu',
        specialties: [specialtyCoding('TRE_R38', 'SM38')],
        places: [place(44.22, 0.62575)],
      },
      {
        nationalId: '800000000004',
        familyName: 'Sapinvif',
        specialties: [specialtyCoding('TRE_R38', 'SM54')],
        places: [place(45.5, 0.62575, 'Très loin')],
        participation: { mode: 'cpts', structureId: '479900001', acceptsBeyondSlots: false },
      },
    ],
    cpts: [
      // No place of its own: located at its nearest member.
      { finess: '479900001', name: 'CPTS fictive', memberIds: ['800000000001', '800000000004'] },
      { finess: '479900002', name: 'CPTS lointaine', place: place(46, 0.6), memberIds: [] },
    ],
    sosSites: [
      {
        id: '1479900003',
        associationName: 'SOS Médecins Agen',
        name: 'Centre',
        place: place(44.2, 0.63),
        agendaSource: 'sos-planning',
      },
    ],
    ...overrides,
  };
}

function directory() {
  const parsed = parseCareOfferFile(file());
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return createDirectory(parsed.data);
}

describe('care-offer file', () => {
  it('loads a consistent file without warnings', () => {
    const parsed = parseCareOfferFile(file());
    expect(parsed).toMatchObject({ ok: true, warnings: [] });
  });

  it('names the bad entry and field in French', () => {
    const bad = file();
    (bad.practitioners[1] as { places: unknown[] }).places = [{ point: { lat: 'nord', lon: 0 } }];
    const parsed = parseCareOfferFile(bad);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors[0]).toMatch(
      /^praticien n°2 \(800000000002\) › places › 0 › point › lat : .*nombre/,
    );
  });

  it('rejects unknown publishers, unknown CPTS members and duplicates', () => {
    const bad = file();
    bad.practitioners[2] = { ...bad.practitioners[2]!, agendaSource: 'inconnu' } as never;
    (bad.cpts[0]!.memberIds as string[]).push('899999999999');
    bad.practitioners.push({ ...bad.practitioners[0]! } as never);
    bad.sosSites[0]!.agendaSource = 'agendaplume';
    const parsed = parseCareOfferFile(bad);
    expect(parsed.ok).toBe(false);
    const errors = parsed.ok ? [] : parsed.errors;
    expect(errors).toContain('praticien en double : 800000000001');
    expect(errors).toContain("praticien 800000000003 : éditeur d'agenda inconnu « inconnu »");
    expect(errors).toContain('CPTS 479900001 : membre inconnu 899999999999');
    expect(errors.some((error) => error.startsWith('site SOS Médecins 1479900003'))).toBe(true);
  });

  it('warns when a practitioner declares a CPTS that does not list them', () => {
    const data = file();
    data.cpts[0]!.memberIds = ['800000000001'];
    const parsed = parseCareOfferFile(data);
    expect(parsed.ok && parsed.warnings).toEqual([
      'praticien 800000000004 : absent de la liste des membres de la CPTS 479900001',
    ]);
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed = parseCareOfferFile(value);
        expect(parsed.ok).toBe(false);
      }),
    );
  });
});

describe('directory', () => {
  it('finds practitioners of a specialty within the radius, nearest place first', () => {
    const result = directory().findWithinRadius({ point: AGEN, radiusKm: 10, specialty: GENERAL_MEDICINE });
    // SM53 (specialist in general medicine) answers a general-medicine search; the far member does not.
    expect(result.practitioners.map((hit) => hit.practitioner.nationalId)).toEqual(['800000000001', '800000000002']);
    expect(result.practitioners[0]?.place.city).toBe('Agen');
    expect(result.practitioners[0]?.distanceKm).toBeCloseTo(0.8, 1);
  });

  it('filters on other specialties whichever way the system is written', () => {
    const ophthalmology = { system: TRE_R38_OID, code: 'SM38' };
    const result = directory().findWithinRadius({ point: AGEN, radiusKm: 10, specialty: ophthalmology });
    expect(result.practitioners.map((hit) => hit.practitioner.nationalId)).toEqual(['800000000003']);
    // SOS Médecins sites are general practice: not offered for ophthalmology.
    expect(result.sosSites).toEqual([]);
  });

  it('returns CPTS (placed at their nearest member when they have no place) and SOS sites', () => {
    const result = directory().findWithinRadius({ point: AGEN, radiusKm: 10 });
    expect(result.practitioners).toHaveLength(3);
    expect(result.cpts.map((hit) => hit.cpts.finess)).toEqual(['479900001']);
    expect(result.sosSites.map((hit) => hit.site.id)).toEqual(['1479900003']);
  });

  it('counts for radius enlargement and looks up by id', () => {
    const dir = directory();
    expect(dir.countPractitionersWithin(AGEN, 10, GENERAL_MEDICINE)).toBe(2);
    expect(dir.countPractitionersWithin(AGEN, 200, GENERAL_MEDICINE)).toBe(3);
    expect(dir.getPractitioner(' 800000000003 ')?.familyName).toBe('Lunebleu');
    expect(dir.getPractitioner('899999999999')).toBeUndefined();
    expect(dir.cptsMembers('479900001').map((member) => member.familyName)).toEqual(['Plumevert', 'Sapinvif']);
    expect(dir.getPublisher('sos-planning')?.kind).toBe('sos');
  });
});

describe('publisher endpoints', () => {
  it('replaces training placeholders only', () => {
    const parsed = parseCareOfferFile(file());
    if (!parsed.ok) throw new Error('fichier invalide');
    const bound = bindPublisherEndpoints(parsed.data.publishers, {
      agendaplume: { fhirBaseUrl: 'http://127.0.0.1:41234/fhir' },
      'sos-planning': { fhirBaseUrl: 'http://127.0.0.1:41235/fhir' },
    });
    expect(bound[0]).toMatchObject({
      fhirBaseUrl: 'http://127.0.0.1:41234/fhir',
      bookingOrigins: ['http://127.0.0.1:41234'],
    });
    // A configured URL is never overwritten.
    expect(bound[1]).toMatchObject({
      fhirBaseUrl: 'https://sos.example.test/fhir',
      bookingOrigins: ['https://sos.example.test'],
    });
  });
});
