// RDV V1 receiver decisions without HTTP: whatever arrives, it never throws, and every refusal is an
// OperationOutcome with a French text; every acceptance stores exactly what the mapper read.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createV1Receiver, readIdentifierCriterion } from '@backend/training/publishers/v1-receiver';
import { buildRegulatorPractitioner } from '@shared/fhir/build-v1-v3';
import { mapRegulatorPractitioner } from '@shared/fhir/map-regulator';

const IDNPS = 'urn:oid:1.2.250.1.71.4.2.1';
const REFUSALS = new Set([400, 405, 409, 415, 422, 507]);

const nationalId = fc.stringMatching(/^(8\d{11}|0\d{9}|3\d{9}\/[A-Z0-9]{1,8})$/u);
const name = fc.stringMatching(/^[A-Z][a-zé]{1,12}$/u);
const account = fc.record({
  nationalId,
  active: fc.boolean(),
  familyName: name,
  givenName: name,
  email: fc.option(fc.constantFrom('a@b.fr', 'regul@sas.test'), { nil: undefined }),
});

/** A valid FrPractitionerRegul with random surgery applied: fields removed, retyped or replaced. */
const mutatedPractitioner = fc
  .tuple(
    account,
    fc.array(
      fc.tuple(
        fc.constantFrom('resourceType', 'identifier', 'active', 'name', 'telecom', 'meta'),
        fc.oneof(fc.constant(undefined), fc.jsonValue(), fc.anything()),
      ),
      { maxLength: 3 },
    ),
  )
  .map(([a, edits]) => {
    const resource = JSON.parse(JSON.stringify(buildRegulatorPractitioner(a))) as Record<string, unknown>;
    for (const [key, value] of edits) {
      if (value === undefined) delete resource[key];
      else resource[key] = value;
    }
    return resource;
  });

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return '"unserialisable"';
  }
}

const bodies = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.anything().map(safeStringify),
  mutatedPractitioner.map(safeStringify),
  account.map((a) => JSON.stringify(buildRegulatorPractitioner(a))),
);

const requests = fc.record({
  method: fc.constantFrom('POST', 'PUT', 'PATCH', 'post'),
  identifier: fc.oneof(
    fc.constant(null),
    fc.string({ maxLength: 80 }),
    nationalId,
    nationalId.map((id) => `${IDNPS}|${id}`),
  ),
  contentType: fc.oneof(
    fc.constant(undefined),
    fc.constantFrom('application/fhir+json', 'application/json', 'text/html', 'application/fhir+json; charset=utf-8'),
    fc.string({ maxLength: 40 }),
  ),
  body: bodies,
});

