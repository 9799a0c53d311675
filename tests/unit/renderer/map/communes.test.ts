import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCommuneCentroids } from '@renderer/map/communes';

const HEADER = 'insee\tname\tdepartment\tlat\tlon\tpopulation\tpostcodes\tsource';

describe('commune names for the base map', () => {
  it('reads the shipped file: every commune, none skipped', () => {
    const parsed = parseCommuneCentroids(readFileSync('resources/geo/communes-centroids.tsv', 'utf8'));
    expect(parsed.error).toBeUndefined();
    expect(parsed.skipped).toBe(0);
    expect(parsed.collection.features.length).toBeGreaterThan(34_000);
    const agen = parsed.collection.features.find((f) => f.properties.name === 'Agen');
    expect(agen?.geometry.coordinates[1]).toBeCloseTo(44.2, 1);
    expect(agen?.properties.population).toBeGreaterThan(30_000);
  });

  it('skips bad lines and says when the header is wrong', () => {
    const parsed = parseCommuneCentroids(
      [
        HEADER,
        '47001\tAgen\t47\t44.2\t0.62\t32000\t47000\tcontour',
        '47002\t\t47\t44\t0\t1\t\tcontour',
        'x\ty',
        '47003\tB\t47\tabc\t0\t1\t\tcontour',
        '',
      ].join('\n'),
    );
    expect(parsed.collection.features.map((f) => f.properties.name)).toEqual(['Agen']);
    expect(parsed.skipped).toBe(3);
    expect(parseCommuneCentroids('nom\tlatitude\n').error).toMatch(
      /colonne\(s\) name, lat, lon, population absente\(s\)/u,
    );
  });

  it('never throws, and keeps only usable points', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ maxLength: 12 }), { minLength: 0, maxLength: 9 }), { maxLength: 20 }),
        (rows) => {
          const parsed = parseCommuneCentroids([HEADER, ...rows.map((r) => r.join('\t'))].join('\n'));
          for (const f of parsed.collection.features) {
            const [lon, lat] = f.geometry.coordinates as [number, number];
            expect(Math.abs(lat)).toBeLessThanOrEqual(90);
            expect(Math.abs(lon)).toBeLessThanOrEqual(180);
            expect(f.properties.name.length).toBeGreaterThan(0);
          }
          expect(parsed.collection.features.length + parsed.skipped).toBeLessThanOrEqual(rows.length);
        },
      ),
    );
  });
});
