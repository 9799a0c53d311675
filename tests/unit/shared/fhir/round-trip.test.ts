// Domain → FHIR (builders) → JSON on the wire → domain (mappers) gives back what was built, with no issue.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPOINTMENT_STATUSES } from '@shared/domain/appointment';
import { buildSearchsetBundle } from '@shared/fhir/build-bundle';
import { buildAppointment, buildRegulatorPractitioner } from '@shared/fhir/build-v1-v3';
import { mapAppointment, type AppointmentReport } from '@shared/fhir/map-appointment';
import { mapRegulatorPractitioner, type RegulatorPractitioner } from '@shared/fhir/map-regulator';
import { mapSlotBundle } from '@shared/fhir/map-slot-bundle';
import { careOfferSample, nationalId, slotTimes, word } from '@tests/fixtures/fhir/arbitraries';
import { loadIg } from '@tests/fixtures/fhir/load';

const wire = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));
const byKey =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

describe('searchset bundles', () => {
  it('slots, practitioners, CPTS and SOS sites round-trip (property)', () => {
    fc.assert(
      fc.property(careOfferSample, (sample) => {
        const bundle = buildSearchsetBundle({
          baseUrl: 'https://editeur.example/fhir/',
          selfUrl: 'https://editeur.example/fhir/Slot?status=free',
          slots: sample.slots,
          practitioners: sample.practitioners,
          cpts: sample.cpts,
          sosSites: sample.sosSites,
        });
        const mapped = mapSlotBundle(wire(bundle), { sourceId: sample.sourceId });
        expect(mapped.issues).toEqual([]);
        expect(mapped.slots).toEqual(sample.slots);
        // Entities come back in bundle order (slot by slot), which need not be the input order.
        const byId = byKey((p: { nationalId: string }) => p.nationalId);
        expect([...mapped.practitioners].sort(byId)).toEqual([...sample.practitioners].sort(byId));
        expect([...mapped.cpts].sort(byKey((c) => c.finess))).toEqual([...sample.cpts].sort(byKey((c) => c.finess)));
        expect([...mapped.sosSites].sort(byKey((s) => s.id))).toEqual([...sample.sosSites].sort(byKey((s) => s.id)));
        expect(bundle.total).toBe(bundle.entry?.filter((e) => e.search?.mode === 'match').length);
      }),
      { numRuns: 500 },
    );
  });

  it('the IG examples are a fixed point: FHIR → domain → FHIR → domain', () => {
    for (const name of ['Bundle-ExampleBundlePSIndiv.json', 'Bundle-ExampleBundleCPTS1.json']) {
      const first = mapSlotBundle(loadIg(name), { sourceId: 'editeur-a' });
      const rebuilt = buildSearchsetBundle({ baseUrl: 'https://editeur.example/fhir', ...first });
      const second = mapSlotBundle(wire(rebuilt), { sourceId: 'editeur-a' });
      expect(second).toEqual(first);
    }
  });

  it('is in the guide’s shape: profiles, match then includes, contained Location, CPTS includes', () => {
    const mapped = mapSlotBundle(loadIg('Bundle-ExampleBundleCPTS1.json'), { sourceId: 'editeur-a' });
    const bundle = buildSearchsetBundle({
      baseUrl: 'https://editeur.example/fhir',
      id: 'b1',
      selfUrl: 'https://self',
      ...mapped,
    });
    expect(bundle).toMatchObject({
      resourceType: 'Bundle',
      id: 'b1',
      type: 'searchset',
      total: 1,
      link: [{ relation: 'self', url: 'https://self' }],
      meta: { profile: ['https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-bundle-aggregator'] },
    });
    expect(bundle.entry?.map((e) => [e.resource?.resourceType, e.search?.mode])).toEqual([
      ['Slot', 'match'],
      ['Schedule', 'include'],
      ['Practitioner', 'include'],
      ['PractitionerRole', 'include'],
      ['HealthcareService', 'include'],
      ['Organization', 'include'],
    ]);
    expect(bundle.entry?.[0]?.fullUrl).toBe('https://editeur.example/fhir/Slot/ExampleSlotCPTS1');
    const role = bundle.entry?.[3]?.resource;
    expect(role?.resourceType === 'PractitionerRole' && role.location).toEqual([{ reference: '#loc' }]);
    expect(role?.resourceType === 'PractitionerRole' && role.contained?.[0]?.resourceType).toBe('Location');
  });

  it('a slot whose practitioner is not described still names them (logical reference)', () => {
    const bundle = buildSearchsetBundle({
      baseUrl: 'https://e.example',
      practitioners: [],
      slots: [
        {
          id: 'e/1',
          sourceId: 'e',
          start: '2024-06-12T16:40:00+02:00',
          end: '2024-06-12T17:00:00+02:00',
          types: ['SNP'],
          modes: ['cabinet'],
          withAppointment: true,
          specialties: [],
          practitionerId: '810002909371',
        },
      ],
    });
    const mapped = mapSlotBundle(wire(bundle), { sourceId: 'e' });
    expect(mapped.issues).toEqual([]);
    expect(mapped.slots[0]?.practitionerId).toBe('810002909371');
  });
});

