// Problems in publishers' answers: each one gives its issue (stable code, French message, entry, path), the bad
// resource is dropped or kept without the bad field, and the rest of the bundle still maps.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { MappingIssue } from '@shared/fhir/issues';
import { mapSlotBundle, type SlotBundleMapping } from '@shared/fhir/map-slot-bundle';
import { loadIg } from '@tests/fixtures/fhir/load';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test data surgery

const ctx = { sourceId: 'editeur-a' };
const PS = 'Bundle-ExampleBundlePSIndiv.json';
const CPTS = 'Bundle-ExampleBundleCPTS1.json';
const SOS = fileURLToPath(new URL('../../../fixtures/fhir/sos/Bundle-SosSynthetic.json', import.meta.url));
const PS_BASE = 'https://exemple.com/ans-sas/';
const CPTS_BASE = 'https://<base_URl>/';

function ig(name: string): Json {
  return structuredClone(loadIg(name)) as Json;
}
function sos(): Json {
  return JSON.parse(readFileSync(SOS, 'utf8')) as Json;
}
/** The resource of the entry whose fullUrl ends with `suffix`. */
function res(bundle: Json, suffix: string): Json {
  const entry = (bundle.entry as Json[]).find((e) => String(e.fullUrl).endsWith(suffix));
  if (entry === undefined) throw new Error(`no entry ${suffix}`);
  return entry.resource as Json;
}
function removeEntry(bundle: Json, suffix: string): Json {
  bundle.entry = (bundle.entry as Json[]).filter((e) => !String(e.fullUrl).endsWith(suffix));
  return bundle;
}
function codes(result: SlotBundleMapping): string[] {
  return result.issues.map((i) => i.code);
}
function only(result: SlotBundleMapping, code: string): MappingIssue {
  const found = result.issues.filter((i) => i.code === code);
  expect(found, JSON.stringify(result.issues)).toHaveLength(1);
  const [issue] = found;
  if (issue === undefined) throw new Error('unreachable');
  expect(issue.message.length).toBeGreaterThan(10);
  return issue;
}

describe('bundle envelope', () => {
  it.each([
    ['not-an-object', 42],
    ['not-an-object', null],
    ['not-an-object', ['Bundle']],
    ['not-a-bundle', { resourceType: 'Patient' }],
    ['not-a-bundle', { type: 'searchset', entry: [] }],
    ['bundle-entry-invalid', { resourceType: 'Bundle', type: 'searchset', entry: { slot: 1 } }],
  ])('%s for %j', (code, input) => {
    const result = mapSlotBundle(input, ctx);
    expect(codes(result)).toEqual([code]);
    expect(result.slots).toEqual([]);
  });

  it('an empty searchset (no entry) is valid', () => {
    expect(mapSlotBundle({ resourceType: 'Bundle', type: 'searchset', total: 0 }, ctx)).toEqual({
      slots: [],
      practitioners: [],
      cpts: [],
      sosSites: [],
      issues: [],
    });
  });

  it('a non-searchset bundle is reported but still read', () => {
    const bundle = ig(PS);
    bundle.type = 'collection';
    const result = mapSlotBundle(bundle, ctx);
    expect(only(result, 'bundle-not-searchset').path).toBe('Bundle.type');
    expect(result.slots).toHaveLength(4);
  });

  it('bundle-too-many-entries: reads the first 20,000 entries only', () => {
    const bundle = ig(PS);
    const filler = Array.from({ length: 20_000 }, (_, i) => ({
      fullUrl: `urn:uuid:${i}`,
      resource: { resourceType: 'Basic' },
    }));
    bundle.entry = [...(bundle.entry as Json[]).slice(0, 4), ...filler, ...(bundle.entry as Json[]).slice(4)];
    const result = mapSlotBundle(bundle, ctx);
    expect(codes(result)).toEqual(['bundle-too-many-entries']);
    expect(result.slots.map((s) => s.id)).toEqual(['editeur-a/ExampleSlotPSIndiv1']);
  });

  it.each([
    ['entry-invalid', 7],
    ['entry-resource-missing', { fullUrl: 'urn:uuid:x' }],
    ['resource-type-missing', { fullUrl: 'urn:uuid:y', resource: { id: 'z' } }],
  ])('%s: a broken entry is skipped, the other entries map', (code, broken) => {
    const bundle = ig(PS);
    (bundle.entry as unknown[]).splice(2, 0, broken);
    const result = mapSlotBundle(bundle, ctx);
    expect(codes(result)).toEqual([code]);
    expect(result.slots).toHaveLength(4);
    expect(result.practitioners).toHaveLength(2);
  });
});

