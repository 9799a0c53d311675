// The location field understands what regulators type: a commune, a postal code, "12 rue X, Agen",
// "12 rue X 47000 Agen"; never throws on anything else.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCommuneTable, type Commune } from '@backend/geo/communes';
import { suggestPlaces } from '@backend/geo/place-suggestions';

const commune = (insee: string, name: string, postcodes: string[], population: number): Commune => ({
  insee,
  name,
  department: insee.slice(0, 2),
  point: { lat: 44.2, lon: 0.6 },
  population,
  postcodes,
});

const TABLE = createCommuneTable([
  commune('47001', 'Agen', ['47000'], 32_000),
  commune('47157', 'Le Passage', ['47520'], 9_000),
  commune('33063', 'Bordeaux', ['33000', '33100', '33200', '33300', '33800'], 260_000),
  commune('33039', 'Bègles', ['33130'], 30_000),
]);

describe('suggestPlaces', () => {
  it('a commune name, by prefix', () => {
    expect(suggestPlaces(TABLE, 'Age').map((s) => s.label)).toEqual(['Agen (47)']);
  });

  it('a postal code gives its communes', () => {
    expect(suggestPlaces(TABLE, '33000').map((s) => [s.city, s.inseeCode])).toEqual([['Bordeaux', '33063']]);
    expect(suggestPlaces(TABLE, '47520').map((s) => s.city)).toEqual(['Le Passage']);
  });

  it('"12 rue X, Agen": the street kept with its number, the commune found', () => {
    const [first] = suggestPlaces(TABLE, '12 rue Paul Vidal, Agen');
    expect(first).toMatchObject({
      label: '12 rue Paul Vidal, Agen (47)',
      inseeCode: '47001',
      city: 'Agen',
      streetNumber: '12',
      streetName: 'rue Paul Vidal',
    });
  });

  it('"12 bis rue X 33800 Bordeaux": a postal code splits street and commune', () => {
    const [first] = suggestPlaces(TABLE, '12 bis cours de la Somme 33800 Bordeaux');
    expect(first).toMatchObject({
      inseeCode: '33063',
      postalCode: '33800',
      streetNumber: '12 bis',
      streetName: 'cours de la Somme',
    });
  });

  it('never throws and never suggests more than asked (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const list = suggestPlaces(TABLE, text, 5);
        expect(list.length).toBeLessThanOrEqual(5);
      }),
      { numRuns: 1000 },
    );
  });
});
