// What the identity provider tells the rest of the backend: a regulator logged in (RDV V1 pushes the account to
// the publishers on that), or a login was refused (logs).
import { type Logger, silentLogger } from '@shared/util/logger';
import { TypedEmitter } from '@shared/util/typed-emitter';
import type { IdpConnect } from './psc-claims';
import type { RegulatorAccount } from './regulator-accounts';

export type LoginRefusalReason =
  'regulator_unknown' | 'regulator_inactive' | 'psc_unreachable' | 'psc_cancelled' | 'psc_failed';

export interface IdentityEventMap {
  'login-succeeded': { regulator: RegulatorAccount; idpConnect: IdpConnect; acr?: string; at: Date };
  'login-refused': { reason: LoginRefusalReason; nationalId?: string; detail: string; at: Date };
}

type IdentityEventName = keyof IdentityEventMap;

export interface IdentityEvents {
  on<E extends IdentityEventName>(event: E, listener: (payload: IdentityEventMap[E]) => void): () => void;
}

export interface IdentityEventEmitter extends IdentityEvents {
  emit<E extends IdentityEventName>(event: E, payload: IdentityEventMap[E]): void;
}

/** A listener that throws never breaks a login: the error goes to `onListenerError`. */
export function createIdentityEvents(onListenerError: (error: unknown) => void): IdentityEventEmitter {
  return new TypedEmitter<IdentityEventMap>(onListenerError);
}

/** What the identity provider logs with: any `Logger` fits (the shared logger is what the backend passes). */
export type IdentityLogger = Pick<Logger, 'info' | 'warn' | 'error'>;
export { silentLogger };
