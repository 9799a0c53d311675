// RDV V1, receiving side, over HTTP: a simulated publisher server with the V1 receiver mounted on its route hook,
// as the platform (or a test) pushes FrPractitionerRegul accounts to it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulatedPublisher, type SimulatedPublisher } from '@backend/training/publishers/publisher-server';
import { createV1Receiver, type V1Receiver } from '@backend/training/publishers/v1-receiver';
import { buildRegulatorPractitioner } from '@shared/fhir/build-v1-v3';
import { ISSUE_CODE_SYSTEM } from '@shared/fhir/build-operation-outcome';

const IDNPS = 'urn:oid:1.2.250.1.71.4.2.1';
const ALICE = {
  nationalId: '810002673899',
  familyName: 'Martin',
  givenName: 'Alice',
  email: 'alice.martin@sas75.test',
  active: true,
};
const REG2 = { nationalId: '3456780581/11242343', familyName: 'Loridon', givenName: 'Sébastien', active: true };

let publisher: SimulatedPublisher;
let v1: V1Receiver;

beforeEach(async () => {
  v1 = createV1Receiver({ publisherName: 'Éditeur A' });
  publisher = await startSimulatedPublisher({
    id: 'editeur-a',
    name: 'Éditeur A',
    answer: () => ({ resourceType: 'Bundle', type: 'searchset', entry: [] }),
    handle: (request, response, url) => v1.handle(request, response, url),
  });
});

afterEach(async () => {
  await publisher.close();
});

function send(
  method: string,
  body: unknown,
  options: { identifier?: string; contentType?: string; raw?: string } = {},
) {
  const url = new URL(`${publisher.fhirBaseUrl}/Practitioner`);
  if (options.identifier !== undefined) url.searchParams.set('identifier', options.identifier);
  return fetch(url, {
    method,
    headers: { 'content-type': options.contentType ?? 'application/fhir+json' },
    ...(method === 'GET' ? {} : { body: options.raw ?? JSON.stringify(body) }),
  });
}

async function outcomeOf(
  response: Response,
): Promise<{ codes: string[]; texts: string[]; types: string[]; paths: string[] }> {
  expect(response.headers.get('content-type')).toMatch(/^application\/fhir\+json/u);
  const body = (await response.json()) as {
    resourceType: string;
    issue: {
      code: string;
      details?: { coding?: { system: string; code: string }[]; text?: string };
      expression?: string[];
    }[];
  };
  expect(body.resourceType).toBe('OperationOutcome');
  expect(body.issue.length).toBeGreaterThan(0);
  return {
    codes: body.issue.flatMap(
      (i) => i.details?.coding?.filter((c) => c.system === ISSUE_CODE_SYSTEM).map((c) => c.code) ?? [],
    ),
    texts: body.issue.map((i) => i.details?.text ?? ''),
    types: body.issue.map((i) => i.code),
    paths: body.issue.flatMap((i) => i.expression ?? []),
  };
}

