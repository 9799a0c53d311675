// `npm run --silent directory -- <command>`: import the national files into a directory file, show an entry.
//   import --rpps <PS_LibreAcces_Personne_activite*.txt> --finess <etalab-cs1100507-stock-*.csv>
//          [--participation <csv>] [--sos-sites <csv>] [--publishers <csv>] [--geocoder-url <url>] [--out <json>]
//   show <national id | FINESS> --directory <json>
// The summary (import) or the entry (show) is JSON on stdout; progress and errors on stderr, in French.
import { parseArgs } from 'node:util';
import { loadGeoData } from '../geo';
import { loadDirectory } from './index';
import { createBatchGeocoder } from './import/geocoder-csv';
import { importDirectory, ImportError } from './import/importer';
import { createJsonFileSink } from './import/sink';

const USAGE = `usage :
  directory import --rpps <fichier> --finess <fichier> [--participation <csv>] [--sos-sites <csv>] [--publishers <csv>] [--geocoder-url <url>] [--out <fichier json>]
  directory show <identifiant national | FINESS> --directory <fichier json>`;

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
      out: { type: 'string', default: 'care-offer.json' },
      'progress-every': { type: 'string', default: '100000' },
    },
    strict: true,
  });
  if (!values.rpps || !values.finess) {
    process.stderr.write(`--rpps et --finess sont obligatoires\n${USAGE}\n`);
    return 2;
  }
  const geo = await loadGeoData();
  const summary = await importDirectory(
    {
      rpps: values.rpps,
      finess: values.finess,
      ...(values.participation ? { participation: values.participation } : {}),
      ...(values['sos-sites'] ? { sosSites: values['sos-sites'] } : {}),
      ...(values.publishers ? { publishers: values.publishers } : {}),
    },
    createJsonFileSink(values.out),
    {
      communes: geo.communes,
      ...(values['geocoder-url'] ? { geocoder: createBatchGeocoder({ url: values['geocoder-url'] }) } : {}),
      progressEvery: Number(values['progress-every']) || 100_000,
      progress: (line) => process.stderr.write(`${line}\n`),
    },
  );
  process.stdout.write(`${JSON.stringify({ out: values.out, ...summary }, null, 2)}\n`);
  return 0;
}

async function runShow(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { directory: { type: 'string' } },
    strict: true,
    allowPositionals: true,
  });
  const id = positionals[0]?.trim();
  if (!id || !values.directory) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const { directory } = await loadDirectory(values.directory);
  const entry =
    directory.getPractitioner(id) ??
    directory.getCpts(id) ??
    directory.structures.find((structure) => structure.finess === id) ??
    directory.getSosSite(id);
  if (!entry) {
    process.stderr.write(`aucune entrée « ${id} » dans ${values.directory}\n`);
    return 1;
  }
  process.stdout.write(`${JSON.stringify(entry, null, 2)}\n`);
  return 0;
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
