// RDV V1, receiving side: a simulated publisher keeps the regulator accounts the SAS platform
// pushes to it (FrPractitionerRegul). Create = POST; update = conditional PUT on the IDNPS. The booking pages read
// these accounts to let a regulator in (RDV V2): no active account here, no booking.
// The decision is a pure function over the request's parts (`receivePractitioner`), so it can be property-tested
// without a server; `createV1Receiver` is the thin HTTP adapter the publisher server mounts.
import { readIdentifierCriterion } from './v1-identifier';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type * as fhir from 'fhir/r4';
import { IDNPS_SYSTEM } from '@shared/domain/identifiers';
import type { RegulatorAccount } from '@shared/domain/regulator';
import { buildOperationOutcome } from '@shared/fhir/build-operation-outcome';
import type { MappingIssue } from '@shared/fhir/issues';
import { mapRegulatorPractitioner } from '@shared/fhir/map-regulator';
import { sendJson } from '../../http/json';
import { BodyTooLargeError, readBody } from '../../http/read-body';

/**
 * A regulator account as this publisher keeps it: the platform's account (its `nationalId` is the `sub` of the SAS
 * identity provider's ID tokens; `active` false means the regulator may not book here), and this copy's own facts.
 */
export interface V1Account extends RegulatorAccount {
  /** meta.source (the SAS platform OID). */
  source?: string;
  /** This publisher's own id of the Practitioner resource. */
  resourceId: string;
  createdAt: string;
  updatedAt: string;
}

/** One V1 write as received, accepted or not (for tests and for the trainer's view). */
interface V1Receipt {
  at: string;
  method: string;
  status: number;
  nationalId?: string;
  /** Issue codes when refused. */
  issues: string[];
}

interface V1Accounts {
  get(nationalId: string): V1Account | undefined;
  /** Every account, in order of creation. */
  list(): V1Account[];
  /** Every write received (latest 500), in order of arrival. */
  receipts(): V1Receipt[];
}

interface V1WriteRequest {
  method: string;
  /** The `identifier` query parameter of a conditional PUT (null when absent). */
  identifier: string | null;
  contentType: string | undefined;
  /** The raw body text. */
  body: string;
}

interface V1WriteResult {
  status: number;
  resource: fhir.Practitioner | fhir.OperationOutcome;
  /** Location of the stored resource (201 / 200). */
  location?: string;
}

export interface V1ReceiverOptions {
  /** Shown in messages (« ... chez <name> »). */
  publisherName?: string;
  /** Bound on the number of accounts kept (a training server must not grow without limit). Default 10 000. */
  maxAccounts?: number;
  /** Authenticates the platform (mutual TLS in production); default: every caller is accepted. */
  authorize?: (request: IncomingMessage) => boolean;
  now?: () => number;
}

