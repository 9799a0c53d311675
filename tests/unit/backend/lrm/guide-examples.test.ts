// The built INT_L02 Bundles have the shapes of the guide's examples (FSH files in tests/fixtures/fhir/ig-lrm, copied
// unchanged from the guide): entries and their order, request methods and urls, identifier systems, the
// orientation-category extension and its codes, the participant's type and status.
import { describe, expect, it } from 'vitest';
import {
  buildLrmMessage,
  CATEGORIE_ORIENTATION_EXTENSION,
  CATEGORIE_ORIENTATION_SYSTEM,
  ORIENTATION_CATEGORIES,
  IDNPS_SYSTEM,
  IDNST_SYSTEM,
  SAS_APPOINTMENT_ID_SYSTEM,
  type LrmAppointmentInput,
  type LrmBundle,
  type LrmPractitioner,
  type LrmStructure,
} from '@backend/lrm/message';
import { fshBundleEntries, fshCoding, fshConcepts, fshInstance } from '@tests/fixtures/fhir/ig-lrm/fsh';

const APPOINTMENT_ID = '0b7a6c1e-5f0e-4a59-9d43-4d1c2a9b8e11';
const SENDER = 'fr.health.ptfsas';
const NOW = Date.parse('2025-06-17T08:15:56Z');
const base: LrmAppointmentInput = {
  appointmentId: APPOINTMENT_ID,
  status: 'booked',
  start: '2025-06-17T12:00:00Z',
  end: '2025-06-17T12:20:00Z',
  created: '2025-06-17T08:15:56Z',
  category: 'ps',
};
// The guide's CPTS (ExampleSasOrganization3) with the `1` FINESS prefix the technical specification asks for.
const HAUT_BUGEY: LrmStructure = { kind: 'cpts', idnst: '1010012961', name: 'CPTS DU HAUT BUGEY' };
const DUPONT: LrmPractitioner = {
  idnps: '810002909371',
  familyName: 'Dupont',
  givenName: 'Jean',
  specialtyCode: 'SM54',
};

function build(input: LrmAppointmentInput, previous?: { resources: readonly string[] }): LrmBundle {
  const message = buildLrmMessage(input, { senderId: SENDER, recipient: 'fr.health.samu330', now: NOW, previous });
  const bundle = message.envelope.content[0]?.contentObject.JsonContent.embeddedJsonContent;
  if (!bundle) throw new Error('pas de Bundle');
  return bundle;
}

/** The built bundle's entries as the guide's are read: type, method, url with the id abstracted. */
const shapeOf = (bundle: LrmBundle) =>
  bundle.entry.map((entry) => ({
    resourceType: entry.resource.resourceType,
    method: entry.request.method,
    url: entry.request.url.replace(/\/.+$/u, '/{id}'),
  }));
const guideShape = (bundleName: string) =>
  fshBundleEntries(bundleName).map(({ resourceType, method, url }) => ({ resourceType, method, url }));

const appointmentOf = (bundle: LrmBundle) =>
  bundle.entry.find((e) => e.resource.resourceType === 'Appointment')?.resource;
const resource = (bundle: LrmBundle, type: string) =>
  bundle.entry.find((e) => e.resource.resourceType === type)?.resource;

