// RDV V1: when a regulator logs in (or loses access), every publisher that takes bookings receives the regulator's
// account as a FrPractitionerRegul — POST to create, conditional PUT on the identifier to update. Failures are
// retried and logged; they never hold up the login.
import { IDNPS_SYSTEM } from '../../shared/domain/identifiers';
import type { RegulatorAccount } from '../../shared/domain/regulator';
import { buildRegulatorPractitioner } from '../../shared/fhir/build-v1-v3';

export interface V1Target {
  id: string;
  name: string;
  fhirBaseUrl: string;
}

export type V1Outcome =
  | { publisherId: string; ok: true; status: number; method: 'POST' | 'PUT'; attempts: number }
  | { publisherId: string; ok: false; status?: number; reason: string; attempts: number };

export interface V1PusherOptions {
  targets: () => readonly V1Target[];
  fetch?: typeof fetch;
  log: (level: 'info' | 'warn' | 'error', message: string) => void;
  attempts?: number;
  backoffMs?: number;
  timeoutMs?: number;
}

const FHIR_JSON = 'application/fhir+json';

export function createV1Pusher(options: V1PusherOptions) {
  const fetchImpl = options.fetch ?? fetch;
  const attempts = options.attempts ?? 3;
  const backoffMs = options.backoffMs ?? 500;
  // Accounts this process has created at each publisher: the next push is an update.
  const created = new Set<string>();

  async function send(target: V1Target, account: RegulatorAccount, method: 'POST' | 'PUT'): Promise<Response> {
    const base = target.fhirBaseUrl.replace(/\/+$/u, '');
    const url =
      method === 'POST'
        ? `${base}/Practitioner`
        : `${base}/Practitioner?identifier=${encodeURIComponent(`${IDNPS_SYSTEM}|${account.nationalId}`)}`;
    const body = buildRegulatorPractitioner({
      nationalId: account.nationalId,
      active: account.active,
      familyName: account.familyName,
      givenName: account.givenName ?? '',
      ...(account.email ? { email: account.email } : {}),
    });
    return fetchImpl(url, {
      method,
      headers: { 'content-type': FHIR_JSON, accept: FHIR_JSON },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 7_000),
    });
  }

  async function pushTo(target: V1Target, account: RegulatorAccount): Promise<V1Outcome> {
    const key = `${target.id}|${account.nationalId}`;
    let method: 'POST' | 'PUT' = created.has(key) ? 'PUT' : 'POST';
    let lastReason = '';
    let lastStatus: number | undefined;
    let used = 0;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      used = attempt;
      try {
        const response = await send(target, account, method);
        await response.body?.cancel();
        lastStatus = response.status;
        if (response.ok) {
          created.add(key);
          return { publisherId: target.id, ok: true, status: response.status, method, attempts: attempt };
        }
        // Already there: the same account is updated instead.
        if (method === 'POST' && (response.status === 409 || response.status === 412)) {
          method = 'PUT';
          attempt -= 1;
          continue;
        }
        lastReason = `HTTP ${response.status}`;
        if (response.status < 500 && response.status !== 429) break;
      } catch (error) {
        lastReason = error instanceof Error ? error.name : 'erreur réseau';
      }
      if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, backoffMs * 2 ** (attempt - 1)));
    }
    return {
      publisherId: target.id,
      ok: false,
      ...(lastStatus !== undefined ? { status: lastStatus } : {}),
      reason: lastReason,
      attempts: used,
    };
  }

  return {
    /** Pushes the account to every target; resolves with one outcome per publisher, never rejects. */
    async push(account: RegulatorAccount): Promise<V1Outcome[]> {
      const outcomes = await Promise.all(options.targets().map((target) => pushTo(target, account)));
      for (const outcome of outcomes) {
        if (outcome.ok)
          options.log(
            'info',
            `RDV V1 : compte ${account.active ? 'actif' : 'désactivé'} envoyé à ${outcome.publisherId} (${outcome.method} ${outcome.status})`,
          );
        else
          options.log(
            'warn',
            `RDV V1 : échec de l’envoi du compte à ${outcome.publisherId} après ${outcome.attempts} essai(s) (${outcome.reason})`,
          );
      }
      return outcomes;
    },
  };
}
