// What the identity provider tells the rest of the backend: a regulator logged in (RDV V1 pushes the account to
// the publishers on that), or a login was refused (logs).
import type { IdpConnect } from './psc-claims';
import type { RegulatorAccount } from './regulator-accounts';

export type LoginRefusalReason = 'regulator_unknown' | 'regulator_inactive' | 'psc_unreachable' | 'psc_cancelled' | 'psc_failed';

export interface IdentityEventMap {
  'login-succeeded': { regulator: RegulatorAccount; idpConnect: IdpConnect; acr?: string; at: Date };
  'login-refused': { reason: LoginRefusalReason; nationalId?: string; detail: string; at: Date };
}

export type IdentityEventName = keyof IdentityEventMap;

export interface IdentityEvents {
  on<E extends IdentityEventName>(event: E, listener: (payload: IdentityEventMap[E]) => void): () => void;
}

export interface IdentityEventEmitter extends IdentityEvents {
  emit<E extends IdentityEventName>(event: E, payload: IdentityEventMap[E]): void;
}

/** A listener that throws never breaks a login: the error goes to `onListenerError`. */
export function createIdentityEvents(onListenerError: (error: unknown) => void): IdentityEventEmitter {
  const listeners = new Map<IdentityEventName, Set<(payload: never) => void>>();
  return {
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      const entry = listener as (payload: never) => void;
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) {
        try {
          (listener as (p: typeof payload) => void)(payload);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
  };
}

export interface IdentityLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const silentLogger: IdentityLogger = { info() {}, warn() {}, error() {} };