/** The guide appointment's category coding, actor type and participant, as its FSH writes them. */
function guideAppointment(name: string) {
  const rules = fshInstance(name).rules;
  const actor = rules.get('participant.actor');
  return {
    category: fshCoding(rules.get('extension[categorieOrientation].valueCodeableConcept') ?? ''),
    status: (rules.get('status') ?? '').replace(/^#/u, ''),
    participantStatus: (rules.get('participant.status') ?? '').replace(/^#/u, ''),
    participantType: rules.has('participant.type') ? fshCoding(rules.get('participant.type') ?? '') : undefined,
    actorType: actor ? (/Reference\(Example(Practitioner|HealthcareService)/u.exec(actor)?.[1] ?? '?') : undefined,
  };
}

function expectAppointmentLike(bundle: LrmBundle, guideName: string) {
  const guide = guideAppointment(guideName);
  const appointment = appointmentOf(bundle) as unknown as Record<string, unknown> & {
    extension: { url: string; valueCodeableConcept: { coding: { system: string; code: string }[] } }[];
    participant: {
      type: { coding: { system: string; code: string }[] }[];
      actor?: { reference: string };
      status: string;
    }[];
  };
  expect(appointment.identifier).toEqual([{ system: SAS_APPOINTMENT_ID_SYSTEM, value: APPOINTMENT_ID }]);
  expect(appointment.extension[0]?.url).toBe(CATEGORIE_ORIENTATION_EXTENSION);
  expect(appointment.extension[0]?.valueCodeableConcept.coding[0]).toMatchObject(guide.category);
  expect(appointment.status).toBe(guide.status);
  expect(appointment.created).toBe('2025-06-17T10:15:56+02:00');
  expect(appointment.start).toBe('2025-06-17T14:00:00+02:00');
  const [participant] = appointment.participant;
  expect(participant?.status).toBe(guide.participantStatus);
  expect(participant?.type[0]?.coding[0]).toEqual({
    system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
    code: 'ADM',
  });
  if (guide.participantType) expect(participant?.type[0]?.coding[0]).toMatchObject(guide.participantType);
  if (guide.actorType === undefined) expect(participant?.actor).toBeUndefined();
  else expect(participant?.actor?.reference).toMatch(new RegExp(`^${guide.actorType}/`, 'u'));
}

function expectIdentifiers(bundle: LrmBundle) {
  const practitioner = resource(bundle, 'Practitioner') as { identifier: unknown[]; extension: unknown[] } | undefined;
  if (practitioner) {
    expect(practitioner.identifier).toEqual([
      {
        type: { coding: [{ system: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203', code: 'IDNPS' }] },
        system: IDNPS_SYSTEM,
        value: DUPONT.idnps,
      },
    ]);
    // The guide's practitioner: `$TRE_R38#SM54` in the fr-core specialty extension.
    expect(
      fshCoding(fshInstance('ExamplePractitionerLRM').rules.get('extension[specialty].valueCoding') ?? '').code,
    ).toBe('SM54');
    expect(practitioner.extension).toEqual([
      {
        url: 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-practitioner-specialty',
        valueCoding: {
          system: 'https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale',
          code: 'SM54',
        },
      },
    ]);
  }
  const organization = resource(bundle, 'Organization') as { identifier: { system: string }[] } | undefined;
  if (organization) {
    expect(fshInstance('ExampleSasOrganization1').rules.get('identifier[idNatSt].system')).toBe(IDNST_SYSTEM);
    expect(organization.identifier[0]?.system).toBe(IDNST_SYSTEM);
  }
  // Every reference inside the bundle names one of its entries (fullUrl ends with it).
  const targets = new Set(bundle.entry.map((e) => `${e.resource.resourceType}/${e.resource.id}`));
  const references = JSON.stringify(bundle).match(/"reference":"[^"]+"/gu) ?? [];
  for (const reference of references) expect(targets).toContain(reference.slice(13, -1));
  for (const entry of bundle.entry)
    expect(entry.fullUrl.endsWith(`/${entry.resource.resourceType}/${entry.resource.id}`)).toBe(true);
}

describe('INT_L02 bundles reproduce the guide examples', () => {
  it('PS à titre individuel: Appointment + Practitioner, category 001 (examples 6, appointment 6)', () => {
    const bundle = build({ ...base, practitioner: DUPONT });
    expect(shapeOf(bundle)).toEqual(
      guideShape('ExampleBundleAppointmentLRM6').map((e) =>
        e.resourceType === 'Appointment' ? { ...e, method: 'POST', url: 'Appointment' } : e,
      ),
    );
    expectAppointmentLike(bundle, 'ExampleAppointmentLRM6');
    expectIdentifiers(bundle);
  });

  it('CPTS: Appointment, Practitioner, Organization (1+FINESS), PractitionerRole, all POST, category 604 (example 7)', () => {
    const bundle = build({
      ...base,
      category: 'cpts',
      practitioner: DUPONT,
      structure: HAUT_BUGEY,
    });
    expect(shapeOf(bundle)).toEqual(guideShape('ExampleBundleAppointmentLRM7'));
    expectAppointmentLike(bundle, 'ExampleAppointmentLRM7');
    expectIdentifiers(bundle);
    expect(resource(bundle, 'PractitionerRole')).toMatchObject({
      practitioner: { reference: 'Practitioner/810002909371' },
      organization: { reference: 'Organization/1010012961' },
    });
    expect(resource(bundle, 'Organization')).toMatchObject({ name: 'CPTS DU HAUT BUGEY' });
  });

  it('SOS Médecins with its doctor and association (3+SIRET): example 1, category 003', () => {
    const bundle = build({
      ...base,
      category: 'sos',
      practitioner: DUPONT,
      structure: {
        kind: 'sos',
        idnst: fshInstance('ExampleSasOrganization1').rules.get('identifier[idNatSt].value') ?? '',
        name: 'SOS Médecins de Rennes',
      },
    });
    expect(shapeOf(bundle)).toEqual(guideShape('ExampleBundleAppointmentLRM1'));
    expectAppointmentLike(bundle, 'ExampleAppointmentLRM1');
    expectIdentifiers(bundle);
  });

  it('SOS Médecins waiting for a doctor: the Appointment alone, ADM needs-action, no actor (example 4)', () => {
    const bundle = build({ ...base, status: 'pending', category: 'sos' });
    expect(shapeOf(bundle)).toEqual(guideShape('ExampleBundleAppointmentLRM4'));
    expectAppointmentLike(bundle, 'ExampleAppointmentLRM4');
  });

  it('a structure without practitioner: Organization + HealthcareService as actor (example 2)', () => {
    const bundle = build({
      ...base,
      category: 'cds',
      structure: { kind: 'cds', idnst: '1050005917', name: 'CDS DENTAIRE' },
    });
    expect(shapeOf(bundle)).toEqual(guideShape('ExampleBundleAppointmentLRM2'));
    expectAppointmentLike(bundle, 'ExampleAppointmentLRM2');
    expect(resource(bundle, 'HealthcareService')).toMatchObject({
      providedBy: { reference: 'Organization/1050005917' },
    });
  });

  it('an update adding the doctor: PUT Appointment/<id> + POST Practitioner only (example 5)', () => {
    const first = buildLrmMessage(
      { ...base, status: 'pending', category: 'sos' },
      { senderId: SENDER, recipient: 'fr.health.samu330', now: NOW },
    );
    const bundle = build({ ...base, status: 'fulfilled', category: 'sos', practitioner: DUPONT }, first);
    expect(shapeOf(bundle)).toEqual(guideShape('ExampleBundleAppointmentLRM5'));
    expect(bundle.entry[0]?.request.url).toBe(`Appointment/${APPOINTMENT_ID}`);
    expectAppointmentLike(bundle, 'ExampleAppointmentLRM3');
  });

  it('a cancellation: PUT Appointment/<id> alone, status cancelled (example 9)', () => {
    const input: LrmAppointmentInput = { ...base, practitioner: DUPONT };
    const first = buildLrmMessage(input, { senderId: SENDER, recipient: 'fr.health.samu330', now: NOW });
    const bundle = build({ ...input, status: 'cancelled' }, first);
    expect(shapeOf(bundle)).toEqual(guideShape('ExampleBundleAppointmentLRM9'));
    expect(bundle.entry[0]?.request).toEqual({ method: 'PUT', url: `Appointment/${APPOINTMENT_ID}` });
    expectAppointmentLike(bundle, 'ExampleAppointmentLRM8');
  });

  it('the category codes are those of the guide terminology', () => {
    const own = fshConcepts('CategorieOrientationSASCodeSystem.fsh').map((c) => ({
      ...c,
      system: CATEGORIE_ORIENTATION_SYSTEM,
    }));
    const establishments = fshConcepts('CategorieOrientationSASValueSet.fsh');
    const guide = [...own, ...establishments];
    expect(guide.map((c) => c.display).sort()).toEqual(['CDS', 'CPTS', 'MSP', 'PDM', 'PS', 'SOS']);
    for (const category of Object.values(ORIENTATION_CATEGORIES)) expect(guide).toContainEqual(category);
    const codes = [
      'ExampleAppointmentLRM6',
      'ExampleAppointmentLRM7',
      'ExampleAppointmentLRM1',
      'ExampleAppointmentLRM2',
    ].map((name) => guideAppointment(name).category);
    expect(codes).toEqual(
      [
        ORIENTATION_CATEGORIES.ps,
        ORIENTATION_CATEGORIES.cpts,
        ORIENTATION_CATEGORIES.sos,
        ORIENTATION_CATEGORIES.cds,
      ].map(({ system, code }) => ({ system, code })),
    );
  });
});
