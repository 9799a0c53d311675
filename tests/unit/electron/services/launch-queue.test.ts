import { describe, expect, it } from 'vitest';
import type { LaunchEvent } from '@shared/api/console-api';
import { parseLaunch } from '@shared/launch/parse-launch';
import { LaunchQueue } from '@services/launch-queue';

function queue() {
  const ready: LaunchEvent[] = [];
  const waiting: number[] = [];
  let n = 0;
  const q = new LaunchQueue({
    parse: (input) => parseLaunch(input),
    now: () => new Date('2026-11-26T10:00:00Z'),
    newId: () => `l${++n}`,
    onReady: (e) => ready.push(e),
    onWaitingChange: (count) => waiting.push(count),
  });
  return { q, ready, waiting };
}

const VALID =
  'sas-console://recherche?origin=TEST-SAMU000&inseecode=47001&streetname=rue%20Paul%20Vidal&streetnumber=12';
const INVALID = 'sas-console://recherche?origin=TEST-SAMU000&streetnumber=12a';

describe('LaunchQueue', () => {
  it('says how many valid launches wait for a login, and that none do once logged in', () => {
    const { q, waiting } = queue();
    q.receive(VALID);
    q.receive(INVALID);
    q.receive(VALID);
    expect(waiting).toEqual([1, 2]);
    q.setLoggedIn(true);
    expect(waiting).toEqual([1, 2, 0]);
    q.receive(VALID);
    expect(waiting).toEqual([1, 2, 0]);
  });

  it('holds a valid launch until login, then delivers it once', () => {
    const { q, ready } = queue();
    q.receive(VALID);
    expect(ready).toHaveLength(0);
    expect(q.take()).toEqual([]);
    expect(q.pendingCount()).toBe(1);
    q.setLoggedIn(true);
    expect(ready).toHaveLength(1);
    const taken = q.take();
    expect(taken).toHaveLength(1);
    expect(taken[0]?.result.ok).toBe(true);
    expect(q.take()).toEqual([]);
  });

  it('shows a malformed launch at once, even logged out', () => {
    const { q, ready } = queue();
    q.receive(INVALID);
    expect(ready).toHaveLength(1);
    const [event] = q.take();
    expect(event?.result.ok).toBe(false);
  });

  it('delivers a launch received while logged in immediately', () => {
    const { q, ready } = queue();
    q.setLoggedIn(true);
    q.receive(VALID);
    expect(ready.map((e) => e.id)).toEqual(['l1']);
  });

  it('keeps at most 50 waiting launches', () => {
    const { q } = queue();
    for (let i = 0; i < 60; i += 1) q.receive(VALID);
    expect(q.pendingCount()).toBe(50);
  });
});
