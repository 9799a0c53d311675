// RDV V3 appointment validation (the backend answers 400/422 with these issues) and V1 regulator accounts.
import { describe, expect, it } from 'vitest';
import { buildOperationOutcome, fhirIssueType } from '@shared/fhir/build-operation-outcome';
import { appointmentIssueStatus, mapAppointment } from '@shared/fhir/map-appointment';
import { mapRegulatorPractitioner } from '@shared/fhir/map-regulator';
import { loadIg } from '@tests/fixtures/fhir/load';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test data surgery

const appointment = (): Json => structuredClone(loadIg('Appointment-1.json')) as Json;
const regulator = (): Json => structuredClone(loadIg('Practitioner-ExamplePractitionerRegul1.json')) as Json;

function issueCodes(result: ReturnType<typeof mapAppointment> | ReturnType<typeof mapRegulatorPractitioner>): string[] {
  return result.ok ? [] : result.issues.map((i) => i.code);
}

describe('mapAppointment', () => {
  it.each([
    ['appointment-operator-missing', (a: Json) => delete a.extension],
    ['appointment-operator-missing', (a: Json) => (a.extension[0].url = 'http://example.org/other')],
    ['appointment-operator-invalid', (a: Json) => (a.extension[0].valueReference.identifier.system = 'urn:oid:9.9.9')],
    ['appointment-operator-invalid', (a: Json) => (a.extension[0].valueReference.identifier.value = 'a b')],
    ['appointment-operator-invalid', (a: Json) => delete a.extension[0].valueReference],
    ['appointment-identifier-missing', (a: Json) => delete a.identifier],
    ['appointment-identifier-missing', (a: Json) => (a.identifier = [])],
    ['appointment-identifier-invalid', (a: Json) => delete a.identifier[0].system],
    ['appointment-identifier-invalid', (a: Json) => (a.identifier[0].value = 'x'.repeat(201))],
    ['appointment-identifier-invalid', (a: Json) => a.identifier.push({ system: 'urn:x', value: '2' })],
    ['appointment-status-unknown', (a: Json) => (a.status = 'honoré')],
    ['appointment-status-unknown', (a: Json) => (a.status = 3)],
    ['appointment-status-missing', (a: Json) => delete a.status],
    ['appointment-start-invalid', (a: Json) => (a.start = '2022-09-04 14:00')],
    ['appointment-start-invalid', (a: Json) => delete a.start],
    ['appointment-end-invalid', (a: Json) => (a.end = '2022-02-30T14:15:00+01:00')],
    ['appointment-end-before-start', (a: Json) => (a.end = '2022-09-04T13:45:00+01:00')],
    ['appointment-end-before-start', (a: Json) => (a.end = a.start)],
    ['appointment-created-invalid', (a: Json) => (a.created = 'hier')],
    ['appointment-participant-missing', (a: Json) => delete a.participant],
    ['appointment-participant-invalid', (a: Json) => (a.participant[0].actor.identifier.value = '')],
    [
      'appointment-participant-invalid',
      (a: Json) => (a.participant[0].actor.identifier = { system: 'urn:oid:1.2.3', value: '1' }),
    ],
    ['appointment-participant-status-unknown', (a: Json) => (a.participant[0].status = 'maybe')],
  ])('%s → 422', (code, mutate) => {
    const input = appointment();
    mutate(input);
    const result = mapAppointment(input);
    expect(result.ok).toBe(false);
    expect(issueCodes(result)).toEqual([code]);
    if (!result.ok) {
      expect(result.issues[0]?.message).toMatch(/\S{3,}/u);
      expect(result.issues[0]?.path).toMatch(/^Appointment\./u);
      expect(appointmentIssueStatus(result.issues)).toBe(422);
    }
  });

  it.each([
    ['appointment-not-an-object', 'Appointment'],
    ['appointment-not-an-object', [1, 2]],
    ['appointment-wrong-resource-type', { resourceType: 'Slot' }],
    ['appointment-wrong-resource-type', {}],
  ])('%s → 400', (code, input) => {
    const result = mapAppointment(input);
    expect(issueCodes(result)).toEqual([code]);
    expect(!result.ok && appointmentIssueStatus(result.issues)).toBe(400);
  });

  it('reports every problem at once, not just the first', () => {
    const input = appointment();
    delete input.extension;
    input.status = 'x';
    input.end = '2000-01-01T00:00:00Z';
    expect(issueCodes(mapAppointment(input))).toEqual([
      'appointment-operator-missing',
      'appointment-status-unknown',
      'appointment-end-before-start',
    ]);
  });

  it('accepts every V3 status (needs-action tolerated although not an R4 Appointment.status)', () => {
    for (const status of ['booked', 'fulfilled', 'noshow', 'cancelled', 'pending', 'needs-action']) {
      const input = appointment();
      input.status = status;
      expect(mapAppointment(input)).toMatchObject({ ok: true, appointment: { status } });
    }
  });

  it('accepts an operator with the SAS technical identifier and keeps the effector display name', () => {
    const input = appointment();
    // The guide's technical id: a UUID under the platform's OID, identifier type INTRN.
    input.extension[0].valueReference.identifier = {
      type: { coding: [{ system: 'http://interopsante.org/fhir/CodeSystem/fr-v2-0203', code: 'INTRN' }] },
      system: 'urn:oid:1.2.250.1.213.3.6',
      value: '4f6c2a9e-0d3b-4c1e-9a7f-2b8d5e6f7a10',
    };
    input.participant[0].actor.display = 'Dr Sébastien THOMAS';
    expect(mapAppointment(input)).toMatchObject({ ok: true, appointment: { practitionerName: 'Dr Sébastien THOMAS' } });
  });
});

