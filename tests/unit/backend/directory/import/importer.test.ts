import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GeoPoint } from '@shared/domain/care-offer';
import { loadDirectory } from '@backend/directory';
import { distanceKm, loadGeoData, type CommuneTable } from '@backend/geo';
import { parseFinessLine } from '@backend/directory/import/finess';
import { createBatchGeocoder } from '@backend/directory/import/geocoder-csv';
import { importDirectory, ImportError, type ImportSummary } from '@backend/directory/import/importer';
import { parseParticipationCsv } from '@backend/directory/import/participation';
import { parseRppsLine, resolveRppsHeader, RPPS_HEADER_2026 } from '@backend/directory/import/rpps';
import { createJsonFileSink } from '@backend/directory/import/sink';

const FIXTURES = join(import.meta.dirname, '../../../../fixtures/directory');
const RPPS = join(FIXTURES, 'PS_LibreAcces_Personne_activite_202610080000.txt');
const FINESS = join(FIXTURES, 'etalab-cs1100507-stock-20261008-0336.csv');

// Expected points, and the fixture's projected coordinates computed from them with the IGN Lambert conformal
// conic and Snyder's transverse Mercator series (not proj4), rounded to 0.1 m.
const PARIS_CDS: GeoPoint = { lat: 48.8738, lon: 2.315 };
const AJACCIO_MSP: GeoPoint = { lat: 41.9192, lon: 8.7386 };
const SAINT_PIERRE_CPTS: GeoPoint = { lat: -21.3393, lon: 55.4781 };
const within50m = (point: GeoPoint | undefined, expected: GeoPoint) => {
  expect(point).toBeDefined();
  expect(distanceKm(point as GeoPoint, expected) * 1000).toBeLessThan(50);
};

let communes: CommuneTable;
let dir: string;
beforeAll(async () => {
  communes = (await loadGeoData()).communes;
  dir = await mkdtemp(join(tmpdir(), 'directory-import-'));
});

async function importFixtures(extra: { geocoderUrl?: string } = {}) {
  const out = join(dir, `offer-${Math.random().toString(36).slice(2)}.json`);
  const summary: ImportSummary = await importDirectory(
    {
      rpps: RPPS,
      finess: FINESS,
      participation: join(FIXTURES, 'participation.csv'),
      publishers: join(FIXTURES, 'publishers.csv'),
      sosSites: join(FIXTURES, 'sos-sites.csv'),
    },
    createJsonFileSink(out),
    { communes, ...(extra.geocoderUrl ? { geocoder: createBatchGeocoder({ url: extra.geocoderUrl }) } : {}) },
  );
  const { directory } = await loadDirectory(out);
  return { summary, directory };
}