describe('slots', () => {
  it.each([
    ['slot-status-not-free', (s: Json) => (s.status = 'busy')],
    ['slot-status-missing', (s: Json) => delete s.status],
    ['slot-start-missing', (s: Json) => delete s.start],
    ['slot-start-invalid', (s: Json) => (s.start = '2021-02-30T09:00:00.000+00:00')],
    ['slot-start-invalid', (s: Json) => (s.start = '2021-11-05T09:00:00')],
    ['slot-start-invalid', (s: Json) => (s.start = '2021-11-05T09:00:00+15:00')],
    ['slot-start-invalid', (s: Json) => (s.start = 1636102800000)],
    ['slot-end-missing', (s: Json) => delete s.end],
    ['slot-end-invalid', (s: Json) => (s.end = 'demain')],
    ['slot-end-before-start', (s: Json) => (s.end = '2021-11-05T08:59:59.000+00:00')],
    ['slot-end-before-start', (s: Json) => (s.end = s.start)],
    // Same instant written with another offset: 10:00+01:00 is 09:00Z, the start.
    ['slot-end-before-start', (s: Json) => (s.end = '2021-11-05T10:00:00+01:00')],
  ])('%s drops that slot only', (code, mutate) => {
    const bundle = ig(PS);
    mutate(res(bundle, 'Slot/ExampleSlotPSIndiv1'));
    const result = mapSlotBundle(bundle, ctx);
    expect(codes(result)).toEqual([code]);
    const issue = only(result, code);
    expect(issue.entry).toBe(`${PS_BASE}Slot/ExampleSlotPSIndiv1`);
    expect(issue.path).toMatch(/^Slot\./u);
    expect(result.slots.map((s) => s.id)).toEqual([
      'editeur-a/ExampleSlotPSIndiv2',
      'editeur-a/ExampleSlotPSIndiv3',
      'editeur-a/ExampleSlotPSIndiv4',
    ]);
  });

  it('keeps the start offset exactly as sent, whatever it is', () => {
    const bundle = ig(PS);
    const slot = res(bundle, 'Slot/ExampleSlotPSIndiv1');
    slot.start = '2021-11-05T10:00:00.5+01:00';
    slot.end = '2021-11-05T06:30:00-03:00';
    const result = mapSlotBundle(bundle, ctx);
    expect(result.issues).toEqual([]);
    expect(result.slots[0]).toMatchObject({ start: '2021-11-05T10:00:00.5+01:00', end: '2021-11-05T06:30:00-03:00' });
  });

  it.each([
    [
      'slot-type-unknown',
      (s: Json) => s.meta.security.push({ system: s.meta.security[0].system, code: 'VIP' }),
      ['PUBLIC'],
    ],
    ['slot-type-missing', (s: Json) => delete s.meta.security, []],
    ['slot-mode-unknown', (s: Json) => (s.serviceType[0].coding[0].code = 'EMER'), ['teleconsultation']],
    ['slot-booking-url-invalid', (s: Json) => (s.comment = 'javascript:alert(1)'), undefined],
    ['slot-booking-url-invalid', (s: Json) => (s.comment = 'Appeler le secrétariat'), undefined],
    ['slot-booking-url-invalid', (s: Json) => (s.comment = 'https://user@evil.example/rdv'), undefined],
    ['slot-booking-url-invalid', (s: Json) => (s.comment = 'ftp://exemple.com/rdv'), undefined],
    ['value-wrong-type', (s: Json) => (s.comment = 42), undefined],
    ['value-too-long', (s: Json) => (s.comment = `https://exemple.com/${'a'.repeat(5000)}`), undefined],
  ])('%s keeps the slot without the bad value', (code, mutate, expected) => {
    const bundle = ig(PS);
    mutate(res(bundle, 'Slot/ExampleSlotPSIndiv1'));
    const result = mapSlotBundle(bundle, ctx);
    only(result, code);
    expect(result.slots).toHaveLength(4);
    const slot = result.slots[0];
    if (code.startsWith('slot-type')) expect(slot?.types).toEqual(expected);
    if (code === 'slot-mode-unknown') expect(slot?.modes).toEqual(expected);
    if (code.includes('url') || code.startsWith('value-')) expect(slot?.bookingUrl).toBeUndefined();
  });

  it('ignores security labels of other systems (confidentiality...)', () => {
    const bundle = ig(PS);
    res(bundle, 'Slot/ExampleSlotPSIndiv1').meta.security.push({
      system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality',
      code: 'N',
    });
    const result = mapSlotBundle(bundle, ctx);
    expect(result.issues).toEqual([]);
    expect(result.slots[0]?.types).toEqual(['PUBLIC']);
  });

  it('slot-id-missing: the slot is kept under an id from its entry index', () => {
    const bundle = ig(PS);
    delete res(bundle, 'Slot/ExampleSlotPSIndiv1').id;
    const result = mapSlotBundle(bundle, ctx);
    only(result, 'slot-id-missing');
    expect(result.slots[0]?.id).toBe('editeur-a/entry-0');
  });

  it('slot-duplicate: the second slot with the same id is dropped', () => {
    const bundle = ig(PS);
    res(bundle, 'Slot/ExampleSlotPSIndiv2').id = 'ExampleSlotPSIndiv1';
    const result = mapSlotBundle(bundle, ctx);
    only(result, 'slot-duplicate');
    expect(result.slots).toHaveLength(3);
  });

  it('slot-schedule-missing and slot-schedule-unresolved keep the slot without practitioner', () => {
    const bundle = ig(PS);
    delete res(bundle, 'Slot/ExampleSlotPSIndiv1').schedule;
    res(bundle, 'Slot/ExampleSlotPSIndiv2').schedule.reference = 'Schedule/absent';
    const result = mapSlotBundle(bundle, ctx);
    only(result, 'slot-schedule-missing');
    only(result, 'slot-schedule-unresolved');
    expect(result.slots.map((s) => s.practitionerId)).toEqual([undefined, undefined, '810002673899', '810002673899']);
  });
});

