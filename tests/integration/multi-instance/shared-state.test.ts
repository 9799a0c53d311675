// The state several instances share, on both drivers where it applies: oidc-provider's adapter contract, PSC logins
// in progress (read once), the publishers' circuit breaker counted across instances, and the appointment feed
// relayed through LISTEN/NOTIFY between two connections (two instances) to one PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppointmentFeed } from '@backend/appointments/feed';
import { storageOidcAdapter } from '@backend/identity/oidc-adapter';
import { CircuitBreaker } from '@backend/search/circuit-breaker';
import { openStorage, type DatabaseConfig, type Storage } from '@backend/storage/index';
import type { Appointment } from '@shared/domain/appointment';
import { freshSchema, testPostgresUrl } from './support';

const drivers: { name: string; config: () => DatabaseConfig }[] = [
  { name: 'PGlite', config: () => ({ driver: 'pglite' }) },
  { name: 'PostgreSQL', config: () => ({ driver: 'postgres', url: testPostgresUrl(), schema: freshSchema('shared') }) },
];

describe.each(drivers)('shared state on $name', ({ config }) => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await openStorage(config());
  });
  afterAll(async () => {
    await storage?.close();
  });

  it('keeps oidc-provider records: find, findByUid, consume, destroy, revokeByGrantId, expiry', async () => {
    const adapter = storageOidcAdapter(storage.oidcPayloads);
    const sessions = adapter('Session');
    const codes = adapter('AuthorizationCode');
    const refresh = adapter('RefreshToken');
    await sessions.upsert('s1', { uid: 'uid-1', accountId: '899999000005', exp: 1 } as never, 60);
    expect(await sessions.findByUid('uid-1')).toMatchObject({ accountId: '899999000005' });
    expect(await adapter('Interaction').find('s1')).toBeUndefined();

    await codes.upsert('c1', { grantId: 'g1', kind: 'AuthorizationCode' } as never, 60);
    await refresh.upsert('r1', { grantId: 'g1', kind: 'RefreshToken' } as never, 60);
    await refresh.upsert('r2', { grantId: 'g2', kind: 'RefreshToken' } as never, 60);
    expect((await codes.find('c1'))?.consumed).toBeUndefined();
    await codes.consume('c1');
    expect((await codes.find('c1'))?.consumed).toBeGreaterThan(Date.now() / 1000 - 60);

    await refresh.revokeByGrantId('g1');
    expect(await codes.find('c1')).toBeUndefined();
    expect(await refresh.find('r1')).toBeUndefined();
    expect(await refresh.find('r2')).toMatchObject({ grantId: 'g2' });
    await refresh.destroy('r2');
    expect(await refresh.find('r2')).toBeUndefined();

    await adapter('Grant').upsert('expired', { accountId: 'x' } as never, 0);
    expect(await adapter('Grant').find('expired')).toBeUndefined();
    expect(await storage.oidcPayloads.removeExpired()).toBeGreaterThanOrEqual(1);
  });

  it('hands a PSC login in progress out once, and never once expired', async () => {
    await storage.loginStates.put('psc-pending', 'state-1', { uid: 'u1' }, 60_000);
    expect(await storage.loginStates.take('psc-pending', 'state-1')).toEqual({ uid: 'u1' });
    expect(await storage.loginStates.take('psc-pending', 'state-1')).toBeUndefined();
    await storage.loginStates.put('psc-pending', 'state-2', { uid: 'u2' }, 0);
    expect(await storage.loginStates.take('psc-pending', 'state-2')).toBeUndefined();
  });
});

describe('across two instances on one PostgreSQL', () => {
  let a: Storage;
  let b: Storage;
  beforeAll(async () => {
    const config: DatabaseConfig = { driver: 'postgres', url: testPostgresUrl(), schema: freshSchema('pair') };
    a = await openStorage(config);
    b = await openStorage(config);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('sets a publisher aside after the threshold counted over both instances, for both', async () => {
    const errors: unknown[] = [];
    const options = { failureThreshold: 3, coolDownMs: 60_000, refreshMs: 60_000 };
    const onA = new CircuitBreaker({
      ...options,
      shared: { repository: a.publisherBreakers, onError: (e) => errors.push(e) },
    });
    const onB = new CircuitBreaker({
      ...options,
      shared: { repository: b.publisherBreakers, onError: (e) => errors.push(e) },
    });
    try {
      onA.recordFailure('editeur-x');
      onB.recordFailure('editeur-x');
      await onB.refresh();
      expect(onB.allows('editeur-x')).toBe(true);
      onA.recordFailure('editeur-x');
      // Per instance, neither has seen 3 failures; shared, the third one opens the breaker for both.
      await expect.poll(async () => (await a.publisherBreakers.list())[0]?.consecutiveFailures).toBe(3);
      await onA.refresh();
      await onB.refresh();
      expect(onA.allows('editeur-x')).toBe(false);
      expect(onB.allows('editeur-x')).toBe(false);
      // One success closes it everywhere.
      onB.recordSuccess('editeur-x');
      await expect.poll(async () => (await a.publisherBreakers.list()).length).toBe(0);
      await onA.refresh();
      expect(onA.allows('editeur-x')).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      onA.stop();
      onB.stop();
    }
  });

  it('relays an appointment published on one instance to the streams of the other (LISTEN/NOTIFY)', async () => {
    const feedA = new AppointmentFeed();
    const feedB = new AppointmentFeed();
    await feedA.connect(a.db.notifications!);
    await feedB.connect(b.db.notifications!);
    try {
      const onB = new Promise<Appointment>((resolve) => feedB.subscribe('899999000005', resolve));
      const onA = new Promise<Appointment>((resolve) => feedA.subscribe('899999000005', resolve));
      const appointment: Appointment = {
        id: 'a1',
        publisherId: 'agendaplume',
        publisherAppointmentId: 'RDV-1',
        status: 'booked',
        start: '2026-12-04T09:00:00.000Z',
        end: '2026-12-04T09:30:00.000Z',
        operatorId: '899999000005',
        updatedAt: '2026-12-03T10:00:00.000Z',
      };
      feedA.publish(appointment);
      expect(await onB).toEqual(appointment);
      expect(await onA).toEqual(appointment);
    } finally {
      await feedA.close();
      await feedB.close();
    }
  });

  it('ends every stream with a final event when the instance stops', async () => {
    const feed = new AppointmentFeed();
    let closed = 0;
    feed.subscribe(
      '899999000005',
      () => {},
      () => (closed += 1),
    );
    feed.subscribe(
      '899999000006',
      () => {},
      () => (closed += 1),
    );
    await feed.close();
    expect(closed).toBe(2);
  });
});
