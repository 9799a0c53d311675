// Every bundle and resource of the ANS SAS guide's examples maps with no issue, with the values the guide shows.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mapAppointment } from '@shared/fhir/map-appointment';
import { mapRegulatorPractitioner } from '@shared/fhir/map-regulator';
import { mapResource } from '@shared/fhir/map-resource';
import { mapSlotBundle } from '@shared/fhir/map-slot-bundle';
import { bundleOf, igFiles, loadIg } from '@tests/fixtures/fhir/load';

const R38 = 'https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale';
const ctx = { sourceId: 'editeur-a' };
const SHARED_EXAMPLES = fileURLToPath(new URL('../../../../../shared/sas-ig/examples', import.meta.url));

describe('every IG example maps without issue', () => {
  it('finds the 28 example files', () => {
    expect(igFiles()).toHaveLength(28);
  });
  // The fixtures are copies of ../shared/sas-ig/examples (beside the repo in CI): they must not drift apart.
  it.runIf(existsSync(SHARED_EXAMPLES))('are the same files as ../shared/sas-ig/examples', () => {
    const shared = readdirSync(SHARED_EXAMPLES)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(igFiles()).toEqual(shared);
    for (const name of shared)
      expect(loadIg(name)).toEqual(JSON.parse(readFileSync(`${SHARED_EXAMPLES}/${name}`, 'utf8')));
  });
  it.each(igFiles())('%s', (name) => {
    const mapped = mapResource(loadIg(name), ctx);
    expect(mapped.issues).toEqual([]);
    expect(mapped.resource).toBeDefined();
  });
});

describe('Bundle-ExampleBundlePSIndiv (PS individual)', () => {
  const result = mapSlotBundle(loadIg('Bundle-ExampleBundlePSIndiv.json'), ctx);

  it('has no issue and 4 slots, 2 practitioners, no CPTS', () => {
    expect(result.issues).toEqual([]);
    expect(result.slots).toHaveLength(4);
    expect(result.practitioners).toHaveLength(2);
    expect(result.cpts).toEqual([]);
    expect(result.sosSites).toEqual([]);
  });

  it('keeps start and end with the offsets sent, and prefixes ids with the source', () => {
    expect(result.slots.map((s) => [s.id, s.start, s.end])).toEqual([
      ['editeur-a/ExampleSlotPSIndiv1', '2021-11-05T09:00:00.000+00:00', '2021-11-05T09:30:00.000+00:00'],
      ['editeur-a/ExampleSlotPSIndiv2', '2021-11-05T11:00:00.000+00:00', '2021-11-05T11:30:00.000+00:00'],
      ['editeur-a/ExampleSlotPSIndiv3', '2021-11-04T14:20:00.000+00:00', '2021-11-04T14:40:00.000+00:00'],
      ['editeur-a/ExampleSlotPSIndiv4', '2021-11-04T14:40:00.000+00:00', '2021-11-04T15:00:00.000+00:00'],
    ]);
    expect(result.slots.every((s) => s.sourceId === 'editeur-a')).toBe(true);
  });

  it('reads slot types (several possible), modes, walk-in and booking URLs', () => {
    expect(result.slots.map((s) => s.types)).toEqual([['PUBLIC'], ['PRO'], ['PUBLIC', 'PRO'], ['PUBLIC', 'PRO']]);
    expect(result.slots.map((s) => s.modes)).toEqual([
      ['cabinet', 'teleconsultation'],
      ['cabinet'],
      ['teleconsultation'],
      ['domicile'],
    ]);
    expect(result.slots.map((s) => s.withAppointment)).toEqual([true, false, true, true]);
    expect(result.slots.map((s) => s.bookingUrl)).toEqual([
      'https://exemple.com/rdv/com/',
      undefined,
      'https://exemple.com/rdv/com/',
      'https://exemple.com/rdv/com/',
    ]);
  });

  it('reads specialties (TRE_R38), ignoring text-only ones', () => {
    expect(result.slots[0]?.specialties).toEqual([
      { system: R38, code: 'SM54' },
      { system: R38, code: 'SM05' },
    ]);
    expect(result.slots[2]?.specialties).toEqual([{ system: R38, code: 'SM41' }]);
  });

  it('links each slot to its practitioner and to the place of the schedule’s role', () => {
    expect(result.slots.map((s) => s.practitionerId)).toEqual([
      '810100050075',
      '810100050075',
      '810002673899',
      '810002673899',
    ]);
    expect(result.slots[0]?.place).toEqual({
      line: '1 rue Mme DELMAS',
      postalCode: '47000',
      city: 'AGEN',
      organizationId: '1810004421',
    });
    expect(result.slots[1]?.place?.line).toBe('30 rue Mme DELMAS');
    expect(result.slots[1]?.place?.organizationId).toBe('1810004956');
  });

  it('maps practitioners: IDNPS, names, places of every role, phone, specialties of their slots', () => {
    const [thomas, marcel] = result.practitioners;
    expect(thomas).toMatchObject({
      nationalId: '810100050075',
      familyName: 'THOMAS',
      givenName: 'Sébastien',
      agendaSource: 'editeur-a',
    });
    expect(thomas?.places.map((p) => p.line)).toEqual(['1 rue Mme DELMAS', '30 rue Mme DELMAS']);
    expect(thomas?.phone).toBeUndefined();
    expect(thomas?.specialties.map((c) => c.code)).toEqual(['SM54', 'SM05']);
    expect(marcel).toMatchObject({
      nationalId: '810002673899',
      familyName: 'MARCEL',
      givenName: 'Guillaume',
      phone: '+33658913859',
    });
    expect(marcel?.specialties.map((c) => c.code)).toEqual(['SM41', 'SM54']);
  });
});