describe('schedules, practitioners and roles', () => {
  it('schedule-actor-missing', () => {
    const bundle = ig(PS);
    res(bundle, 'Schedule/ExampleSchedule1').actor = [];
    const result = mapSlotBundle(bundle, ctx);
    expect(only(result, 'schedule-actor-missing').entry).toBe(`${PS_BASE}Schedule/ExampleSchedule1`);
    expect(result.slots[0]?.practitionerId).toBeUndefined();
    expect(result.slots[1]?.practitionerId).toBe('810100050075');
  });

  it('schedule-actor-unresolved, but the PractitionerRole actor still gives the practitioner', () => {
    const bundle = ig(PS);
    res(bundle, 'Schedule/ExampleSchedule1').actor[0].reference = 'Practitioner/absent';
    const result = mapSlotBundle(bundle, ctx);
    expect(only(result, 'schedule-actor-unresolved').path).toBe('Schedule.actor[0]');
    expect(result.slots[0]?.practitionerId).toBe('810100050075');
  });

  it('a Location actor next to a practitioner is the consultation place, not a SOS site', () => {
    const bundle = ig(PS);
    const entries = bundle.entry as Json[];
    entries.push({
      fullUrl: `${PS_BASE}Location/cabinet`,
      resource: {
        resourceType: 'Location',
        id: 'cabinet',
        address: { line: ['2 place du Marché'], city: 'AGEN', postalCode: '47000' },
      },
    });
    res(bundle, 'Schedule/ExampleSchedule1').actor = [
      { reference: 'Practitioner/ExamplePractitioner2' },
      { reference: 'Location/cabinet' },
    ];
    const result = mapSlotBundle(bundle, ctx);
    expect(result.issues).toEqual([]);
    expect(result.sosSites).toEqual([]);
    expect(result.slots[0]).toMatchObject({
      practitionerId: '810100050075',
      place: { line: '2 place du Marché', city: 'AGEN' },
    });
    expect(result.slots[0]?.sosSiteId).toBeUndefined();
  });

  it('a logical actor reference by IDNPS is enough to name the practitioner', () => {
    const bundle = ig(PS);
    res(bundle, 'Schedule/ExampleSchedule1').actor = [
      { identifier: { system: 'urn:oid:1.2.250.1.71.4.2.1', value: '810000000001' } },
    ];
    const result = mapSlotBundle(bundle, ctx);
    expect(result.issues).toEqual([]);
    expect(result.slots[0]?.practitionerId).toBe('810000000001');
  });

  it.each([
    ['practitioner-idnps-missing', (p: Json) => (p.identifier = [{ system: 'urn:oid:1.2.3', value: '42' }])],
    ['practitioner-idnps-missing', (p: Json) => delete p.identifier],
    ['practitioner-idnps-invalid', (p: Json) => (p.identifier[0].value = '8100 0267 3899')],
    ['practitioner-idnps-invalid', (p: Json) => (p.identifier[0].value = { rpps: 1 })],
  ])('%s drops that practitioner only (their slots stay, without practitioner)', (code, mutate) => {
    const bundle = ig(PS);
    mutate(res(bundle, 'Practitioner/ExamplePractitioner3'));
    const result = mapSlotBundle(bundle, ctx);
    only(result, code);
    expect(result.practitioners.map((p) => p.nationalId)).toEqual(['810100050075']);
    expect(result.slots.map((s) => s.practitionerId)).toEqual(['810100050075', '810100050075', undefined, undefined]);
  });

  it('practitioner-name-missing keeps the practitioner with an empty family name', () => {
    const bundle = ig(PS);
    delete res(bundle, 'Practitioner/ExamplePractitioner3').name;
    const result = mapSlotBundle(bundle, ctx);
    only(result, 'practitioner-name-missing');
    expect(result.practitioners[1]).toMatchObject({ nationalId: '810002673899', familyName: '' });
  });

  it('a 10 MB name is not read (bounded strings)', () => {
    const bundle = ig(PS);
    res(bundle, 'Practitioner/ExamplePractitioner3').name[0].family = 'X'.repeat(10_000_000);
    const result = mapSlotBundle(bundle, ctx);
    only(result, 'practitioner-name-missing');
    expect(JSON.stringify(result).length).toBeLessThan(20_000);
  });

  it('phone-invalid drops the phone only', () => {
    const bundle = ig(PS);
    res(bundle, 'PractitionerRole/ExamplePractitionerRoleAgregateur4').telecom[0].value = 'appeler le standard';
    const result = mapSlotBundle(bundle, ctx);
    only(result, 'phone-invalid');
    expect(result.practitioners[1]?.phone).toBeUndefined();
    expect(result.practitioners[1]?.places).toHaveLength(1);
  });

  it('practitioner-role-location-unresolved for a missing contained Location', () => {
    const bundle = ig(PS);
    res(bundle, 'PractitionerRole/ExamplePractitionerRoleAgregateur4').location[0].reference = '#nowhere';
    const result = mapSlotBundle(bundle, ctx);
    only(result, 'practitioner-role-location-unresolved');
    // The place keeps what the role still says: its organisation.
    expect(result.slots[2]?.place).toEqual({ organizationId: '1810004421' });
  });

  it('location-position-invalid drops the point only; a valid one is read', () => {
    const bundle = ig(PS);
    const loc2 = res(bundle, 'PractitionerRole/ExamplePractitionerRoleAgregateur2').contained[0];
    loc2.position = { latitude: 44.2, longitude: 0.62 };
    const loc4 = res(bundle, 'PractitionerRole/ExamplePractitionerRoleAgregateur4').contained[0];
    loc4.position = { latitude: 144.2, longitude: 0.62 };
    const result = mapSlotBundle(bundle, ctx);
    only(result, 'location-position-invalid');
    expect(result.slots[0]?.place?.point).toEqual({ lat: 44.2, lon: 0.62 });
    expect(result.slots[2]?.place?.point).toBeUndefined();
  });

  it('accepts the three IDNST type code systems of the guide on the role organisation', () => {
    for (const system of [
      'http://interopsante.org/fhir/CodeSystem/fr-v2-0203',
      'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203',
      'http://interopsante.org/fhir/CodeSystem/fr-location-identifier-type',
    ]) {
      const bundle = ig(PS);
      const org = res(bundle, 'PractitionerRole/ExamplePractitionerRoleAgregateur2').organization.identifier;
      org.type.coding[0].system = system;
      delete org.system;
      const result = mapSlotBundle(bundle, ctx);
      expect(result.issues).toEqual([]);
      expect(result.slots[0]?.place?.organizationId).toBe('1810004421');
    }
  });
});

