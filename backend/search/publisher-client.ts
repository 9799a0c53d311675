// Asks one publisher for one FHIR search, with the limits the platform gives publishers: a time budget, a bounded
// body, JSON only, no redirects. Every failure comes back as a reason the status strip can show, never a throw.
import { Agent, errors as undiciErrors, request, type Dispatcher } from 'undici';
import { currentRequestId } from '../observability/request-context';

/** undici's header and body timers tick about once a second: never let them fire before the abort signal. */
const UNDICI_TIMER_SLACK_MS = 1_500;

export type PublisherFailureKind =
  | 'timeout'
  | 'http-status'
  | 'redirect'
  | 'content-type'
  | 'too-large'
  | 'invalid-json'
  | 'connection'
  | 'tls'
  | 'aborted'
  /** Not sent: this instance's cap on publisher requests in flight left no room within the budget. */
  | 'saturated';

export type PublisherResponse =
  | { ok: true; body: unknown; bytes: number; durationMs: number }
  | { ok: false; kind: PublisherFailureKind; reason: string; durationMs: number; status?: number };

export interface PublisherClientOptions {
  /** Per request; the platform gives a publisher 7 s at most. */
  timeoutMs: number;
  maxBodyBytes: number;
  /** TLS material for mutual TLS with publishers (IGC-Santé certificates in production). */
  tls?: { cert?: string | Buffer; key?: string | Buffer; ca?: string | Buffer | (string | Buffer)[] };
  now?: () => number;
}

const FHIR_JSON = /^application\/(fhir\+json|json\+fhir|json)(\s*;|$)/iu;

export const FAILURE_REASONS: Record<PublisherFailureKind, string> = {
  timeout: 'délai dépassé',
  'http-status': 'erreur du serveur de l’éditeur',
  redirect: 'redirection refusée',
  'content-type': 'réponse d’un type inattendu',
  'too-large': 'réponse trop volumineuse',
  'invalid-json': 'réponse illisible (JSON invalide)',
  connection: 'éditeur injoignable',
  tls: 'échec de la connexion sécurisée (TLS)',
  aborted: 'recherche interrompue',
  saturated: 'trop de requêtes en cours vers les éditeurs',
};

export class PublisherClient {
  private readonly dispatcher: Dispatcher;
  private readonly now: () => number;

  constructor(private readonly options: PublisherClientOptions) {
    this.now = options.now ?? (() => performance.now());
    this.dispatcher = new Agent({
      // Per publisher: a burst of concurrent searches must not queue behind a handful of sockets.
      connections: 128,
      keepAliveTimeout: 30_000,
      connect: { timeout: Math.min(options.timeoutMs, 5_000), ...options.tls },
    });
  }

  async get(url: string, signal?: AbortSignal, timeoutMs: number = this.options.timeoutMs): Promise<PublisherResponse> {
    const started = this.now();
    const elapsed = () => Math.round(this.now() - started);
    const budget = Math.max(1, Math.min(timeoutMs, this.options.timeoutMs));
    const timeout = AbortSignal.timeout(budget);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    try {
      const response = await request(url, {
        method: 'GET',
        // The console request's id, so a publisher's logs and ours can be matched on one search.
        headers: { accept: 'application/json+fhir', ...requestIdHeader() },
        dispatcher: this.dispatcher,
        signal: combined,
        // undici checks these on a coarse timer that can fire up to a second early: the exact cut-off is the
        // abort signal above, these only stop a connection that would outlive it.
        headersTimeout: budget + UNDICI_TIMER_SLACK_MS,
        bodyTimeout: budget + UNDICI_TIMER_SLACK_MS,
      });
      const { statusCode } = response;
      if (statusCode >= 300 && statusCode < 400) {
        await response.body.dump();
        return {
          ok: false,
          kind: 'redirect',
          reason: FAILURE_REASONS.redirect,
          status: statusCode,
          durationMs: elapsed(),
        };
      }
      if (statusCode !== 200) {
        await response.body.dump();
        return {
          ok: false,
          kind: 'http-status',
          reason: `erreur ${statusCode} de l’éditeur`,
          status: statusCode,
          durationMs: elapsed(),
        };
      }
      const contentType = String(response.headers['content-type'] ?? '');
      if (!FHIR_JSON.test(contentType)) {
        await response.body.dump();
        return { ok: false, kind: 'content-type', reason: FAILURE_REASONS['content-type'], durationMs: elapsed() };
      }
      const declared = Number(response.headers['content-length'] ?? NaN);
      if (Number.isFinite(declared) && declared > this.options.maxBodyBytes) {
        response.body.destroy();
        return { ok: false, kind: 'too-large', reason: FAILURE_REASONS['too-large'], durationMs: elapsed() };
      }
      const chunks: Buffer[] = [];
      let bytes = 0;
      for await (const chunk of response.body) {
        bytes += (chunk as Buffer).length;
        if (bytes > this.options.maxBodyBytes) {
          response.body.destroy();
          return { ok: false, kind: 'too-large', reason: FAILURE_REASONS['too-large'], durationMs: elapsed() };
        }
        chunks.push(chunk as Buffer);
      }
      try {
        return { ok: true, body: JSON.parse(Buffer.concat(chunks).toString('utf8')), bytes, durationMs: elapsed() };
      } catch {
        return { ok: false, kind: 'invalid-json', reason: FAILURE_REASONS['invalid-json'], durationMs: elapsed() };
      }
    } catch (error) {
      return { ok: false, ...classify(error, timeout.aborted, signal?.aborted ?? false), durationMs: elapsed() };
    }
  }

  close(): Promise<void> {
    return this.dispatcher.close();
  }
}

function requestIdHeader(): Record<string, string> {
  const id = currentRequestId();
  return id === undefined ? {} : { 'x-request-id': id };
}

function classify(error: unknown, timedOut: boolean, aborted: boolean): { kind: PublisherFailureKind; reason: string } {
  if (aborted) return { kind: 'aborted', reason: FAILURE_REASONS.aborted };
  if (
    timedOut ||
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError ||
    error instanceof undiciErrors.ConnectTimeoutError
  ) {
    return { kind: 'timeout', reason: FAILURE_REASONS.timeout };
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (
    typeof code === 'string' &&
    /^(ERR_TLS|ERR_SSL|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_VERIFY|EPROTO)/u.test(code)
  ) {
    return { kind: 'tls', reason: FAILURE_REASONS.tls };
  }
  return { kind: 'connection', reason: FAILURE_REASONS.connection };
}