export interface V1Receiver {
  /** Route hook for `startSimulatedPublisher({ handle })`: answers `/fhir/Practitioner`, returns false otherwise. */
  handle: (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<boolean>;
  accounts: V1Accounts;
  /** The decision without HTTP (same rules as `handle`). */
  receive: (request: V1WriteRequest) => V1WriteResult;
}

export { readIdentifierCriterion } from './v1-identifier';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const MAX_BODY = 64 * 1024;
const MAX_RECEIPTS = 500;
const ACCEPTED_TYPES = /^application\/(fhir\+json|json\+fhir|json)\s*(;|$)/iu;
/** Codes that mean "this is not a Practitioner at all": 400. Anything else readable but invalid: 422. */
const MALFORMED = new Set(['not-json', 'regulator-not-an-object', 'regulator-wrong-resource-type', 'internal-error']);

function refusal(status: number, issues: MappingIssue[]): V1WriteResult {
  return { status, resource: buildOperationOutcome(issues) };
}

export function createV1Receiver(options: V1ReceiverOptions = {}): V1Receiver {
  const publisherName = options.publisherName ?? 'cet éditeur';
  const maxAccounts = options.maxAccounts ?? 10_000;
  const now = options.now ?? Date.now;
  const byNationalId = new Map<string, V1Account>();
  const receipts: V1Receipt[] = [];
  let sequence = 0;

  function record(method: string, result: V1WriteResult, nationalId?: string): V1WriteResult {
    const receipt: V1Receipt = {
      at: new Date(now()).toISOString(),
      method,
      status: result.status,
      issues:
        result.resource.resourceType === 'OperationOutcome'
          ? result.resource.issue.flatMap((i) => i.details?.coding?.map((c) => c.code ?? '') ?? [])
          : [],
    };
    if (nationalId !== undefined) receipt.nationalId = nationalId;
    receipts.push(receipt);
    if (receipts.length > MAX_RECEIPTS) receipts.shift();
    return result;
  }

  function receive(request: V1WriteRequest): V1WriteResult {
    const method = request.method.toUpperCase();
    if (method !== 'POST' && method !== 'PUT')
      return record(
        method,
        refusal(405, [
          {
            code: 'method-not-supported',
            message: 'Méthodes acceptées : POST (création) et PUT conditionnel (mise à jour).',
          },
        ]),
      );
    if (!ACCEPTED_TYPES.test(request.contentType ?? ''))
      return record(
        method,
        refusal(415, [
          { code: 'content-type-not-supported', message: 'Type de contenu attendu : application/fhir+json.' },
        ]),
      );
    let body: unknown;
    try {
      body = JSON.parse(request.body);
    } catch {
      return record(
        method,
        refusal(400, [{ code: 'not-json', message: 'Corps illisible : un Practitioner en JSON est attendu.' }]),
      );
    }
    const mapped = mapRegulatorPractitioner(body);
    if (!mapped.ok)
      return record(method, refusal(mapped.issues.some((i) => MALFORMED.has(i.code)) ? 400 : 422, mapped.issues));
    const regulator = mapped.regulator;
    const nationalId = regulator.nationalId;
    // Regulators reach the booking pages through the SAS identity provider, whose `sub` is always the IDNPS: an
    // account known only by the platform's internal id could never be matched, so it is refused plainly.
    if (nationalId === undefined)
      return record(
        method,
        refusal(422, [
          {
            code: 'regulator-national-id-missing',
            message: `${publisherName} identifie les régulateurs par leur IDNPS (système ${IDNPS_SYSTEM}) : identifiant absent.`,
            path: 'Practitioner.identifier',
          },
        ]),
      );
    const existing = byNationalId.get(nationalId);
    if (method === 'POST' && existing)
      return record(
        method,
        refusal(409, [
          {
            code: 'regulator-duplicate',
            message: `Le compte régulateur ${nationalId} existe déjà chez ${publisherName} : mettez-le à jour par PUT conditionnel sur son identifiant.`,
            path: 'Practitioner.identifier',
          },
        ]),
        nationalId,
      );
    if (method === 'PUT') {
      const criterion = readIdentifierCriterion(request.identifier);
      if (!criterion.ok) return record(method, refusal(400, [criterion.issue]), nationalId);
      if (criterion.value !== nationalId)
        return record(
          method,
          refusal(422, [
            {
              code: 'identifier-mismatch',
              message: `L’identifiant de l’URL (${criterion.value}) diffère de l’IDNPS du Practitioner (${nationalId}).`,
              path: 'Practitioner.identifier',
            },
          ]),
          nationalId,
        );
    }
    if (!existing && byNationalId.size >= maxAccounts)
      return record(
        method,
        refusal(507, [
          { code: 'too-many-accounts', message: `Capacité de ${publisherName} atteinte (${maxAccounts} comptes).` },
        ]),
        nationalId,
      );

    const at = new Date(now()).toISOString();
    sequence += 1;
    const account: V1Account = {
      nationalId,
      active: regulator.active,
      familyName: regulator.familyName,
      givenName: regulator.givenName,
      resourceId: existing?.resourceId ?? `regul-${sequence}`,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
    };
    if (regulator.email !== undefined) account.email = regulator.email;
    if (regulator.source !== undefined) account.source = regulator.source;
    // Replace, not merge: a PUT carries the whole account (an email removed at the platform is removed here).
    byNationalId.set(nationalId, account);
    const resource = {
      ...(body as fhir.Practitioner),
      id: account.resourceId,
      meta: { ...(body as fhir.Practitioner).meta, lastUpdated: at },
    };
    return record(
      method,
      { status: existing ? 200 : 201, resource, location: `/fhir/Practitioner/${account.resourceId}` },
      nationalId,
    );
  }

  async function handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> {
    if (!/^\/fhir\/Practitioner\/?$/u.test(url.pathname)) return false;
    let result: V1WriteResult;
    if (options.authorize && !options.authorize(request)) {
      result = record(
        request.method ?? '',
        refusal(401, [{ code: 'not-authenticated', message: 'Plateforme SAS non authentifiée.' }]),
      );
    } else {
      let body = '';
      try {
        body = request.method === 'POST' || request.method === 'PUT' ? await readBody(request, MAX_BODY) : '';
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        result = record(
          request.method ?? '',
          refusal(413, [
            { code: 'value-too-long', message: `Practitioner trop volumineux (plus de ${MAX_BODY} octets).` },
          ]),
        );
        send(response, result);
        return true;
      }
      result = receive({
        method: request.method ?? '',
        identifier: url.searchParams.get('identifier'),
        contentType: request.headers['content-type'],
        body,
      });
    }
    send(response, result);
    return true;
  }

  return {
    handle,
    receive,
    accounts: {
      get: (nationalId) => {
        const account = byNationalId.get(nationalId);
        return account ? { ...account } : undefined;
      },
      list: () => [...byNationalId.values()].map((a) => ({ ...a })),
      receipts: () => receipts.map((r) => ({ ...r, issues: [...r.issues] })),
    },
  };
}

function send(response: ServerResponse, result: V1WriteResult): void {
  const headers: Record<string, string> = { 'content-type': FHIR_JSON };
  if (result.location) headers['location'] = result.location;
  if (result.status === 405) headers['allow'] = 'POST, PUT';
  sendJson(response, result.status, result.resource, headers);
}