describe('CPTS', () => {
  it.each([
    ['slot-cpts-reference-missing', (b: Json) => delete res(b, 'Slot/ExampleSlotCPTS1').serviceType[1].extension],
    ['slot-cpts-service-unresolved', (b: Json) => removeEntry(b, 'HealthcareService/ExampleHealthcareServiceCPTS1')],
    [
      'healthcare-service-provider-missing',
      (b: Json) => delete res(b, 'HealthcareService/ExampleHealthcareServiceCPTS1').providedBy,
    ],
    ['healthcare-service-provider-unresolved', (b: Json) => removeEntry(b, 'Organization/ExampleOrgaCPTS1')],
    ['cpts-finess-missing', (b: Json) => (res(b, 'Organization/ExampleOrgaCPTS1').identifier[0].value = '3123')],
  ])('%s: the slot is kept, without CPTS', (code, mutate) => {
    const bundle = ig(CPTS);
    mutate(bundle);
    const result = mapSlotBundle(bundle, ctx);
    only(result, code);
    // The CPTS may still be known (its HealthcareService is in the bundle) but the slot does not count it.
    expect(result.cpts.flatMap((c) => c.memberIds)).toEqual([]);
    expect(result.slots).toHaveLength(1);
    expect(result.slots[0]?.cptsFiness).toBeUndefined();
    expect(result.slots[0]?.practitionerId).toBe('810002909371');
  });

  it('cpts-name-missing keeps the CPTS under a name made from its FINESS', () => {
    const bundle = ig(CPTS);
    delete res(bundle, 'Organization/ExampleOrgaCPTS1').name;
    const result = mapSlotBundle(bundle, ctx);
    expect(only(result, 'cpts-name-missing').entry).toBe(`${CPTS_BASE}Organization/ExampleOrgaCPTS1`);
    expect(result.cpts[0]?.name).toBe('CPTS 950047225');
  });

  it('a CPTS HealthcareService no slot points at still gives its CPTS, without members', () => {
    const bundle = ig(CPTS);
    delete res(bundle, 'Slot/ExampleSlotCPTS1').serviceType[1];
    const result = mapSlotBundle(bundle, ctx);
    expect(result.issues).toEqual([]);
    expect(result.cpts).toEqual([
      { finess: '950047225', name: 'CPTS AXE MAJEUR', phone: '+33102030405', memberIds: [] },
    ]);
  });

  it('two slots of two members of the same CPTS give one CPTS with both members', () => {
    const bundle = ig(CPTS);
    const second = structuredClone(bundle.entry[0]) as Json;
    second.fullUrl = `${CPTS_BASE}Slot/ExampleSlotCPTS2`;
    second.resource.id = 'ExampleSlotCPTS2';
    second.resource.schedule.reference = 'Schedule/ScheduleB';
    const schedule = {
      fullUrl: `${CPTS_BASE}Schedule/ScheduleB`,
      resource: {
        resourceType: 'Schedule',
        id: 'ScheduleB',
        actor: [{ identifier: { system: 'urn:oid:1.2.250.1.71.4.2.1', value: '810000000002' } }],
      },
    };
    (bundle.entry as Json[]).push(second, schedule);
    const result = mapSlotBundle(bundle, ctx);
    expect(result.issues).toEqual([]);
    expect(result.cpts).toHaveLength(1);
    expect(result.cpts[0]?.memberIds).toEqual(['810002909371', '810000000002']);
    expect(result.slots.map((s) => s.cptsFiness)).toEqual(['950047225', '950047225']);
  });
});

