// P8: the directory part of a search and the time to its `offer` event, on the training offer (640 practitioners)
// and on a generated national one (230,000 doctors; 20,000 in smoke), Paris and a rural department (Lozère), and
// the size of a whole-department (Yvelines) offer line. P9: import throughput and peak memory on a generated RPPS
// file (1,000,000 lines; 20,000 in smoke), in a child process so the peak is the import's own.
import { fork } from 'node:child_process';
import type { SearchQuery } from '@shared/domain/search';
import { loadTrainingDataset } from '@backend/training/dataset';
import type { RowSpec, RunMeasure } from '../lib/rows';
import type { ImportBenchRow } from './import-bench';
import { generateNationalOffer } from './national-offer';
import { prepareOfferBench, type OfferMeasure } from './offer-bench';

const spec = (id: string, title: string, unit: string, target?: string): RowSpec => ({
  id,
  title,
  unit,
  direction: target ? 'at-most' : 'none',
  targetRule: target ?? '(reference)',
  ...(target ? { constantTarget: true } : {}),
});

const P8_TRAINING_DIRECTORY = spec('P8a', 'directory part, training offer (640), Bordeaux GM', 'ms');
const P8_TRAINING_OFFER = spec('P8b', 'offer event, training offer (640), Bordeaux GM', 'ms');
const P8_PARIS_DIRECTORY = spec('P8c', 'directory part, national offer, Paris GM', 'ms', '≤ 15 ms');
const P8_PARIS_OFFER = spec('P8d', 'offer event, national offer, Paris GM', 'ms', '≤ 100 ms');
const P8_RURAL_DIRECTORY = spec('P8e', 'directory part, national offer, Mende (Lozère) GM', 'ms', '≤ 15 ms');
const P8_RURAL_OFFER = spec('P8f', 'offer event, national offer, Mende (Lozère) GM', 'ms', '≤ 100 ms');
const P8_DEPARTMENT_LINE = spec('P8g', 'offer line, whole Yvelines department', 'KB', '≤ 1024 KB');
const P9_IMPORT = spec('P9a', 'RPPS import into storage (throughput)', 'lines/s');
const P9_IMPORT_RSS = spec('P9b', 'RPPS import into storage (peak RSS)', 'MB');

export const P8_SPECS = [
  P8_TRAINING_DIRECTORY,
  P8_TRAINING_OFFER,
  P8_PARIS_DIRECTORY,
  P8_PARIS_OFFER,
  P8_RURAL_DIRECTORY,
  P8_RURAL_OFFER,
  P8_DEPARTMENT_LINE,
];
export const P9_SPECS = [P9_IMPORT, P9_IMPORT_RSS];

const BORDEAUX: SearchQuery = { location: { inseeCode: '33063', city: 'Bordeaux' } };
const PARIS: SearchQuery = { location: { inseeCode: '75056', city: 'Paris' } };
const MENDE: SearchQuery = { location: { inseeCode: '48095', city: 'Mende' } };

const timing = (m: OfferMeasure, which: 'directory' | 'offer', target?: number): RunMeasure => ({
  figure: which === 'directory' ? m.directoryMs : m.offerMs,
  ...(target !== undefined ? { target } : {}),
  extra: { directoryCpuMs: m.directoryCpuMs, shown: m.practitionersShown, total: m.practitionersTotal },
});

type Results = { runs: RunMeasure[]; notes?: string[] }[];

export async function benchDirectorySearch(options: {
  doctors: number;
  runs: number;
  warmups: number;
}): Promise<Results> {
  const training = await prepareOfferBench((await loadTrainingDataset()).careOffer);
  const generating = performance.now();
  const national = await prepareOfferBench(await generateNationalOffer(options.doctors));
  const generatedS = (performance.now() - generating) / 1000;
  const rows: RunMeasure[][] = P8_SPECS.map(() => []);
  for (let run = 0; run < options.warmups + options.runs; run += 1) {
    const t = await training.measure(BORDEAUX);
    const paris = await national.measure(PARIS);
    const rural = await national.measure(MENDE);
    const department = await national.measure({ location: {} }, { department: '78' });
    if (run < options.warmups) continue;
    const measures = [
      timing(t, 'directory'),
      timing(t, 'offer'),
      timing(paris, 'directory', 15),
      timing(paris, 'offer', 100),
      timing(rural, 'directory', 15),
      timing(rural, 'offer', 100),
      {
        figure: department.offerLineBytes / 1024,
        target: 1024,
        extra: { shown: department.practitionersShown, total: department.practitionersTotal },
      },
    ];
    measures.forEach((measure, i) => rows[i]?.push(measure));
  }
  const notes = [
    `National offer: ${national.practitioners} generated doctors (tests/bench/directory/national-offer.ts), ` +
      `generated and indexed in ${generatedS.toFixed(1)} s (indexes ${(national.buildMs / 1000).toFixed(1)} s). ` +
      'In process: the search service with the offline commune geocoder, stopped at its offer event; directory part = ' +
      'time inside the directory calls (radius enlargement counts, offer query, structures); CPU time in the details.',
  ];
  return rows.map((runs, i) => (i === 0 ? { runs, notes } : { runs }));
}

/** One import in a child process (its own peak RSS), through the same loader as this process. */
function importInChild(lines: number): Promise<ImportBenchRow> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./import-bench.ts', import.meta.url).pathname, ['--lines', String(lines), '--json'], {
      execArgv: process.execArgv,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = output.split('\n').find((l) => l.startsWith('{'));
      if (code === 0 && line) resolve(JSON.parse(line) as ImportBenchRow);
      else reject(new Error(`import benchmark exited ${code}: ${output.slice(-2000)}`));
    });
  });
}

export async function benchDirectoryImport(options: { lines: number; runs: number }): Promise<Results> {
  const throughput: RunMeasure[] = [];
  const rss: RunMeasure[] = [];
  let last: ImportBenchRow | undefined;
  for (let run = 0; run < options.runs; run += 1) {
    last = await importInChild(options.lines);
    throughput.push({
      figure: last.linesPerSecond,
      extra: { lines: last.lines, kept: last.kept, seconds: last.seconds },
    });
    rss.push({ figure: last.peakRssMB, extra: { lines: last.lines } });
  }
  return [
    {
      runs: throughput,
      notes: [
        `Import: ${last?.lines ?? 0} generated RPPS lines (${last?.fileMB ?? 0} MB) into a new version of an embedded ` +
          'PGlite database, batches of 1,000 practitioners. PGlite alone peaks at ~850 MB RSS when it creates its ' +
          'database (WebAssembly); the import adds little and does not grow with the file.',
      ],
    },
    { runs: rss },
  ];
}
