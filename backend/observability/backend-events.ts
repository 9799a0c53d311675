// Log lines and counters for what happens outside the search: logins (success, refusal with its reason), V3
// appointments received from publishers, V1 account pushes. Identifiers and outcomes only: an appointment's body
// (which may name the patient) is never read here.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '@shared/util/logger';
import type { V1Outcome } from '../accounts/v1-push';
import type { IdentityEvents } from '../identity/events';
import type { BackendMetrics } from './metrics';

export function observeLogins(events: IdentityEvents, logger: Logger): void {
  const log = logger.child('login');
  events.on('login-succeeded', ({ regulator, idpConnect }) =>
    log.info('connexion réussie', { regulator: regulator.nationalId, idpConnect: String(idpConnect) }),
  );
  events.on('login-refused', ({ reason, nationalId }) =>
    log.warn('connexion refusée', { reason, ...(nationalId ? { regulator: nationalId } : {}) }),
  );
}

/** For the access observer: one line per V3 write (POST/PUT /fhir/Appointment) with the publisher and status. */
export function v3Observer(
  authenticate: (request: IncomingMessage) => string | undefined,
  logger: Logger,
  metrics: BackendMetrics | undefined,
): (request: IncomingMessage, response: ServerResponse) => void {
  const log = logger.child('v3');
  return (request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/fhir/Appointment' || (request.method !== 'POST' && request.method !== 'PUT')) return;
    const status = response.statusCode;
    const outcome = status === 201 ? 'created' : status === 200 ? 'updated' : 'refused';
    metrics?.v3Received.inc({ outcome });
    const fields = { publisher: authenticate(request) ?? 'inconnu', method: request.method, status, outcome };
    if (outcome === 'refused') log.warn('rendez-vous V3 refusé', fields);
    else log.info('rendez-vous V3 reçu', fields);
  };
}

export function observeV1Push(
  outcomes: readonly V1Outcome[],
  active: boolean,
  logger: Logger,
  metrics: BackendMetrics | undefined,
): void {
  const log = logger.child('v1');
  for (const outcome of outcomes) {
    metrics?.v1Pushes.inc({ publisher: outcome.publisherId, outcome: outcome.ok ? 'ok' : 'failed' });
    const fields = {
      publisher: outcome.publisherId,
      active,
      attempts: outcome.attempts,
      status: outcome.status,
      ...(outcome.ok ? { method: outcome.method } : { reason: outcome.reason }),
    };
    if (outcome.ok) log.info('compte RDV V1 envoyé', fields);
    else log.warn('compte RDV V1 non envoyé', fields);
  }
}