const report: fc.Arbitrary<AppointmentReport> = fc
  .record(
    {
      profile: fc.constantFrom('ps', 'sos'),
      publisherAppointmentId: fc.uuid(),
      identifierSystem: fc.constantFrom('urn:oid:1.1.111.1.11.1.1.1', 'https://editeur.example/rdv'),
      // needs-action is not an R4 Appointment.status: the builder writes it the guide's way (pending + participant).
      status: fc.constantFrom(...APPOINTMENT_STATUSES.filter((s) => s !== 'needs-action')),
      times: slotTimes,
      created: fc.constantFrom('2022-09-04T10:00:00+01:00', '2022-09-04'),
      operatorId: nationalId,
      practitionerId: nationalId,
      practitionerName: word,
      // The IG's participant-status value set (the receiver refuses declined and tentative).
      practitionerStatus: fc.constantFrom('accepted' as const, 'needs-action' as const),
    },
    {
      requiredKeys: [
        'profile',
        'publisherAppointmentId',
        'identifierSystem',
        'status',
        'times',
        'operatorId',
        'practitionerStatus',
      ],
    },
  )
  .map(({ times, practitionerName, ...rest }) => {
    const out: AppointmentReport = { ...rest, start: times.start, end: times.end };
    if (rest.practitionerId !== undefined && practitionerName !== undefined) out.practitionerName = practitionerName;
    return out;
  });

describe('V3 appointments and V1 regulators', () => {
  it('appointment reports round-trip (property)', () => {
    fc.assert(
      fc.property(report, (r) => {
        expect(mapAppointment(wire(buildAppointment(r, { id: 'x' })))).toEqual({ ok: true, appointment: r });
      }),
      { numRuns: 1000 },
    );
  });

  it('needs-action is written as the guide’s SOS example: pending appointment, needs-action participant', () => {
    const built = buildAppointment({
      profile: 'sos',
      publisherAppointmentId: 'a',
      identifierSystem: 'urn:x',
      status: 'needs-action',
      start: '2022-09-04T14:00:00+01:00',
      end: '2022-09-04T14:15:00+01:00',
      operatorId: '810002673899',
    });
    expect(built.status).toBe('pending');
    expect(built.participant[0]?.status).toBe('needs-action');
    expect(mapAppointment(wire(built))).toMatchObject({
      ok: true,
      appointment: { status: 'pending', practitionerStatus: 'needs-action' },
    });
  });

  it('the guide’s appointments round-trip through the builder', () => {
    for (const name of ['Appointment-1.json', 'Appointment-12345678.json']) {
      const first = mapAppointment(loadIg(name));
      if (!first.ok) throw new Error(name);
      expect(mapAppointment(wire(buildAppointment(first.appointment)))).toEqual(first);
    }
  });

  const account: fc.Arbitrary<RegulatorPractitioner> = fc
    .record(
      {
        nationalId,
        internalId: fc.stringMatching(/^[A-Za-z0-9_.:-]{1,40}$/u),
        active: fc.boolean(),
        familyName: word,
        givenName: word,
        email: fc.emailAddress().filter((e) => /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{1,63}$/u.test(e)),
      },
      { requiredKeys: ['active', 'familyName', 'givenName'] },
    )
    .filter((a) => a.nationalId !== undefined || a.internalId !== undefined)
    .map((a) => ({ ...a, source: 'urn:oid:1.2.250.1.213.3.6' }));

  it('regulator accounts round-trip (property)', () => {
    fc.assert(
      fc.property(account, (a) => {
        expect(mapRegulatorPractitioner(wire(buildRegulatorPractitioner(a)))).toEqual({ ok: true, regulator: a });
      }),
      { numRuns: 1000 },
    );
  });

  it('the built regulator has the guide example’s shape', () => {
    const mapped = mapRegulatorPractitioner(loadIg('Practitioner-ExamplePractitionerRegul1.json'));
    if (!mapped.ok) throw new Error('fixture');
    const { text: _text, id: _id, ...example } = loadIg('Practitioner-ExamplePractitionerRegul1.json');
    expect(wire(buildRegulatorPractitioner(mapped.regulator))).toEqual(example);
  });
});
