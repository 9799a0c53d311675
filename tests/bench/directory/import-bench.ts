// `npx tsx tests/bench/directory/import-bench.ts [--lines 1000000]`: generates a synthetic RPPS file and imports it
// (with the test FINESS fixture), printing one row: lines/s and the peak RSS of this process.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importDirectory } from '@backend/directory/import/importer';
import { createJsonFileSink } from '@backend/directory/import/sink';
import { loadGeoData } from '@backend/geo';
import { writeSyntheticRpps } from './rpps-generator';

export async function benchImport(lines: number) {
  const dir = await mkdtemp(join(tmpdir(), 'rpps-bench-'));
  try {
    const rpps = join(dir, 'PS_LibreAcces_Personne_activite_bench.txt');
    await writeSyntheticRpps(rpps, lines);
    const { size } = await stat(rpps);
    const communes = (await loadGeoData()).communes;
    const finess = join(import.meta.dirname, '../../fixtures/directory/etalab-cs1100507-stock-20261008-0336.csv');
    const started = performance.now();
    const summary = await importDirectory({ rpps, finess }, createJsonFileSink(join(dir, 'offer.json')), { communes });
    const seconds = (performance.now() - started) / 1000;
    return {
      lines: summary.rpps.lines,
      fileMB: Math.round(size / 1e5) / 10,
      kept: summary.rpps.kept,
      seconds: Math.round(seconds * 10) / 10,
      linesPerSecond: Math.round(summary.rpps.lines / seconds),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({ options: { lines: { type: 'string', default: '1000000' } } });
  const row = await benchImport(Number(values.lines));
  process.stdout.write(
    `import RPPS | ${row.lines} lignes (${row.fileMB} Mo) | ${row.linesPerSecond} lignes/s | RSS max ${row.peakRssMB} Mo | ${row.kept} retenus en ${row.seconds} s\n`,
  );
}
