import { describe, expect, it } from 'vitest';
import { ExpiringMap } from '@shared/util/expiring-map';

function clock(start = 1_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('expiring map', () => {
  it('forgets entries once their time to live has passed', () => {
    const time = clock();
    const map = new ExpiringMap<string, number>(100, 10, time.now);
    map.set('a', 1);
    time.advance(99);
    expect(map.get('a')).toBe(1);
    time.advance(1);
    expect(map.get('a')).toBeUndefined();
    expect(map.size).toBe(0);
  });

  it('takes a value once (single use)', () => {
    const map = new ExpiringMap<string, string>(1_000, 10, clock().now);
    map.set('state', 'pending');
    expect(map.take('state')).toBe('pending');
    expect(map.take('state')).toBeUndefined();
    expect(map.get('state')).toBeUndefined();
  });

  it('does not hand out an expired value through take', () => {
    const time = clock();
    const map = new ExpiringMap<string, string>(10, 10, time.now);
    map.set('k', 'v');
    time.advance(10);
    expect(map.take('k')).toBeUndefined();
  });

  it('evicts the oldest entry when full, and a renewed key counts as new', () => {
    const map = new ExpiringMap<string, number>(1_000, 2, clock().now);
    map.set('a', 1);
    map.set('b', 2);
    map.set('a', 3);
    map.set('c', 4);
    expect(map.get('b')).toBeUndefined();
    expect(map.get('a')).toBe(3);
    expect(map.get('c')).toBe(4);
    expect(map.size).toBe(2);
  });

  it('stays bounded whatever is stored', () => {
    const map = new ExpiringMap<number, number>(1_000, 50, clock().now);
    for (let i = 0; i < 10_000; i += 1) map.set(i, i);
    expect(map.size).toBe(50);
    expect(map.get(9_999)).toBe(9_999);
  });

  it('takes a time to live per entry when given', () => {
    const time = clock();
    const map = new ExpiringMap<string, number>(1_000, 10, time.now);
    map.set('short', 1, 10);
    map.set('long', 2);
    time.advance(10);
    expect(map.get('short')).toBeUndefined();
    expect(map.get('long')).toBe(2);
  });

  it('deletes and clears', () => {
    const map = new ExpiringMap<string, number>(1_000, 10, clock().now);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.delete('a')).toBe(true);
    expect(map.delete('a')).toBe(false);
    map.clear();
    expect(map.size).toBe(0);
  });

  it('refuses a capacity below one', () => {
    expect(() => new ExpiringMap(1, 0)).toThrow(RangeError);
  });
});
