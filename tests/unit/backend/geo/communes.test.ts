import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalInsee, createCommuneTable, parseCommunesTsv } from '@backend/geo/communes';

const HEADER = 'insee\tname\tdepartment\tlat\tlon\tpopulation\tpostcodes\tsource';
const shipped = parseCommunesTsv(
  readFileSync(new URL('../../../../resources/geo/communes-centroids.tsv', import.meta.url), 'utf8'),
);
const table = createCommuneTable(shipped.communes);

describe('the shipped commune table', () => {
  it('reads every commune without a single issue', () => {
    expect(shipped.issues).toEqual([]);
    expect(table.size).toBe(34_875);
    // The exponent-written longitude (Ibos, 3e-05) is read, not rejected.
    expect(table.byInsee('65226')?.point.lon).toBeCloseTo(0.00003, 6);
  });

  it('looks communes up by INSEE code, arrondissements giving their city', () => {
    expect(table.byInsee('47001')?.name).toBe('Agen');
    expect(table.byInsee('75115')?.insee).toBe('75056');
    expect(table.byInsee('69383')?.name).toBe('Lyon');
    expect(table.byInsee('13208')?.name).toBe('Marseille');
    expect(table.byInsee('2a004')?.name).toBe('Ajaccio');
    expect(table.byInsee('99999')).toBeUndefined();
    expect(canonicalInsee('75121')).toBe('75121');
  });

  it('looks communes up by name, accent- and case-insensitive, homonyms by population', () => {
    expect(table.byName('SAINT ETIENNE')[0]?.insee).toBe('42218');
    expect(table.byName('saint-étienne', '42').map((commune) => commune.insee)).toEqual(['42218']);
    const saintDenis = table.byName('Saint-Denis');
    expect(saintDenis.length).toBeGreaterThan(1);
    for (let i = 1; i < saintDenis.length; i += 1) {
      expect(saintDenis[i - 1]!.population).toBeGreaterThanOrEqual(saintDenis[i]!.population);
    }
    expect(table.byName('Saint-Denis', '93')[0]?.insee).toBe('93066');
    expect(table.byName('Saint-Denis', '4 7')).toEqual([]);
    expect(table.byName('Paris 15e')[0]?.insee).toBe('75056');
    expect(table.byName('lyon 3eme arrondissement')[0]?.insee).toBe('69123');
  });

  it('autocompletes by prefix, most populated first', () => {
    const results = table.search('bord', { limit: 5 });
    expect(results[0]?.name).toBe('Bordeaux');
    expect(results.every((commune) => commune.name.toLowerCase().startsWith('bord'))).toBe(true);
    expect(table.search('ag', { department: '47', limit: 3 }).map((commune) => commune.name)).toContain('Agen');
    expect(table.search('', { limit: 3 })).toEqual([]);
    expect(table.search('zzzz')).toEqual([]);
    expect(table.byPostcode('47000').map((commune) => commune.name)).toEqual(['Agen']);
  });

  it('autocompletion returns only real prefixes, sorted, within the limit', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('sa', 'mont', 'le', 'ville', 'b', 'châ', 'st'),
        fc.integer({ min: 1, max: 30 }),
        (prefix, limit) => {
          const results = table.search(prefix, { limit });
          expect(results.length).toBeLessThanOrEqual(limit);
          for (let i = 1; i < results.length; i += 1) {
            expect(results[i - 1]!.population).toBeGreaterThanOrEqual(results[i]!.population);
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('parseCommunesTsv', () => {
  it('reports bad rows with their line number and keeps the good ones', () => {
    const text = [
      HEADER,
      '47001\tAgen\t47\t44.20284\t0.62575\t32801\t47000\tcontour',
      '4700\tTrop court\t47\t44\t0\t1\t47000\tcontour',
      '47002\tSans coordonnées\t47\tnord\t0.6\t1\t47000\tcontour',
      '33063\tMauvais département\t47\t44.8\t-0.5\t1\t33000\tcontour',
      '47001\tDoublon\t47\t44.2\t0.6\t1\t47000\tcontour',
      '',
      '47003\tAvec virgule\t47\t44,5\t0,5\t\t47000,47001\tcontour',
    ].join('\n');
    const { communes, issues } = parseCommunesTsv(text);
    expect(communes.map((commune) => commune.insee)).toEqual(['47001', '47003']);
    expect(communes[1]).toMatchObject({ point: { lat: 44.5, lon: 0.5 }, population: 0, postcodes: ['47000', '47001'] });
    expect(issues.map((issue) => issue.line)).toEqual([3, 4, 5, 6]);
    expect(issues[0]?.message).toContain('INSEE');
  });

  it('names the missing columns of a wrong header', () => {
    const { communes, issues } = parseCommunesTsv('code\tnom\n47001\tAgen');
    expect(communes).toEqual([]);
    expect(issues[0]?.message).toContain('insee');
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const result = parseCommunesTsv(`${HEADER}\n${text}`);
        expect(Array.isArray(result.communes)).toBe(true);
      }),
    );
  });

  it('reads back any well-formed row it is given', () => {
    const row = fc.record({
      department: fc.constantFrom('01', '33', '47', '2A', '75'),
      number: fc.integer({ min: 1, max: 999 }),
      name: fc.string({ minLength: 1, maxLength: 20 }).filter((name) => !/[\t\r\n]/.test(name) && name.trim() !== ''),
      lat: fc.double({ min: -89, max: 89, noNaN: true }),
      lon: fc.double({ min: -179, max: 179, noNaN: true }),
      population: fc.nat({ max: 3_000_000 }),
      comma: fc.boolean(),
    });
    fc.assert(
      fc.property(row, (r) => {
        const insee = `${r.department}${String(r.number).padStart(3, '0')}`;
        const decimal = (value: number) => (r.comma ? String(value).replace('.', ',') : String(value));
        const text = `${HEADER}\n${insee}\t${r.name}\t${r.department}\t${decimal(r.lat)}\t${decimal(r.lon)}\t${r.population}\t\tcontour`;
        const { communes, issues } = parseCommunesTsv(text);
        expect(issues).toEqual([]);
        expect(communes[0]).toMatchObject({ insee, name: r.name.trim(), population: r.population });
        expect(communes[0]?.point.lat).toBeCloseTo(r.lat, 9);
        expect(communes[0]?.point.lon).toBeCloseTo(r.lon, 9);
      }),
    );
  });
});