describe('V1 receiver input (property)', () => {
  it('never throws; refusals carry an OperationOutcome with French texts; acceptances store what the mapper read', () => {
    fc.assert(
      fc.property(fc.array(requests, { minLength: 1, maxLength: 6 }), (sequence) => {
        const receiver = createV1Receiver({ publisherName: 'Éditeur P' });
        for (const request of sequence) {
          const before = receiver.accounts.list();
          const result = receiver.receive(request);
          if (REFUSALS.has(result.status)) {
            expect(result.resource.resourceType).toBe('OperationOutcome');
            if (result.resource.resourceType !== 'OperationOutcome') return;
            expect(result.resource.issue.length).toBeGreaterThan(0);
            for (const issue of result.resource.issue) {
              expect(issue.severity).toBe('error');
              expect(issue.details?.text ?? '').toMatch(/\S{3,}/u);
            }
            // A refusal changes nothing.
            expect(receiver.accounts.list()).toEqual(before);
          } else {
            expect([200, 201]).toContain(result.status);
            expect(result.resource.resourceType).toBe('Practitioner');
            const mapped = mapRegulatorPractitioner(JSON.parse(request.body));
            expect(mapped.ok).toBe(true);
            if (!mapped.ok || mapped.regulator.nationalId === undefined) return;
            expect(receiver.accounts.get(mapped.regulator.nationalId)).toMatchObject({
              nationalId: mapped.regulator.nationalId,
              active: mapped.regulator.active,
              familyName: mapped.regulator.familyName,
              givenName: mapped.regulator.givenName,
            });
            expect(result.status === 201).toBe(!before.some((a) => a.nationalId === mapped.regulator.nationalId));
          }
          expect(receiver.accounts.receipts().at(-1)?.status).toBe(result.status);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('POST then POST of any valid account: 201 then 409; PUT then PUT: 201 then 200', () => {
    fc.assert(
      fc.property(account, account, (first, second) => {
        const receiver = createV1Receiver();
        const post = (a: typeof first) =>
          receiver.receive({
            method: 'POST',
            identifier: null,
            contentType: 'application/fhir+json',
            body: JSON.stringify(buildRegulatorPractitioner(a)),
          });
        expect(post(first).status).toBe(201);
        expect(post({ ...second, nationalId: first.nationalId }).status).toBe(409);
        const put = (a: typeof first) =>
          receiver.receive({
            method: 'PUT',
            identifier: `${IDNPS}|${a.nationalId}`,
            contentType: 'application/fhir+json',
            body: JSON.stringify(buildRegulatorPractitioner(a)),
          });
        const fresh = { ...second, nationalId: `${first.nationalId}9`.slice(0, 40) };
        expect(put(fresh).status).toBe(201);
        expect(put({ ...fresh, active: !fresh.active }).status).toBe(200);
        expect(receiver.accounts.get(fresh.nationalId)?.active).toBe(!fresh.active);
        expect(receiver.accounts.get(first.nationalId)?.familyName).toBe(first.familyName);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps at most maxAccounts accounts (507 beyond), updates still accepted', () => {
    const receiver = createV1Receiver({ maxAccounts: 2 });
    const post = (id: string) =>
      receiver.receive({
        method: 'POST',
        identifier: null,
        contentType: 'application/fhir+json',
        body: JSON.stringify(
          buildRegulatorPractitioner({ nationalId: id, active: true, familyName: 'A', givenName: 'B' }),
        ),
      });
    expect(post('810000000001').status).toBe(201);
    expect(post('810000000002').status).toBe(201);
    expect(post('810000000003').status).toBe(507);
    const update = receiver.receive({
      method: 'PUT',
      identifier: `${IDNPS}|810000000001`,
      contentType: 'application/fhir+json',
      body: JSON.stringify(
        buildRegulatorPractitioner({ nationalId: '810000000001', active: false, familyName: 'A', givenName: 'B' }),
      ),
    });
    expect(update.status).toBe(200);
    expect(receiver.accounts.list()).toHaveLength(2);
  });
});

describe('readIdentifierCriterion', () => {
  it('reads `<IDNPS system>|value` and a bare value; refuses other systems, empty and oversized values', () => {
    expect(readIdentifierCriterion(`${IDNPS}|810002673899`)).toEqual({ ok: true, value: '810002673899' });
    expect(readIdentifierCriterion('3456780581/11242343')).toEqual({ ok: true, value: '3456780581/11242343' });
    expect(readIdentifierCriterion(null)).toMatchObject({ ok: false, issue: { code: 'identifier-criterion-missing' } });
    expect(readIdentifierCriterion('  ')).toMatchObject({ ok: false, issue: { code: 'identifier-criterion-missing' } });
    expect(readIdentifierCriterion('urn:oid:1.2.3|1')).toMatchObject({
      ok: false,
      issue: { code: 'identifier-criterion-invalid' },
    });
    expect(readIdentifierCriterion(`${IDNPS}|`)).toMatchObject({
      ok: false,
      issue: { code: 'identifier-criterion-invalid' },
    });
    expect(readIdentifierCriterion('x'.repeat(65))).toMatchObject({
      ok: false,
      issue: { code: 'identifier-criterion-invalid' },
    });
  });

  it('never throws, and a value it accepts is what follows the first bar', () => {
    fc.assert(
      fc.property(fc.option(fc.string({ maxLength: 120 }), { nil: null }), (input) => {
        const result = readIdentifierCriterion(input);
        if (result.ok && input !== null) expect(input.endsWith(result.value)).toBe(true);
        if (!result.ok) expect(result.issue.message.length).toBeGreaterThan(10);
      }),
      { numRuns: 500 },
    );
  });
});
