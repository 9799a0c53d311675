// `npx tsx tests/bench/directory/import-bench.ts [--lines 1000000] [--sink storage|json] [--pg-url <url>] [--json]`:
// generates a synthetic RPPS file and imports it (with the test FINESS fixture) into a new directory version of an
// embedded database in a temporary folder (`storage`; with `--pg-url`, a PostgreSQL server, in a throw-away schema)
// or into a directory file (`json`), then prints lines/s and the peak RSS of this process. Run alone in its
// process, so the peak is the import's. PGlite alone peaks at ~850 MB when it creates its database (WebAssembly).
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importDirectory } from '@backend/directory/import/importer';
import { createJsonFileSink } from '@backend/directory/import/sink';
import { importIntoStorage } from '@backend/directory/import/storage-import';
import { loadGeoData } from '@backend/geo';
import { openStorage } from '@backend/storage/index';
import { writeSyntheticRpps } from './rpps-generator';

export interface ImportBenchRow {
  sink: 'storage' | 'json';
  driver?: 'pglite' | 'postgres';
  lines: number;
  fileMB: number;
  kept: number;
  seconds: number;
  linesPerSecond: number;
  peakRssMB: number;
}

export async function benchImport(
  lines: number,
  sink: 'storage' | 'json' = 'storage',
  pgUrl?: string,
): Promise<ImportBenchRow> {
  const dir = await mkdtemp(join(tmpdir(), 'rpps-bench-'));
  try {
    const rpps = join(dir, 'PS_LibreAcces_Personne_activite_bench.txt');
    await writeSyntheticRpps(rpps, lines);
    const { size } = await stat(rpps);
    const communes = (await loadGeoData()).communes;
    const finess = join(import.meta.dirname, '../../fixtures/directory/etalab-cs1100507-stock-20261008-0336.csv');
    const schema = `sas_bench_${process.pid}`;
    const storage =
      sink !== 'storage'
        ? undefined
        : await openStorage(
            pgUrl ? { driver: 'postgres', url: pgUrl, schema } : { driver: 'pglite', dataDir: join(dir, 'db') },
          );
    const started = performance.now();
    try {
      const summary = storage
        ? await importIntoStorage({ rpps, finess }, storage.db, { communes })
        : await importDirectory({ rpps, finess }, createJsonFileSink(join(dir, 'offer.json')), { communes });
      const seconds = (performance.now() - started) / 1000;
      return {
        sink,
        ...(storage ? { driver: storage.db.driver } : {}),
        lines: summary.rpps.lines,
        fileMB: Math.round(size / 1e5) / 10,
        kept: summary.rpps.kept,
        seconds: Math.round(seconds * 10) / 10,
        linesPerSecond: Math.round(summary.rpps.lines / seconds),
        peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      };
    } finally {
      if (pgUrl && storage) await storage.db.query(`DROP SCHEMA ${schema} CASCADE`);
      await storage?.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      lines: { type: 'string', default: '1000000' },
      sink: { type: 'string', default: 'storage' },
      'pg-url': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const row = await benchImport(Number(values.lines), values.sink === 'json' ? 'json' : 'storage', values['pg-url']);
  process.stdout.write(
    values.json
      ? `${JSON.stringify(row)}\n`
      : `import RPPS (${row.driver ?? row.sink}) | ${row.lines} lignes (${row.fileMB} Mo) | ${row.linesPerSecond} lignes/s | RSS max ${row.peakRssMB} Mo | ${row.kept} retenus en ${row.seconds} s\n`,
  );
}