describe('Bundle-ExampleBundleCPTS1 (CPTS)', () => {
  const result = mapSlotBundle(loadIg('Bundle-ExampleBundleCPTS1.json'), ctx);

  it('has no issue', () => {
    expect(result.issues).toEqual([]);
  });

  it('reads the CPTS through serviceType 604 → HealthcareService → Organization: FINESS, name, phone', () => {
    expect(result.cpts).toEqual([
      { finess: '950047225', name: 'CPTS AXE MAJEUR', phone: '+33102030405', memberIds: ['810002909371'] },
    ]);
  });

  it('maps the CPTS slot with its offset, types, mode, booking URL and CPTS link', () => {
    expect(result.slots).toHaveLength(1);
    expect(result.slots[0]).toMatchObject({
      id: 'editeur-a/ExampleSlotCPTS1',
      start: '2024-06-12T16:40:00.000+02:00',
      end: '2024-06-12T17:00:00.000+02:00',
      types: ['PUBLIC', 'CPTS'],
      modes: ['cabinet'],
      bookingUrl: 'https://exemple.com/rdv/com/',
      practitionerId: '810002909371',
      cptsFiness: '950047225',
      withAppointment: true,
    });
  });

  it('maps the participating practitioner with the organisation identifier as sent (no IDNST type)', () => {
    expect(result.practitioners).toEqual([
      {
        nationalId: '810002909371',
        familyName: 'Foret',
        givenName: 'Pierre',
        phone: '+33561855977',
        agendaSource: 'editeur-a',
        specialties: [{ system: R38, code: 'SM54' }],
        places: [
          { line: '25 CHEMIN DE MOUNESTIE', postalCode: '31840', city: 'Aussonne', organizationId: '412345678912345' },
        ],
      },
    ]);
  });
});

describe('stand-alone examples assembled into bundles', () => {
  it('the PS examples (5 slots, including one without booking URL and text-only specialty) map without issue', () => {
    const result = mapSlotBundle(
      bundleOf([
        'Slot-ExampleSlotPSIndiv1.json',
        'Slot-ExampleSlotPSIndiv2.json',
        'Slot-ExampleSlotPSIndiv3.json',
        'Slot-ExampleSlotPSIndiv4.json',
        'Slot-ExampleSlotPSIndiv5.json',
        'Schedule-ExampleSchedule1.json',
        'Schedule-ExampleSchedule2.json',
        'Schedule-ExampleSchedule3.json',
        'Practitioner-ExamplePractitioner2.json',
        'Practitioner-ExamplePractitioner3.json',
        'PractitionerRole-ExamplePractitionerRoleAgregateur2.json',
        'PractitionerRole-ExamplePractitionerRoleAgregateur3.json',
        'PractitionerRole-ExamplePractitionerRoleAgregateur4.json',
      ]),
      ctx,
    );
    expect(result.issues).toEqual([]);
    expect(result.slots).toHaveLength(5);
    const fifth = result.slots[4];
    expect(fifth).toMatchObject({ types: ['PRO'], modes: ['cabinet'], withAppointment: false, specialties: [] });
    expect(fifth?.bookingUrl).toBeUndefined();
    expect(fifth?.practitionerId).toBe('810100050075');
  });

  it('the CPTS examples map to the same CPTS as the CPTS bundle', () => {
    const result = mapSlotBundle(
      bundleOf([
        'Slot-ExampleSlotCPTS1.json',
        'Schedule-ExampleSchedule.json',
        'Practitioner-ExamplePractitioner.json',
        'PractitionerRole-ExamplePractitionerRoleAgregateur.json',
        'HealthcareService-ExampleHealthcareServiceCPTS1.json',
        'Organization-ExampleOrgaCPTS1.json',
      ]),
      ctx,
    );
    expect(result.issues).toEqual([]);
    expect(result.cpts).toEqual(mapSlotBundle(loadIg('Bundle-ExampleBundleCPTS1.json'), ctx).cpts);
  });
});