describe('V1 receiver of a simulated publisher', () => {
  it('creates an account on POST: 201, Location, the resource with its id; the account is kept', async () => {
    const response = await send('POST', buildRegulatorPractitioner(ALICE));
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toMatch(/^\/fhir\/Practitioner\/regul-\d+$/u);
    const body = (await response.json()) as { resourceType: string; id: string; active: boolean };
    expect(body).toMatchObject({ resourceType: 'Practitioner', active: true });
    expect(response.headers.get('location')).toBe(`/fhir/Practitioner/${body.id}`);
    expect(v1.accounts.get(ALICE.nationalId)).toMatchObject({
      nationalId: ALICE.nationalId,
      active: true,
      familyName: 'Martin',
      givenName: 'Alice',
      email: 'alice.martin@sas75.test',
      source: 'urn:oid:1.2.250.1.213.3.6',
      resourceId: body.id,
    });
    expect(v1.accounts.list().map((a) => a.nationalId)).toEqual([ALICE.nationalId]);
    expect(v1.accounts.receipts()).toMatchObject([
      { method: 'POST', status: 201, nationalId: ALICE.nationalId, issues: [] },
    ]);
  });

  it('refuses a second POST for the same IDNPS with 409 and a "duplicate" OperationOutcome; the account is unchanged', async () => {
    await send('POST', buildRegulatorPractitioner(ALICE));
    const response = await send('POST', buildRegulatorPractitioner({ ...ALICE, familyName: 'Autre', active: false }));
    expect(response.status).toBe(409);
    const outcome = await outcomeOf(response);
    expect(outcome.types).toEqual(['duplicate']);
    expect(outcome.codes).toEqual(['regulator-duplicate']);
    expect(outcome.texts[0]).toContain('existe déjà chez Éditeur A');
    expect(v1.accounts.get(ALICE.nationalId)).toMatchObject({ familyName: 'Martin', active: true });
    expect(v1.accounts.list()).toHaveLength(1);
  });

  it('conditional PUT on the IDNPS: 201 when absent, 200 when present (the whole account replaced)', async () => {
    const identifier = `${IDNPS}|${REG2.nationalId}`;
    const created = await send('PUT', buildRegulatorPractitioner({ ...REG2, email: 'seb@test.fr' }), { identifier });
    expect(created.status).toBe(201);
    const firstId = v1.accounts.get(REG2.nationalId)?.resourceId;

    const updated = await send('PUT', buildRegulatorPractitioner({ ...REG2, active: false }), { identifier });
    expect(updated.status).toBe(200);
    expect(updated.headers.get('location')).toBe(`/fhir/Practitioner/${firstId}`);
    const account = v1.accounts.get(REG2.nationalId);
    expect(account).toMatchObject({ active: false, resourceId: firstId });
    expect(account?.email).toBeUndefined();
    // The bare value is accepted as the criterion too.
    expect((await send('PUT', buildRegulatorPractitioner(REG2), { identifier: REG2.nationalId })).status).toBe(200);
    expect(v1.accounts.get(REG2.nationalId)?.active).toBe(true);
  });

  it('refuses a PUT without criterion (400), with another system (400), or naming another IDNPS (422)', async () => {
    const missing = await send('PUT', buildRegulatorPractitioner(ALICE));
    expect(missing.status).toBe(400);
    expect((await outcomeOf(missing)).codes).toEqual(['identifier-criterion-missing']);

    const otherSystem = await send('PUT', buildRegulatorPractitioner(ALICE), {
      identifier: `urn:oid:1.2.3|${ALICE.nationalId}`,
    });
    expect(otherSystem.status).toBe(400);
    expect((await outcomeOf(otherSystem)).codes).toEqual(['identifier-criterion-invalid']);

    const mismatch = await send('PUT', buildRegulatorPractitioner(ALICE), { identifier: `${IDNPS}|810000000000` });
    expect(mismatch.status).toBe(422);
    const outcome = await outcomeOf(mismatch);
    expect(outcome.codes).toEqual(['identifier-mismatch']);
    expect(outcome.texts[0]).toContain('810000000000');
    expect(v1.accounts.list()).toEqual([]);
  });

  it.each([
    ['not JSON', 400, 'not-json', { raw: '{"resourceType":' }],
    ['a JSON array', 400, 'regulator-not-an-object', { raw: '[1,2]' }],
    ['another resource', 400, 'regulator-wrong-resource-type', { raw: '{"resourceType":"Patient"}' }],
  ] as const)('refuses %s with %i and an OperationOutcome (%s)', async (_label, status, code, options) => {
    const response = await send('POST', undefined, options);
    expect(response.status).toBe(status);
    const outcome = await outcomeOf(response);
    expect(outcome.codes).toContain(code);
    expect(outcome.texts.every((t) => t.length > 10)).toBe(true);
  });

  it('refuses a readable but invalid Practitioner with 422, naming each problem and where', async () => {
    const practitioner = buildRegulatorPractitioner(ALICE) as unknown as Record<string, unknown>;
    delete practitioner['active'];
    practitioner['name'] = [{ family: 'Martin' }];
    const response = await send('POST', practitioner);
    expect(response.status).toBe(422);
    const outcome = await outcomeOf(response);
    expect(outcome.codes.sort()).toEqual(['regulator-active-missing', 'regulator-name-missing']);
    expect(outcome.paths.sort()).toEqual(['Practitioner.active', 'Practitioner.name']);
    expect(outcome.types).toEqual(['required', 'required']);
    expect(v1.accounts.list()).toEqual([]);
  });

  it('refuses an account known only by the SAS internal id (no IDNPS to match the SSO subject)', async () => {
    const response = await send(
      'POST',
      buildRegulatorPractitioner({ internalId: 'REG-42', active: true, familyName: 'Sans', givenName: 'Rpps' }),
    );
    expect(response.status).toBe(422);
    expect((await outcomeOf(response)).codes).toEqual(['regulator-national-id-missing']);
  });

  it('accepts FHIR JSON content types only (415 otherwise), and POST / PUT only (405 otherwise)', async () => {
    const text = await send('POST', buildRegulatorPractitioner(ALICE), { contentType: 'text/plain' });
    expect(text.status).toBe(415);
    expect((await outcomeOf(text)).codes).toEqual(['content-type-not-supported']);
    expect(
      (await send('POST', buildRegulatorPractitioner(ALICE), { contentType: 'application/json+fhir; charset=utf-8' }))
        .status,
    ).toBe(201);
    const get = await send('GET', undefined);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST, PUT');
    await outcomeOf(get);
  });

  it('refuses an oversized body with 413, and leaves the publisher’s other routes alone', async () => {
    const response = await send('POST', undefined, {
      raw: JSON.stringify({ resourceType: 'Practitioner', padding: 'x'.repeat(70 * 1024) }),
    });
    expect(response.status).toBe(413);
    await outcomeOf(response);
    const slots = await fetch(`${publisher.fhirBaseUrl}/Slot?status=free`, {
      headers: { accept: 'application/fhir+json' },
    });
    expect(slots.status).toBe(200);
    expect(((await slots.json()) as { resourceType: string }).resourceType).toBe('Bundle');
    expect(v1.accounts.receipts().map((r) => r.status)).toEqual([413]);
  });

  it('asks the platform to authenticate when configured (401 otherwise)', async () => {
    const guarded = createV1Receiver({ authorize: (request) => request.headers.authorization === 'Bearer platform' });
    const server = await startSimulatedPublisher({
      id: 'editeur-b',
      name: 'Éditeur B',
      answer: () => ({}),
      handle: (request, response, url) => guarded.handle(request, response, url),
    });
    try {
      const body = JSON.stringify(buildRegulatorPractitioner(ALICE));
      const refused = await fetch(`${server.fhirBaseUrl}/Practitioner`, {
        method: 'POST',
        headers: { 'content-type': 'application/fhir+json' },
        body,
      });
      expect(refused.status).toBe(401);
      await outcomeOf(refused);
      const accepted = await fetch(`${server.fhirBaseUrl}/Practitioner`, {
        method: 'POST',
        headers: { 'content-type': 'application/fhir+json', authorization: 'Bearer platform' },
        body,
      });
      expect(accepted.status).toBe(201);
      expect(guarded.accounts.get(ALICE.nationalId)?.active).toBe(true);
    } finally {
      await server.close();
    }
  });
});