describe('SOS Médecins (synthetic bundle in the sas-sos profiles’ shape)', () => {
  it('maps sites, their association and their slots', () => {
    const result = mapSlotBundle(sos(), { sourceId: 'sos-editeur' });
    expect(result.issues).toEqual([]);
    expect(result.practitioners).toEqual([]);
    expect(result.sosSites).toEqual([
      {
        id: '1111111111',
        associationName: 'SOS Médecins Rennes',
        associationId: '1350000001',
        name: 'Centre de consultation Rennes Nord',
        phone: '+33193246789',
        place: {
          line: '320 avenue Général Georges Patton',
          postalCode: '35700',
          city: 'RENNES',
          organizationId: '1350000001',
        },
      },
      {
        id: '2222222222',
        associationName: 'SOS Médecins Rennes',
        associationId: '1350000001',
        name: 'Centre de consultation Rennes Cleunay',
        phone: '+33145249912',
        place: { line: '106 rue Eugène Pottier', postalCode: '35000', city: 'RENNES', organizationId: '1350000001' },
      },
    ]);
    expect(result.slots.map((s) => [s.sosSiteId, s.types, s.withAppointment, s.bookingUrl])).toEqual([
      ['1111111111', ['SNP'], true, 'https://sos-editeur.example/rdv/SosSlot1'],
      ['1111111111', ['PUBLIC', 'SNP'], false, undefined],
      ['2222222222', ['SNP'], true, 'https://sos-editeur.example/rdv/SosSlot3'],
    ]);
  });

  it.each([
    ['sos-organization-unresolved', (b: Json) => removeEntry(b, 'Organization/ExampleOrgaSOS1')],
    ['sos-organization-idnst-missing', (b: Json) => delete res(b, 'Organization/ExampleOrgaSOS1').identifier],
    ['sos-location-name-missing', (b: Json) => delete res(b, 'Location/1111111111').name],
    ['sos-organization-missing', (b: Json) => delete res(b, 'Location/1111111111').managingOrganization],
  ])('%s keeps the site and its slots', (code, mutate) => {
    const bundle = sos();
    mutate(bundle);
    const result = mapSlotBundle(bundle, { sourceId: 'sos-editeur' });
    expect(codes(result).filter((c) => c === code).length).toBeGreaterThanOrEqual(1);
    expect(result.sosSites).toHaveLength(2);
    expect(result.slots).toHaveLength(3);
  });
});

