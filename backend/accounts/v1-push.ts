// RDV V1: the regulator's account reaches every publisher that takes bookings as a FrPractitionerRegul — POST to
// create, conditional PUT on the identifier to update — only when it changed since the version that publisher last
// acknowledged (state in storage: a restart sends nothing new), and at once when access is withdrawn (`active`
// changes, so does the version). Thousands of accounts logging in every day then cost a handful of calls. Failures
// are retried and logged; they never hold up the login.
import { createHash } from 'node:crypto';
import type { RegulatorAccount } from '../../shared/domain/regulator';
import type { V1PushStateRepository } from '../storage/v1-push-state';
import { regulatorResource } from './regulator-practitioner';

export interface V1Target {
  id: string;
  name: string;
  fhirBaseUrl: string;
}

/** One per publisher the account was sent to; publishers already holding this version are not listed. */
export type V1Outcome =
  | { publisherId: string; ok: true; status: number; method: 'POST' | 'PUT'; attempts: number }
  | { publisherId: string; ok: false; status?: number; reason: string; attempts: number };

export interface V1PusherOptions {
  targets: () => readonly V1Target[];
  /** Acknowledged versions; default: this process's memory (tests, one-off tools). */
  state?: V1PushStateRepository;
  /** HTTP client; give the mutual-TLS one of `v1-transport.ts` in production. Redirects are never followed. */
  fetch?: typeof fetch;
  log: (level: 'info' | 'warn' | 'error', message: string) => void;
  attempts?: number;
  backoffMs?: number;
  timeoutMs?: number;
}

const FHIR_JSON = 'application/fhir+json';

function memoryState(): V1PushStateRepository {
  const acknowledged = new Map<string, string>();
  return {
    acknowledged: async (publisherId, key) => acknowledged.get(`${publisherId} ${key}`),
    acknowledge: async (publisherId, key, fingerprint) => void acknowledged.set(`${publisherId} ${key}`, fingerprint),
  };
}

export function createV1Pusher(options: V1PusherOptions) {
  const fetchImpl = options.fetch ?? fetch;
  const state = options.state ?? memoryState();
  const attempts = options.attempts ?? 3;
  const backoffMs = options.backoffMs ?? 500;
  // Two logins of the same regulator at once: the second waits for the first instead of sending a duplicate.
  const inFlight = new Map<string, Promise<V1Outcome | undefined>>();

  async function send(target: V1Target, body: string, identifier: string, method: 'POST' | 'PUT') {
    const base = target.fhirBaseUrl.replace(/\/+$/u, '');
    const url =
      method === 'POST' ? `${base}/Practitioner` : `${base}/Practitioner?identifier=${encodeURIComponent(identifier)}`;
    return fetchImpl(url, {
      method,
      redirect: 'manual',
      headers: { 'content-type': FHIR_JSON, accept: FHIR_JSON },
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 7_000),
    });
  }

  async function pushTo(target: V1Target, account: RegulatorAccount): Promise<V1Outcome | undefined> {
    const { practitioner, identifier } = regulatorResource(account);
    const body = JSON.stringify(practitioner);
    const fingerprint = createHash('sha256').update(body).digest('base64url');
    const acknowledged = await state.acknowledged(target.id, identifier);
    if (acknowledged === fingerprint) return undefined;
    let method: 'POST' | 'PUT' = acknowledged === undefined ? 'POST' : 'PUT';
    let lastReason = '';
    let lastStatus: number | undefined;
    let used = 0;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      used = attempt;
      try {
        const response = await send(target, body, identifier, method);
        await response.body?.cancel();
        lastStatus = response.status;
        if (response.ok) {
          await state.acknowledge(target.id, identifier, fingerprint);
          return { publisherId: target.id, ok: true, status: response.status, method, attempts: attempt };
        }
        // Already there: the same account is updated instead.
        if (method === 'POST' && (response.status === 409 || response.status === 412)) {
          method = 'PUT';
          attempt -= 1;
          continue;
        }
        lastReason =
          response.status >= 300 && response.status < 400 ? 'redirection refusée' : `HTTP ${response.status}`;
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

  function once(target: V1Target, account: RegulatorAccount): Promise<V1Outcome | undefined> {
    const key = `${target.id} ${account.nationalId}`;
    const previous = inFlight.get(key) ?? Promise.resolve(undefined);
    const next = previous.then(() => pushTo(target, account));
    inFlight.set(key, next);
    void next.finally(() => {
      if (inFlight.get(key) === next) inFlight.delete(key);
    });
    return next;
  }

  return {
    /** Sends the account where it changed; resolves with one outcome per publisher sent to, never rejects. */
    async push(account: RegulatorAccount): Promise<V1Outcome[]> {
      const settled = await Promise.all(
        options.targets().map((target) =>
          once(target, account).catch((error: unknown): V1Outcome => ({
            publisherId: target.id,
            ok: false,
            reason: error instanceof Error ? error.name : 'erreur inattendue',
            attempts: 0,
          })),
        ),
      );
      const outcomes = settled.filter((outcome): outcome is V1Outcome => outcome !== undefined);
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
