// Which practitioners a search request's offer carries: the first page (GP added when further) or a further one
// (without the GP, sent with the first), and the range it says it covers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Practitioner } from '@shared/domain/care-offer';
import type { OfferPractitioner } from '@shared/domain/search';
import { GENERAL_MEDICINE } from '@shared/domain/specialties';
import { backendRoutes } from '@shared/backend-api/routes';
import { requestedOfferPage } from '@backend/search/offer-page';

const practitioner = (n: number): Practitioner => ({
  nationalId: `8${String(n).padStart(11, '0')}`,
  familyName: `Nom${n}`,
  specialties: [GENERAL_MEDICINE],
  places: [{ point: { lat: 44.2 + n * 0.001, lon: 0.6 } }],
});
const entries: OfferPractitioner[] = Array.from({ length: 25 }, (_, i) => ({
  practitioner: practitioner(i + 1),
  distanceKm: i * 0.1,
  isGp: i === 17,
}));
const names = (shown: OfferPractitioner[]) => shown.map((e) => e.practitioner.familyName);

describe('the page a search request asks for', () => {
  it('first page: the nearest, the GP added, range 0…size', () => {
    const page = requestedOfferPage(entries, 10);
    expect(page.range).toEqual({ offset: 0, end: 10 });
    expect(page.total).toBe(25);
    expect(names(page.shown).at(-1)).toBe('Nom18');
  });

  it('further pages: the next ones without the GP, the range clamped to the total', () => {
    const second = requestedOfferPage(entries, 10, { offset: 10, limit: 10 });
    expect(second.range).toEqual({ offset: 10, end: 20 });
    expect(names(second.shown)).toEqual([
      'Nom11',
      'Nom12',
      'Nom13',
      'Nom14',
      'Nom15',
      'Nom16',
      'Nom17',
      'Nom19',
      'Nom20',
    ]);
    expect(requestedOfferPage(entries, 10, { offset: 20, limit: 10 }).range).toEqual({ offset: 20, end: 25 });
    expect(requestedOfferPage(entries, 10, { offset: 90, limit: 10 })).toEqual({
      shown: [],
      total: 25,
      range: { offset: 25, end: 25 },
    });
  });

  it('pages of any size cover every practitioner once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), (size, limit) => {
        const seen = names(requestedOfferPage(entries, size).shown);
        for (let offset = Math.min(size, 25); offset < 25; offset += limit)
          seen.push(...names(requestedOfferPage(entries, size, { offset, limit }).shown));
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen).toHaveLength(25);
      }),
    );
  });
});

describe('the search request’s page (route table)', () => {
  const body = backendRoutes.search.body;
  const query = { location: { inseeCode: '33063', city: 'Bordeaux' } };

  it('accepts a page within bounds and refuses any other', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -5, max: 1_000_005 }), fc.double(), fc.constant(Number.NaN)),
        fc.oneof(fc.integer({ min: -5, max: 1_005 }), fc.double()),
        (offset, limit) => {
          const valid =
            Number.isInteger(offset) &&
            offset >= 1 &&
            offset <= 1_000_000 &&
            Number.isInteger(limit) &&
            limit >= 1 &&
            limit <= 1_000;
          expect(body.safeParse({ query, page: { offset, limit } }).success).toBe(valid);
        },
      ),
    );
    expect(body.safeParse({ query }).success).toBe(true);
    expect(body.safeParse({ query, page: { offset: 1 } }).success).toBe(false);
  });
});
