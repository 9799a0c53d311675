// `npm run --silent directory -- <command>`: import the national files into storage (a new version, made current
// when complete) or a directory file, show an entry.
//   import --rpps <PS_LibreAcces_Personne_activite*.txt> --finess <etalab-cs1100507-stock-*.csv>
//          [--participation <csv>] [--sos-sites <csv>] [--publishers <csv>] [--geocoder-url <url>]
//          [--data-dir <dir> | --config <backend config> | --out <json>]
//   show <national id | FINESS> [--data-dir <dir> | --config <backend config> | --directory <json>]
// The summary (import) or the entry (show) is JSON on stdout; progress and errors on stderr, in French.
import { parseArgs } from 'node:util';
import { loadGeoData } from '../geo';
import { openCliStorage } from './cli-storage';
import { createDirectoryVersionRepository } from '../storage/directory-versions';
import { loadDirectory } from './index';
import { importIntoStorage } from './import/storage-import';
import { createBatchGeocoder } from './import/geocoder-csv';
import { importDirectory, ImportError } from './import/importer';
import { createJsonFileSink } from './import/sink';

const USAGE = `usage :
  directory import --rpps <fichier> --finess <fichier> [--participation <csv>] [--sos-sites <csv>] [--publishers <csv>] [--geocoder-url <url>] [--data-dir <dossier> | --config <configuration du backend> | --out <fichier json>]
  directory show <identifiant national | FINESS> [--data-dir <dossier> | --config <configuration du backend> | --directory <fichier json>]`;

async function runImport(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      rpps: { type: 'string' },
      finess: { type: 'string' },
      participation: { type: 'string' },
      'sos-sites': { type: 'string' },
      publishers: { type: 'string' },
      'geocoder-url': { type: 'string' },
      out: { type: 'string' },
      'data-dir': { type: 'string' },
      config: { type: 'string' },
      'progress-every': { type: 'string', default: '100000' },
    },
    strict: true,
  });
  if (!values.rpps || !values.finess) {
    process.stderr.write(`--rpps et --finess sont obligatoires\n${USAGE}\n`);
    return 2;
  }
  const geo = await loadGeoData();
  const sources = {
    rpps: values.rpps,
    finess: values.finess,
    ...(values.participation ? { participation: values.participation } : {}),
    ...(values['sos-sites'] ? { sosSites: values['sos-sites'] } : {}),
    ...(values.publishers ? { publishers: values.publishers } : {}),
  };
  const options = {
    communes: geo.communes,
    ...(values['geocoder-url'] ? { geocoder: createBatchGeocoder({ url: values['geocoder-url'] }) } : {}),
    progressEvery: Number(values['progress-every']) || 100_000,
    progress: (line: string) => process.stderr.write(`${line}\n`),
  };
  const storage = values.out ? undefined : await openCliStorage(values);
  if (storage) {
    try {
      const summary = await importIntoStorage(sources, storage.db, options);
      process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    } finally {
      await storage.close();
    }
    return 0;
  }
  const out = values.out ?? 'care-offer.json';
  const summary = await importDirectory(sources, createJsonFileSink(out), options);
  process.stdout.write(`${JSON.stringify({ out, ...summary }, null, 2)}\n`);
  return 0;
}

async function runShow(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { directory: { type: 'string' }, 'data-dir': { type: 'string' }, config: { type: 'string' } },
    strict: true,
    allowPositionals: true,
  });
  const id = positionals[0]?.trim();
  const where = values.directory ?? values['data-dir'] ?? values.config;
  if (!id || !where) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const entry = await findEntry(id, values);
  if (!entry) {
    process.stderr.write(`aucune entrée « ${id} » dans ${where}\n`);
    return 1;
  }
  process.stdout.write(`${JSON.stringify(entry, null, 2)}\n`);
  return 0;
}

/** From a file: loaded whole. From storage: the one entry of the current version, without loading the rest. */
async function findEntry(
  id: string,
  values: { directory?: string | undefined; 'data-dir'?: string | undefined; config?: string | undefined },
): Promise<unknown> {
  if (values.directory) {
    const { directory } = await loadDirectory(values.directory);
    return (
      directory.getPractitioner(id) ?? directory.getCpts(id) ?? directory.getStructure(id) ?? directory.getSosSite(id)
    );
  }
  const storage = await openCliStorage(values);
  if (!storage) return undefined;
  try {
    const versions = createDirectoryVersionRepository(storage.db);
    const current = await versions.current();
    if (!current) return undefined;
    for (const kind of ['practitioner', 'cpts', 'structure', 'sos-site'] as const) {
      const data = await versions.entry(current.versionId, kind, id);
      if (data !== undefined) return JSON.parse(data) as unknown;
    }
    return undefined;
  } finally {
    await storage.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'import') return await runImport(rest);
    if (command === 'show') return await runShow(rest);
    process.stderr.write(`${USAGE}\n`);
    return 2;
  } catch (error) {
    if (error instanceof ImportError) process.stderr.write(`${error.message}\n`);
    else process.stderr.write(`erreur : ${(error as Error).message}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