describe('references', () => {
  it('resolve by absolute fullUrl, urn:uuid, versioned Type/id and contained #id', () => {
    const bundle = ig(PS);
    const entries = bundle.entry as Json[];
    // Slot 1 → Schedule by absolute URL; Schedule 2 gets a urn:uuid fullUrl; slot 2 points at it.
    res(bundle, 'Slot/ExampleSlotPSIndiv1').schedule.reference = `${PS_BASE}Schedule/ExampleSchedule1`;
    const schedule2 = entries.find((e) => String(e.fullUrl).endsWith('Schedule/ExampleSchedule2'));
    if (schedule2 === undefined) throw new Error('fixture');
    schedule2.fullUrl = 'urn:uuid:6f1c1f3e-2b1f-4c55-9a0b-2f0f6a1d1e01';
    delete schedule2.resource.id;
    res(bundle, 'Slot/ExampleSlotPSIndiv2').schedule.reference = 'urn:uuid:6f1c1f3e-2b1f-4c55-9a0b-2f0f6a1d1e01';
    res(bundle, 'Slot/ExampleSlotPSIndiv3').schedule.reference = 'Schedule/ExampleSchedule3/_history/2';
    const result = mapSlotBundle(bundle, ctx);
    expect(result.issues).toEqual([]);
    expect(result.slots.map((s) => s.practitionerId)).toEqual([
      '810100050075',
      '810100050075',
      '810002673899',
      '810002673899',
    ]);
  });

  it('reference cycles and wrong targets end with issues, never a hang', () => {
    const bundle = ig(CPTS);
    // HealthcareService provided by itself; Schedule whose actor is itself; role pointing at itself.
    res(bundle, 'HealthcareService/ExampleHealthcareServiceCPTS1').providedBy.reference =
      'HealthcareService/ExampleHealthcareServiceCPTS1';
    res(bundle, 'Schedule/ExampleSchedule').actor = [
      { reference: 'Schedule/ExampleSchedule' },
      { reference: 'PractitionerRole/ExamplePractitionerRoleAgregateur' },
    ];
    res(bundle, 'PractitionerRole/ExamplePractitionerRoleAgregateur').practitioner.reference =
      'PractitionerRole/ExamplePractitionerRoleAgregateur';
    const result = mapSlotBundle(bundle, ctx);
    expect(codes(result).sort()).toEqual(
      [
        'healthcare-service-provider-unresolved',
        'practitioner-role-practitioner-unresolved',
        'schedule-actor-unresolved',
      ].sort(),
    );
    expect(result.slots).toHaveLength(1);
    expect(result.slots[0]?.place?.city).toBe('Aussonne');
  });

  it('deeply nested and oversized irrelevant content costs nothing', () => {
    const bundle = ig(PS);
    let deep: Json = { url: 'x' };
    for (let i = 0; i < 50_000; i += 1) deep = { url: 'x', extension: [deep] };
    res(bundle, 'Slot/ExampleSlotPSIndiv1').extension = [deep];
    res(bundle, 'Slot/ExampleSlotPSIndiv2').contained = Array.from({ length: 100_000 }, (_, i) => ({ id: String(i) }));
    const result = mapSlotBundle(bundle, ctx);
    expect(result.issues).toEqual([]);
    expect(result.slots).toHaveLength(4);
  });

  it('a getter that throws is contained to its resource', () => {
    const bundle = ig(PS);
    Object.defineProperty(res(bundle, 'Slot/ExampleSlotPSIndiv1'), 'start', {
      get() {
        throw new Error('boom');
      },
      enumerable: true,
    });
    const result = mapSlotBundle(bundle, ctx);
    expect(only(result, 'internal-error').entry).toBe(`${PS_BASE}Slot/ExampleSlotPSIndiv1`);
    expect(result.slots).toHaveLength(3);
  });
});
