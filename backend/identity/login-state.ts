// Where the login interaction keeps what must survive between two browser steps: the PSC login in progress (by PSC
// `state`, until PSC's callback) and its outcome (by interaction uid, until the browser comes back to finish). In
// storage, so the callback and the finish may land on any instance; in memory only for a provider without storage
// (unit tests). What comes back is checked with zod: it is data entering the process.
import { z } from 'zod';
import { regulatorAccountSchema } from '../../shared/domain/regulator';
import { ExpiringMap } from '@shared/util/expiring-map';
import type { LoginRefusalReason } from './events';
import type { IdpConnect } from './psc-claims';
import type { PendingPscLogin } from './psc-client';
import type { RegulatorAccount } from './regulator-accounts';

const TTL_MS = 15 * 60 * 1000;
const MEMORY_MAX = 10_000;

/** The storage side: `take` returns an entry once, and nothing once it expired. */
export interface LoginStateStore {
  put(kind: string, key: string, value: unknown, ttlMs: number): Promise<void>;
  take(kind: string, key: string): Promise<unknown>;
}

export type LoginOutcome =
  | { ok: true; regulator: RegulatorAccount; idpConnect: IdpConnect; acr?: string }
  | { ok: false; reason: LoginRefusalReason; nationalId?: string };

interface PendingEntry {
  uid: string;
  login: PendingPscLogin;
}

const pendingSchema = z.object({
  uid: z.string().min(1).max(64),
  login: z.object({ state: z.string(), nonce: z.string(), codeVerifier: z.string() }),
});

const outcomeSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    regulator: regulatorAccountSchema,
    idpConnect: z.string().regex(/^psc-/u) as z.ZodType<IdpConnect>,
    acr: z.string().optional(),
  }),
  z.object({
    ok: z.literal(false),
    reason: z.enum(['regulator_unknown', 'regulator_inactive', 'psc_unreachable', 'psc_cancelled', 'psc_failed']),
    nationalId: z.string().optional(),
  }),
]);

export interface LoginStates {
  putPending(state: string, entry: PendingEntry): Promise<void>;
  takePending(state: string): Promise<PendingEntry | undefined>;
  putOutcome(uid: string, outcome: LoginOutcome): Promise<void>;
  takeOutcome(uid: string): Promise<LoginOutcome | undefined>;
}

export function loginStates(store: LoginStateStore): LoginStates {
  const read = async <T>(schema: z.ZodType<T>, kind: string, key: string): Promise<T | undefined> => {
    const parsed = schema.safeParse(await store.take(kind, key));
    return parsed.success ? parsed.data : undefined;
  };
  return {
    putPending: (state, entry) => store.put('psc-pending', state, entry, TTL_MS),
    takePending: (state) => read(pendingSchema, 'psc-pending', state),
    putOutcome: (uid, outcome) => store.put('psc-outcome', uid, outcome, TTL_MS),
    takeOutcome: (uid) => read(outcomeSchema as z.ZodType<LoginOutcome>, 'psc-outcome', uid),
  };
}

/** One process only: a login must start and finish on this instance. */
export function memoryLoginStateStore(): LoginStateStore {
  const entries = new ExpiringMap<string, unknown>(TTL_MS, MEMORY_MAX);
  return {
    put: async (kind, key, value) => {
      entries.set(`${kind}:${key}`, value);
    },
    take: async (kind, key) => entries.take(`${kind}:${key}`),
  };
}
