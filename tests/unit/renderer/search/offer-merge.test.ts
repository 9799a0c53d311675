// A tab's offer grows page by page (and a retry sends the first page again): every practitioner once, in the
// order they came, the slots of every page kept.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CareOffer, SearchEvent } from '@shared/domain/search';
import { mergeOffer, practitionersLeft } from '@renderer/search/offer-merge';
import { applyStreamEvent, initialStreamState } from '@renderer/search/search-stream';
import { LOCATION_EVENT, offer, practitioner, slot, SOURCE_A, SOURCE_B } from '@tests/unit/renderer/fixtures';

const TOTAL = 60;
const everyone = Array.from({ length: TOTAL }, (_, i) => practitioner(i + 1));

/** The radius's practitioners `offset`…`end` as a page of the offer. */
function page(offset: number, end: number, sources = [SOURCE_A]): CareOffer {
  return { ...offer(everyone.slice(offset, end), sources), practitionerTotal: TOTAL, page: { offset, end } };
}

const ids = (o: CareOffer) => o.practitioners.map((p) => p.practitioner.nationalId);

describe('merging offer pages', () => {
  it('adds a page after the first, keeps the total and says what is left', () => {
    const merged = mergeOffer(page(0, 20), page(20, 40, [SOURCE_B]));
    expect(ids(merged)).toEqual(everyone.slice(0, 40).map((p) => p.nationalId));
    expect(merged.page).toEqual({ offset: 0, end: 40 });
    expect(merged.practitionerTotal).toBe(TOTAL);
    expect(merged.sources.map((s) => s.id)).toEqual(['a', 'b']);
    expect(practitionersLeft(merged)).toBe(20);
    expect(practitionersLeft(mergeOffer(merged, page(40, 60)))).toBe(0);
  });

  it('a retry (the first page again) loses none of the pages loaded since', () => {
    const loaded = mergeOffer(page(0, 20), page(20, 40));
    const retried = mergeOffer(loaded, page(0, 20));
    expect(ids(retried)).toEqual(ids(loaded));
    expect(retried.page).toEqual({ offset: 0, end: 40 });
  });

  it('a page that skips some does not claim them', () => {
    expect(mergeOffer(page(0, 20), page(40, 60)).page).toEqual({ offset: 0, end: 20 });
  });

  it('an offer without paging leaves nothing to ask for', () => {
    expect(practitionersLeft(offer(everyone.slice(0, 3)))).toBe(0);
    expect(practitionersLeft(undefined)).toBe(0);
  });

  it('never lists a practitioner twice and never drops one, whatever pages come in whatever order', () => {
    const slice = fc
      .tuple(fc.integer({ min: 0, max: TOTAL }), fc.integer({ min: 0, max: TOTAL }))
      .map(([a, b]) => page(Math.min(a, b), Math.max(a, b)));
    fc.assert(
      fc.property(fc.array(slice, { minLength: 1, maxLength: 8 }), (pages) => {
        const [first, ...rest] = pages;
        const merged = rest.reduce(mergeOffer, first!);
        const got = ids(merged);
        expect(new Set(got).size).toBe(got.length);
        const sent = new Set(pages.flatMap(ids));
        expect(new Set(got)).toEqual(sent);
        // Those held first stay first, in their order.
        expect(got.slice(0, first!.practitioners.length)).toEqual(ids(first!));
        expect(merged.practitionerTotal).toBe(TOTAL);
      }),
    );
  });
});

describe('a further page on the tab’s stream', () => {
  it('adds its practitioners and slots to those the search already had', () => {
    const events: SearchEvent[] = [
      LOCATION_EVENT,
      { type: 'offer', offer: page(0, 20), gp: { state: 'not-provided' } },
      { type: 'slots', sourceId: 'a', slots: [slot('1', 'a', everyone[0]!.nationalId, '2025-06-13T10:00:00Z')] },
      { type: 'source-status', status: { source: SOURCE_A, state: 'answered', slotCount: 1 } },
      { type: 'done', durationMs: 900 },
      { type: 'offer', offer: page(20, 40), gp: { state: 'not-provided' } },
      { type: 'slots', sourceId: 'a', slots: [slot('2', 'a', everyone[25]!.nationalId, '2025-06-13T11:00:00Z')] },
      { type: 'source-status', status: { source: SOURCE_A, state: 'answered', slotCount: 1 } },
      { type: 'done', durationMs: 400 },
    ];
    const state = events.reduce(applyStreamEvent, initialStreamState);
    expect(state.offer?.practitioners).toHaveLength(40);
    expect(Object.keys(state.slots).sort()).toEqual(['a/1', 'a/2']);
    expect(state.phase).toBe('done');
    expect(state.errors).toEqual([]);
  });
});