describe('stand-alone resources', () => {
  it('SOS Médecins Locations give their site fields', () => {
    const mapped = mapResource(loadIg('Location-1111111111.json'), ctx);
    expect(mapped.issues).toEqual([]);
    expect(mapped.resource).toEqual({
      kind: 'location',
      place: { line: '320 avenue Général Georges Patton', postalCode: '35700', city: 'RENNES' },
      sos: {
        siteId: '1111111111',
        name: 'Centre de consultation Rennes Nord',
        phone: '+33193246789',
        place: { line: '320 avenue Général Georges Patton', postalCode: '35700', city: 'RENNES' },
        organizationReference: 'Organization/ExampleOrgaSOS1',
      },
    });
  });

  it('the CPTS Organization gives the CPTS (IDNST type from the fr-core code system)', () => {
    const mapped = mapResource(loadIg('Organization-ExampleOrgaCPTS1.json'), ctx);
    expect(mapped.resource).toMatchObject({
      kind: 'organization',
      cpts: { finess: '950047225', name: 'CPTS AXE MAJEUR' },
    });
  });

  it('a PractitionerRole resolves its contained Location', () => {
    const mapped = mapResource(loadIg('PractitionerRole-ExamplePractitionerRoleAgregateur.json'), ctx);
    expect(mapped.resource).toEqual({
      kind: 'practitioner-role',
      role: {
        practitionerReference: 'Practitioner/ExamplePractitioner',
        place: {
          line: '25 CHEMIN DE MOUNESTIE',
          postalCode: '31840',
          city: 'Aussonne',
          organizationId: '412345678912345',
        },
        phone: '+33561855977',
        specialties: [],
      },
    });
  });
});

describe('V3 appointments and V1 regulators of the guide', () => {
  it('Appointment-1 (FrAppointmentSAS)', () => {
    expect(mapAppointment(loadIg('Appointment-1.json'))).toEqual({
      ok: true,
      appointment: {
        profile: 'ps',
        publisherAppointmentId: 'b6e39355-8a61-4556-b340-36f7b95fec6a',
        identifierSystem: 'urn:oid:1.1.111.1.11.1.1.1',
        status: 'booked',
        start: '2022-09-04T14:00:00+01:00',
        end: '2022-09-04T14:15:00+01:00',
        created: '2022-09-04T10:00:00+01:00',
        operatorId: '3456780581/11242343',
        practitionerId: '810100050075',
        practitionerStatus: 'accepted',
      },
    });
  });

  it('Appointment-12345678 (SOS: pending, no identified effector, participant needs-action)', () => {
    const mapped = mapAppointment(loadIg('Appointment-12345678.json'));
    expect(mapped).toMatchObject({
      ok: true,
      appointment: {
        profile: 'sos',
        status: 'pending',
        operatorId: '3456780581/11242343',
        practitionerStatus: 'needs-action',
      },
    });
    expect(mapped.ok && mapped.appointment.practitionerId).toBe(undefined);
  });

  it('the two regulator examples (FINESS-local id and RPPS id)', () => {
    expect(mapRegulatorPractitioner(loadIg('Practitioner-ExamplePractitionerRegul1.json'))).toEqual({
      ok: true,
      regulator: {
        nationalId: '3456780581/11242343',
        active: true,
        familyName: 'Loridon',
        givenName: 'Sébastien',
        email: 'sebastien.loridon@test.com',
        source: 'urn:oid:1.2.250.1.213.3.6',
      },
    });
    expect(mapRegulatorPractitioner(loadIg('Practitioner-ExamplePractitionerRegul2.json'))).toMatchObject({
      ok: true,
      regulator: {
        nationalId: '810002673899',
        familyName: 'MARIUS',
        givenName: 'Jules',
        email: 'jules.marius@test.com',
      },
    });
  });
});