describe('directory import from the published layouts', () => {
  it('keeps the searchable activities, joins FINESS and participation, and summarises', async () => {
    const { summary, directory } = await importFixtures();
    expect(summary.rpps).toMatchObject({ lines: 8, invalidLines: 1, professionals: 5, kept: 4 });
    expect(summary.rpps.skipped).toEqual({ 'aucune activité de premier recours': 1 });
    expect(summary.rpps.activitiesExcluded).toEqual({ secteur: 2 });
    expect(summary.structures).toEqual({ cpts: 1, msp: 1, cds: 1 });
    expect(summary.positions).toEqual({ finess: 2, geocoder: 0, commune: 3, none: 0 });
    expect(summary.issues).toContain("RPPS, ligne 9 : nom d'exercice manquant (899990000053)");
    expect(summary.issues.some((issue) => issue.includes('système de coordonnées inconnu'))).toBe(true);

    // Three activities: Paris 8e cabinet (commune centroid), a centre de santé named by FINESS, a hospital (excluded).
    const lafleur = directory.getPractitioner('899990000012');
    expect(lafleur?.places).toHaveLength(2);
    expect(lafleur?.places.map((place) => place.inseeCode)).toEqual(['75108', '75108']);
    expect(lafleur?.places[0]?.precision).toBe('commune');
    within50m(lafleur?.places[0]?.point, communes.byInsee('75056')?.point as GeoPoint);
    expect(lafleur?.places[1]?.precision).toBe('street');
    within50m(lafleur?.places[1]?.point, PARIS_CDS);
    expect(lafleur?.places.some((place) => place.organizationName === 'HOPITAL SAINT-LOUIS')).toBe(false);
    expect(lafleur?.phone).toBe('+33 1 45 62 62 62');
    expect(lafleur?.specialties.map((coding) => coding.code)).toEqual(['SM54']);
    expect(directory.getPractitioner('899990000020')).toBeUndefined();

    const nurse = directory.getPractitioner('0339912345');
    expect(nurse?.specialties[0]).toMatchObject({ code: '60' });
    expect(nurse?.prefix).toBeUndefined();

    const santoni = directory.getPractitioner('899990000038');
    expect(santoni?.places[0]?.inseeCode).toBe('2A004');
    within50m(santoni?.places[0]?.point, AJACCIO_MSP);
    expect(santoni?.participation).toMatchObject({ mode: 'msp', structureId: '2A0000035', acceptsBeyondSlots: false });
    expect(santoni?.specialties[0]?.code).toBe('SM04');

    const payet = directory.getPractitioner('899990000046');
    expect(payet?.specialties[0]?.code).toBe('SM54');
    expect(payet?.phone).toBe('+262 262 25 00 00');
    expect(payet?.agendaSource).toBe('agenda-sud');
    const cpts = directory.getCpts('970000047');
    expect(cpts?.name).toBe('CPTS DU SUD RÉUNIONNAIS');
    expect(cpts?.memberIds).toEqual(['899990000046']);
    expect(cpts?.place?.inseeCode).toBe('97416');
    within50m(cpts?.place?.point, SAINT_PIERRE_CPTS);

    const msp = directory.structures.find((structure) => structure.finess === '2A0000035');
    expect(msp).toMatchObject({
      kind: 'msp',
      name: 'MAISON DE SANTÉ PLURIPROFESSIONNELLE DU CENTRE',
      phone: '+33 4 95 21 00 00',
    });
    expect(directory.getSosSite('1339900099')?.place.precision).toBe('commune');
    expect(directory.getPublisher('agenda-sud')?.kind).toBe('ps');
  });

  it('geocodes sites without a FINESS position through the batch CSV endpoint', async () => {
    const received: { columns: string[]; citycode: string | null; rows: string[] }[] = [];
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        void (async () => {
          const form = await new Request('http://local/', {
            method: 'POST',
            headers: request.headers as Record<string, string>,
            body: Buffer.concat(chunks),
          }).formData();
          const data = form.get('data') as File;
          const rows = (await data.text()).trim().split('\n');
          received.push({
            columns: form.getAll('columns') as string[],
            citycode: form.get('citycode') as string | null,
            rows,
          });
          const answer = rows.slice(1).map((row) => {
            return row.includes('BOETIE')
              ? `${row};48.8731;2.3160;12 Rue de la Boétie 75008 Paris;0.93;housenumber;75108`
              : `${row};;;;;;`;
          });
          response.writeHead(request.url === '/geocodage/search/csv' ? 200 : 404, { 'content-type': 'text/csv' });
          response.end(
            [`${rows[0]};latitude;longitude;result_label;result_score;result_type;result_citycode`, ...answer].join(
              '\n',
            ),
          );
        })();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const { summary, directory } = await importFixtures({ geocoderUrl: `http://127.0.0.1:${port}/geocodage` });
      expect(received).toHaveLength(1);
      expect(received[0]?.columns).toEqual(['adresse', 'code_postal', 'ville']);
      expect(received[0]?.citycode).toBe('code_insee');
      // The header and the three places no FINESS site positions.
      expect(received[0]?.rows).toHaveLength(4);
      expect(summary.positions).toEqual({ finess: 2, geocoder: 1, commune: 2, none: 0 });
      const place = directory.getPractitioner('899990000012')?.places[0];
      expect(place?.precision).toBe('street');
      within50m(place?.point, { lat: 48.8731, lon: 2.316 });
    } finally {
      server.close();
    }
  });

  it('names a missing header column in French', async () => {
    const header = RPPS_HEADER_2026.filter((name) => name !== 'Code commune (coord. structure)').join('|');
    const file = join(dir, 'old-layout.txt');
    await writeFile(file, `\uFEFF${header}|\n`, 'utf8');
    const failure = importDirectory({ rpps: file, finess: FINESS }, createJsonFileSink(join(dir, 'x.json')), {
      communes,
    });
    await expect(failure).rejects.toBeInstanceOf(ImportError);
    await expect(failure).rejects.toThrow("colonne manquante dans l'en-tête : « Code commune (coord. structure) »");
  });

  it('reports participation rows with their line number', () => {
    const result = parseParticipationCsv(
      'national_id;mode;structure_id;accepts_beyond_slots;publisher_id\n899990000046;cpts;;peut-être;\n',
    );
    expect(result.rows).toEqual([]);
    expect(result.errors).toContain('participations, ligne 2 : accepts_beyond_slots : oui ou non attendu');
    expect(result.errors.some((error) => error.startsWith('participations, ligne 2 : structure_id'))).toBe(true);
  });

  it('reads the FINESS file as Latin-1', async () => {
    const bytes = await readFile(FINESS);
    expect(bytes.includes(Buffer.from('SANTÉ', 'utf8'))).toBe(false);
    expect(bytes.includes(Buffer.from('SANTÉ', 'latin1'))).toBe(true);
  });
});

describe('line parsers never throw', () => {
  const header = resolveRppsHeader(RPPS_HEADER_2026.join('|'));
  it('RPPS', () => {
    if (!header.ok) throw new Error(header.error);
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('8', '0', '899990000012', 'SA07', 'L', '10', '2A004'),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(cell, { maxLength: 60 }).map((cells) => cells.join('|')),
        ),
        (line) => {
          const result = parseRppsLine(line, header.columns);
          expect(result.ok ? typeof result.activity.nationalId : typeof result.error).toBe('string');
        },
      ),
    );
  });
  it('FINESS', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('structureet', 'geolocalisation', '9D', '2A', 'EPSG:2975', 'LAMBERT_93', '1e308'),
    );
    fc.assert(
      fc.property(
        fc.array(cell, { maxLength: 35 }).map((cells) => cells.join(';')),
        (line) => {
          const result = parseFinessLine(line);
          expect(['structure', 'position', 'other', 'error']).toContain(result.kind);
        },
      ),
    );
  });
});