describe('mapRegulatorPractitioner', () => {
  it.each([
    ['regulator-identifier-missing', (p: Json) => delete p.identifier],
    ['regulator-identifier-missing', (p: Json) => (p.identifier = [{ system: 'urn:oid:9.9', value: 'x' }])],
    ['regulator-identifier-invalid', (p: Json) => (p.identifier[0].value = 'a b c')],
    ['regulator-active-missing', (p: Json) => delete p.active],
    ['regulator-active-invalid', (p: Json) => (p.active = 'true')],
    ['regulator-name-missing', (p: Json) => delete p.name[0].given],
    ['regulator-name-missing', (p: Json) => delete p.name],
    ['email-invalid', (p: Json) => (p.telecom[0].value = 'pas-une-adresse')],
    ['regulator-source-invalid', (p: Json) => (p.meta.source = 'urn:oid:1.2.3')],
  ])('%s', (code, mutate) => {
    const input = regulator();
    mutate(input);
    expect(issueCodes(mapRegulatorPractitioner(input))).toEqual([code]);
  });

  it.each([
    ['regulator-not-an-object', null],
    ['regulator-wrong-resource-type', { resourceType: 'Patient' }],
  ])('%s', (code, input) => {
    expect(issueCodes(mapRegulatorPractitioner(input))).toEqual([code]);
  });

  it('accepts a regulator known only by the SAS internal id, and active = false (access withdrawn)', () => {
    const input = regulator();
    input.identifier = [
      {
        type: { coding: [{ system: 'http://interopsante.org/fhir/CodeSystem/fr-v2-0203', code: 'INTRN' }] },
        system: 'urn:oid:1.2.250.1.213.3.6',
        value: 'REG-000042',
      },
    ];
    input.active = false;
    delete input.telecom;
    expect(mapRegulatorPractitioner(input)).toEqual({
      ok: true,
      regulator: {
        internalId: 'REG-000042',
        active: false,
        familyName: 'Loridon',
        givenName: 'Sébastien',
        source: 'urn:oid:1.2.250.1.213.3.6',
      },
    });
  });
});

describe('buildOperationOutcome', () => {
  it('carries code, French message, entry and path of each issue', () => {
    const input = appointment();
    delete input.extension;
    input.end = input.start;
    const result = mapAppointment(input);
    if (result.ok) throw new Error('expected issues');
    const outcome = buildOperationOutcome(result.issues);
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(outcome.issue.map((i) => [i.severity, i.code, i.details?.coding?.[0]?.code, i.expression])).toEqual([
      ['error', 'required', 'appointment-operator-missing', ['Appointment.extension']],
      ['error', 'value', 'appointment-end-before-start', ['Appointment.end']],
    ]);
    expect(outcome.issue[0]?.details?.text).toContain('régulateur');
    expect(outcome.issue[0]?.details?.coding?.[0]?.system).toBe('urn:sas-console:mapping-issue');
  });

  it('says so when there is nothing wrong (an OperationOutcome needs one issue)', () => {
    expect(buildOperationOutcome([]).issue).toEqual([
      { severity: 'information', code: 'informational', details: { text: 'Aucune anomalie.' } },
    ]);
  });

  it('puts the entry in diagnostics and can emit warnings', () => {
    const outcome = buildOperationOutcome([{ code: 'slot-type-missing', message: 'm', entry: 3 }], {
      severity: 'warning',
    });
    expect(outcome.issue[0]).toMatchObject({ severity: 'warning', code: 'required', diagnostics: 'entrée : 3' });
  });

  it.each([
    ['internal-error', 'exception'],
    ['value-too-long', 'too-long'],
    ['not-a-bundle', 'structure'],
    ['appointment-wrong-resource-type', 'structure'],
    ['slot-schedule-unresolved', 'not-found'],
    ['slot-type-unknown', 'value'],
    ['slot-duplicate', 'duplicate'],
    ['bundle-not-searchset', 'invalid'],
  ])('%s → %s', (code, type) => {
    expect(fhirIssueType(code)).toBe(type);
  });
});
