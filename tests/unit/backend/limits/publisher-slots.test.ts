import { describe, expect, it } from 'vitest';
import { createPublisherSlots } from '@backend/limits/publisher-slots';

describe('publisher slots', () => {
  it('serves a waiting request of a free publisher before one of a saturated publisher', async () => {
    const slots = createPublisherSlots({ overall: 2, perPublisher: 1 });
    const a1 = await slots.acquire('a', 0);
    const b1 = await slots.acquire('b', 0);
    const order: string[] = [];
    const a2 = slots.acquire('a', 1_000).then((release) => (order.push('a'), release));
    const c1 = slots.acquire('c', 1_000).then((release) => (order.push('c'), release));
    b1?.();
    (await c1)?.();
    expect(order).toEqual(['c']);
    a1?.();
    (await a2)?.();
    expect(order).toEqual(['c', 'a']);
    expect(slots.inFlight().overall).toBe(0);
  });

  it('gives up after its wait, leaving the queue as it was', async () => {
    const slots = createPublisherSlots({ overall: 1, perPublisher: 1 });
    const held = await slots.acquire('a', 0);
    expect(await slots.acquire('a', 20)).toBeUndefined();
    held?.();
    expect(slots.inFlight().overall).toBe(0);
    expect(await slots.acquire('a', 0)).toBeTypeOf('function');
  });
});
