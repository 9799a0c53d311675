// RDV V1 on the training stack: a login pushes the regulator's account to every publisher that takes bookings;
// withdrawing access pushes active=false at once and the API stops accepting the regulator's token.
import { authorizationHeaders } from '@services/session/dpop-key';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTrainingEnvironment, type TrainingEnvironment } from '@backend/training/environment';
import { ALICE, loginToTraining, type LoggedIn } from '../support/training-session';

const BRUNO = '899999000013';
let env: TrainingEnvironment;

beforeAll(async () => {
  env = await startTrainingEnvironment({ latency: { minMs: 0, maxMs: 20 } });
}, 60_000);

afterAll(async () => {
  await env?.close();
});

const takingBookings = () => [...env.publishers.values()].filter((p) => p.entry.acceptsV1Accounts);

describe('RDV V1 regulator accounts', () => {
  let alice: LoggedIn;

  it('a login sends the account to every publisher that takes bookings, and to no other', async () => {
    alice = await loginToTraining(env, ALICE);
    await env.backend.settled();
    expect(takingBookings().length).toBeGreaterThan(0);
    for (const publisher of env.publishers.values()) {
      const account = publisher.routes?.v1.accounts.get(ALICE);
      if (publisher.entry.acceptsV1Accounts) {
        expect(account).toMatchObject({ nationalId: ALICE, active: true, familyName: 'Plumevert', givenName: 'Alice' });
      } else {
        expect(account).toBeUndefined();
      }
    }
  });

  it('a second login of the unchanged account sends nothing again', async () => {
    const again = await loginToTraining(env, ALICE);
    await env.backend.settled();
    for (const publisher of takingBookings()) {
      const receipts = publisher.routes!.v1.accounts.receipts().filter((r) => r.nationalId === ALICE);
      expect(receipts.map((r) => r.method)).toEqual(['POST']);
      expect(receipts.every((r) => r.status < 300)).toBe(true);
    }
    await again.session.close();
  });

  it('withdrawing access pushes active=false and the API refuses the regulator at once', async () => {
    const bruno = await loginToTraining(env, BRUNO);
    await env.backend.settled();
    const token = await bruno.session.accessToken();
    const before = await fetch(`${env.backendUrl}/api/appointments`, {
      headers: { ...(await authorizationHeaders(token, 'GET', `${env.backendUrl}/api/appointments`)) },
    });
    expect(before.status).toBe(200);

    const outcomes = await env.backend.withdrawRegulator(BRUNO);
    expect(outcomes.length).toBe(takingBookings().length);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    for (const publisher of takingBookings()) expect(publisher.routes!.v1.accounts.get(BRUNO)?.active).toBe(false);

    const after = await fetch(`${env.backendUrl}/api/appointments`, {
      headers: { ...(await authorizationHeaders(token, 'GET', `${env.backendUrl}/api/appointments`)) },
    });
    expect(after.status).toBe(401);
    await bruno.session.close();
    await alice.session.close();
  });
});
