import { describe, expect, it } from 'vitest';
import { TypedEmitter } from '@shared/util/typed-emitter';

interface Events {
  saved: { id: string };
  count: number;
}

describe('typed emitter', () => {
  it('delivers each event to its listeners only, until they unsubscribe', () => {
    const emitter = new TypedEmitter<Events>();
    const saved: string[] = [];
    const counts: number[] = [];
    const stop = emitter.on('saved', (payload) => saved.push(payload.id));
    emitter.on('count', (n) => counts.push(n));
    emitter.emit('saved', { id: 'a' });
    emitter.emit('count', 2);
    stop();
    emitter.emit('saved', { id: 'b' });
    expect(saved).toEqual(['a']);
    expect(counts).toEqual([2]);
    expect(emitter.listenerCount('saved')).toBe(0);
  });

  it('keeps delivering when a listener throws, and reports what it threw', () => {
    const reported: unknown[] = [];
    const emitter = new TypedEmitter<Events>((error, event) => reported.push([event, (error as Error).message]));
    const seen: number[] = [];
    emitter.on('count', () => {
      throw new Error('closed window');
    });
    emitter.on('count', (n) => seen.push(n));
    emitter.emit('count', 1);
    expect(seen).toEqual([1]);
    expect(reported).toEqual([['count', 'closed window']]);
  });

  it('lets a listener unsubscribe while the event is delivered', () => {
    const emitter = new TypedEmitter<Events>();
    const seen: string[] = [];
    const stopFirst = emitter.on('count', () => {
      seen.push('first');
      stopFirst();
    });
    emitter.on('count', () => seen.push('second'));
    emitter.emit('count', 1);
    emitter.emit('count', 2);
    expect(seen).toEqual(['first', 'second', 'second']);
  });

  it('serves dynamic keys (one channel per regulator)', () => {
    const emitter = new TypedEmitter<Record<string, number>>();
    const seen: number[] = [];
    const stop = emitter.on('op-1', (n) => seen.push(n));
    emitter.emit('op-2', 1);
    emitter.emit('op-1', 2);
    stop();
    stop();
    emitter.emit('op-1', 3);
    expect(seen).toEqual([2]);
  });
});
