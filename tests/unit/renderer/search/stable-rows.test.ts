import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ListRow } from '@renderer/search/list-rows';
import { holdRows } from '@renderer/search/stable-rows';

const heading = (key: string): ListRow => ({ kind: 'heading', key, text: key });
const cardRow = (key: string): ListRow => ({ kind: 'card', key, card: { key } as never });

describe('holdRows', () => {
  it('keeps the order on screen and puts late rows below, counted as new', () => {
    const held = holdRows(['a', 'b', 'c'], [cardRow('d'), cardRow('c'), cardRow('a'), cardRow('b')]);
    expect(held.rows.map((r) => r.key)).toEqual(['a', 'b', 'c', 'd']);
    expect(held.newKeys).toEqual(['d']);
  });

  it('drops rows that left the ranking and does not count headings as results', () => {
    const held = holdRows(['h:ps', 'a', 'b'], [heading('h:cpts'), cardRow('x'), heading('h:ps'), cardRow('b')]);
    expect(held.rows.map((r) => r.key)).toEqual(['h:ps', 'b', 'h:cpts', 'x']);
    expect(held.newKeys).toEqual(['x']);
  });

  it('never moves a row already shown relative to the others, whatever the new ranking', () => {
    const keys = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 12 });
    fc.assert(
      fc.property(keys, keys, (shown, rankedKeys) => {
        const held = holdRows(shown, rankedKeys.map(cardRow));
        const ranked = new Set(rankedKeys);
        const keptInOrder = held.rows.map((r) => r.key).filter((k) => shown.includes(k));
        expect(keptInOrder).toEqual(shown.filter((k) => ranked.has(k)));
        expect(new Set(held.rows.map((r) => r.key))).toEqual(ranked);
        expect(held.newKeys).toEqual(rankedKeys.filter((k) => !shown.includes(k)));
      }),
    );
  });
});
