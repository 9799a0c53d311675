// A backend serving version 1 of the stored directory picks up version 2, imported meanwhile by another process's
// connection, without restarting; a failed import leaves the version in service untouched. On a real PostgreSQL
// server (several workstations share one), and on PGlite (the embedded default) for the storage sink itself.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, type LogRecord } from '@shared/util/logger';
import { followStoredDirectory, type LiveDirectory } from '@backend/directory/live-directory';
import { importIntoStorage } from '@backend/directory/import/storage-import';
import { ImportError } from '@backend/directory/import/importer';
import { loadGeoData, type CommuneTable } from '@backend/geo';
import { directoryOffer } from '@backend/search/adapters';
import { GENERAL_MEDICINE } from '@shared/domain/specialties';
import { createDirectoryVersionRepository } from '@backend/storage/directory-versions';
import { openDatabase, openStorage, type Storage } from '@backend/storage/index';

const FIXTURES = join(import.meta.dirname, '../../fixtures/directory');
const RPPS = join(FIXTURES, 'PS_LibreAcces_Personne_activite_202610080000.txt');
const FINESS = join(FIXTURES, 'etalab-cs1100507-stock-20261008-0336.csv');
const PARIS_8 = { lat: 48.8738, lon: 2.315 };
const NEW_DOCTOR = '810002222226';

const pgUrl = process.env.SAS_TEST_PG_URL ?? '';
const schema = `sas_dir_${randomBytes(5).toString('hex')}`;
let communes: CommuneTable;
let dir: string;
let backendSide: Storage;
let importerSide: Storage;
let live: LiveDirectory | undefined;
const logs: LogRecord[] = [];

/** The fixture plus one more Paris 8e general practitioner: what a later national file would bring. */
async function laterRpps(): Promise<string> {
  const text = await readFile(RPPS, 'utf8');
  const lines = text.split('\n');
  const lafleur = lines.find((line) => line.includes('|LAFLEUR|') && line.includes('|SA07|'));
  if (!lafleur) throw new Error('fixture changed: LAFLEUR SA07 line not found');
  const added = lafleur
    .replaceAll('899990000012', NEW_DOCTOR)
    .replaceAll('99990000012', NEW_DOCTOR.slice(1))
    .replace('|LAFLEUR|', '|NOUVELLE|');
  const file = join(dir, 'PS_LibreAcces_Personne_activite_later.txt');
  await writeFile(file, `${text.trimEnd()}\n${added}\n`, 'utf8');
  return file;
}

beforeAll(async () => {
  if (!pgUrl) throw new Error('SAS_TEST_PG_URL absent : bash scripts/start-test-postgres.sh (PostgreSQL 15 requis)');
  communes = (await loadGeoData()).communes;
  dir = await mkdtemp(join(tmpdir(), 'directory-versions-'));
  backendSide = await openStorage({ driver: 'postgres', url: pgUrl, schema });
  importerSide = await openStorage({ driver: 'postgres', url: pgUrl, schema });
}, 60_000);

afterAll(async () => {
  live?.close();
  await backendSide?.close();
  await importerSide?.close();
  const admin = await openDatabase({ driver: 'postgres', url: pgUrl });
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('stored directory versions (PostgreSQL)', () => {
  it('serves version 1, then switches to version 2 imported meanwhile, without restart', async () => {
    const first = await importIntoStorage({ rpps: RPPS, finess: FINESS }, importerSide.db, { communes });
    live = await followStoredDirectory(
      backendSide.db,
      createLogger((record) => logs.push(record)),
      { pollMs: 100 },
    );
    expect(live.versionId).toBe(first.versionId);
    const offer = directoryOffer(live.directory);
    const around = () =>
      offer
        .practitionersWithin(PARIS_8, 3, { kind: 'coded', coding: GENERAL_MEDICINE })
        .map((hit) => hit.item.nationalId);
    expect(around()).toContain('899990000012');
    expect(around()).not.toContain(NEW_DOCTOR);

    const second = await importIntoStorage({ rpps: await laterRpps(), finess: FINESS }, importerSide.db, {
      communes,
    });
    expect(second.versionId).toBeGreaterThan(first.versionId);
    // The poll (every 100 ms here) finds the new version; nothing is restarted, the same objects answer.
    await expect.poll(() => live?.versionId, { timeout: 10_000, interval: 50 }).toBe(second.versionId);
    expect(around()).toContain(NEW_DOCTOR);
    expect(around()).toContain('899990000012');
    const switched = logs.find((record) => record.message === 'annuaire : nouvelle version en service');
    expect(switched?.fields).toMatchObject({ version: second.versionId, precedente: first.versionId });
  });

  it('leaves the version in service untouched when an import fails', async () => {
    const inService = live?.versionId;
    const broken = join(dir, 'PS_LibreAcces_Personne_activite_broken.txt');
    const [header = '', ...rest] = (await readFile(RPPS, 'utf8')).split('\n');
    await writeFile(broken, [header.replace('Code commune (coord. structure)', 'Commune'), ...rest].join('\n'), 'utf8');
    await expect(
      importIntoStorage({ rpps: broken, finess: FINESS }, importerSide.db, { communes }),
    ).rejects.toBeInstanceOf(ImportError);
    const versions = createDirectoryVersionRepository(importerSide.db);
    expect((await versions.current())?.versionId).toBe(inService);
    expect(await live?.refresh()).toBe(false);
    expect(live?.versionId).toBe(inService);
    const failed = await importerSide.db.query<{ state: string; entries: number }>(
      `SELECT v.state, (SELECT count(*)::int FROM directory_entries e WHERE e.version_id = v.id) AS entries
       FROM directory_versions v ORDER BY v.id DESC LIMIT 1`,
    );
    expect(failed.rows[0]).toEqual({ state: 'failed', entries: 0 });
  });
});

describe('storage sink on PGlite', () => {
  it('writes practitioners in batches and merges a professional whose lines were split across batches', async () => {
    const storage = await openStorage({ driver: 'pglite' });
    try {
      const summary = await importIntoStorage({ rpps: RPPS, finess: FINESS }, storage.db, { communes, batchSize: 1 });
      const versions = createDirectoryVersionRepository(storage.db);
      const stored = await versions.entry(summary.versionId, 'practitioner', '899990000012');
      const lafleur = JSON.parse(stored ?? '{}') as { places: { inseeCode?: string }[] };
      // Two searchable activities (SA07, SA05) of three: both places kept, the hospital one excluded.
      expect(lafleur.places.map((place) => place.inseeCode).sort()).toEqual(['75108', '75108']);
      const count = await storage.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM directory_entries WHERE version_id = $1 AND kind = 'practitioner'`,
        [summary.versionId],
      );
      expect(count.rows[0]?.n).toBe(summary.rpps.kept);
    } finally {
      await storage.close();
    }
  }, 60_000);
});
