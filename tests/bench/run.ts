// `npm run bench`: the benchmarks, printed as one table (figure, target, ratio, met) with min / median / max
// over several runs, each run measuring its figure and its target side by side. Benchmarks, not tests: the exit
// code is non-zero only when a benchmark itself crashed (1) or the arguments are wrong (2), never for a figure.
//   --smoke        1 run of each, small sizes (what .ci/run calls so this code does not rot)
//   --runs <n>     measured runs per row (default 5; 1 with --smoke), after one warm-up run
//   --json <file>  also write the results as JSON
//   --only <ids>   some groups only, e.g. --only P1,P4 (P1/P2 latency, P3 baseline, P4 mapping, P5 renderer,
//                  P6 concurrency, P7 bundle size, P8 directory search, P9 directory import)
//   --renderer-dir <dir>  measure an existing renderer build instead of building one
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { RowCollector, summarize, type RowSpec, type RunMeasure } from './lib/rows';
import { renderDetails, renderTable } from './lib/table';
import { benchMapping, P4 } from './mapping/mapping-bench';
import { buildRenderer, bundleSizes, INITIAL_BUDGET_KB, kilobytes, P7_INITIAL, P7_LAZY } from './renderer/build';
import { benchRenderer, P5_LIST, P5_PAN } from './renderer/renderer-bench';
import { serveRenderer } from './renderer/static-server';
import {
  benchAgainstBaseline,
  createBaseline,
  P3_FAULTY,
  P3_FAULTY_PUBLISHERS,
  P3_HEALTHY,
  P3_HEALTHY_PUBLISHERS,
} from './search/baseline-bench';
import { benchConcurrency, P6, P6_ERRORS } from './search/concurrency-bench';
import { benchLatency, benchSetAside, P1, P2_ANSWERING, P2_COMPLETE, P2_SET_ASIDE } from './search/latency-bench';
import { DEFAULT_PUBLISHER_TIMEOUT_MS } from '../../backend/app';
import { benchDirectoryImport, benchDirectorySearch, P8_SPECS, P9_SPECS } from './directory/directory-rows';
import { startBenchStack, type BenchStack } from './setup/bench-stack';

const GROUPS = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9'] as const;

interface Settings {
  smoke: boolean;
  runs: number;
  warmups: number;
  json?: string;
  only: Set<string>;
  rendererDir?: string;
  budgetMs: number;
  mappingSlots: number;
  listResults: number;
  mapMarkers: number;
  panFrames: number;
  concurrent: number;
  nationalDoctors: number;
  importLines: number;
}

function readSettings(argv: string[]): Settings {
  const { values } = parseArgs({
    args: argv,
    options: {
      smoke: { type: 'boolean', default: false },
      runs: { type: 'string' },
      json: { type: 'string' },
      only: { type: 'string' },
      'renderer-dir': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const smoke = values.smoke ?? false;
  const runs = values.runs === undefined ? (smoke ? 1 : 5) : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 100)
    throw new UsageError(`--runs must be an integer from 1 to 100 (got "${values.runs}")`);
  const only = new Set(
    (values.only ?? GROUPS.join(','))
      .split(',')
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean),
  );
  for (const id of only)
    if (!(GROUPS as readonly string[]).includes(id))
      throw new UsageError(`--only: unknown group "${id}" (known: ${GROUPS.join(', ')})`);
  return {
    smoke,
    runs,
    warmups: smoke ? 0 : 1,
    ...(values.json ? { json: values.json } : {}),
    only,
    ...(values['renderer-dir'] ? { rendererDir: values['renderer-dir'] } : {}),
    budgetMs: 1_500,
    mappingSlots: smoke ? 1_000 : 10_000,
    listResults: smoke ? 100 : 1_000,
    mapMarkers: smoke ? 500 : 5_000,
    panFrames: smoke ? 10 : 40,
    concurrent: smoke ? 5 : 50,
    nationalDoctors: smoke ? 20_000 : 230_000,
    importLines: smoke ? 20_000 : 1_000_000,
  };
}

class UsageError extends Error {}

const progress = (message: string) => process.stderr.write(`· ${message}\n`);

/** Runs one benchmark; if it crashes, its rows are reported as crashed and the others still run. */
async function measure(
  rows: RowCollector,
  specs: RowSpec[],
  run: () => Promise<{ runs: RunMeasure[]; notes?: string[] }[]>,
): Promise<void> {
  const started = performance.now();
  progress(`${specs.map((s) => s.id).join(', ')}…`);
  try {
    const results = await run();
    specs.forEach((spec, i) => rows.add(spec, results[i]?.runs ?? [], results[i]?.notes ?? []));
  } catch (error) {
    for (const spec of specs) rows.failed(spec, error);
    progress(`  crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  progress(`  ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function main(settings: Settings): Promise<RowCollector> {
  const rows = new RowCollector();
  const wants = (id: string) => settings.only.has(id);
  const repeat = { runs: settings.runs, warmups: settings.warmups };
  const scratch = await mkdtemp(join(tmpdir(), 'sas-bench-'));
  try {
    let rendererDir = settings.rendererDir;
    if ((wants('P5') || wants('P7')) && !rendererDir) {
      progress('vite build (renderer)…');
      rendererDir = join(scratch, 'renderer');
      await buildRenderer(rendererDir).catch((error: unknown) => {
        rendererDir = undefined;
        for (const spec of [P7_INITIAL, P7_LAZY, P5_LIST(settings.listResults), P5_PAN(settings.mapMarkers)])
          rows.failed(spec, error);
      });
    }
    if (wants('P7') && rendererDir) {
      const dir = rendererDir;
      await measure(rows, [P7_INITIAL, P7_LAZY], async () => {
        const sizes = await bundleSizes(dir);
        const sum = (chunks: { gzipBytes: number }[]) => kilobytes(chunks.reduce((total, c) => total + c.gzipBytes, 0));
        const describe = (chunks: { file: string; bytes: number; gzipBytes: number }[]) =>
          chunks
            .map(
              (c) => `${c.file} ${kilobytes(c.bytes).toFixed(1)} KB raw, ${kilobytes(c.gzipBytes).toFixed(1)} KB gzip`,
            )
            .join('; ');
        return [
          {
            runs: [{ figure: sum(sizes.initial), target: INITIAL_BUDGET_KB }],
            notes: [
              `initial: ${describe(sizes.initial)} (1 KB = 1000 bytes, node:zlib gzip default level; sizes do not vary between runs: measured once).`,
            ],
          },
          { runs: [{ figure: sum(sizes.lazy) }], notes: [`lazy: ${describe(sizes.lazy)}.`] },
        ];
      });
    }
    if (wants('P4')) {
      await measure(rows, [P4], async () => [
        await benchMapping({ ...repeat, warmups: settings.smoke ? 0 : 2, slots: settings.mappingSlots }),
      ]);
    }
    if (wants('P5') && rendererDir) {
      const server = await serveRenderer(rendererDir);
      try {
        await measure(rows, [P5_LIST(settings.listResults), P5_PAN(settings.mapMarkers)], async () => {
          const result = await benchRenderer({
            url: server.url,
            ...repeat,
            listResults: settings.listResults,
            mapMarkers: settings.mapMarkers,
            panFrames: settings.panFrames,
          });
          return [{ runs: result.list }, { runs: result.pan, notes: result.notes }];
        });
      } finally {
        await server.close();
      }
    }
    if (wants('P8')) {
      await measure(rows, P8_SPECS, () => benchDirectorySearch({ doctors: settings.nationalDoctors, ...repeat }));
    }
    if (wants('P9')) {
      // One import per run, each of ~3 minutes at full size: at most 2 runs.
      await measure(rows, P9_SPECS, () =>
        benchDirectoryImport({ lines: settings.importLines, runs: Math.min(settings.runs, 2) }),
      );
    }
    if (wants('P1') || wants('P2') || wants('P3') || wants('P6')) {
      progress('starting 20 simulated publishers and the SAS backend…');
      let stack: BenchStack | undefined;
      try {
        stack = await startBenchStack({ budgetMs: settings.budgetMs });
      } catch (error) {
        const specs = [
          P1,
          P2_ANSWERING,
          P2_COMPLETE,
          P3_FAULTY,
          P3_FAULTY_PUBLISHERS,
          P3_HEALTHY,
          P3_HEALTHY_PUBLISHERS,
          P6,
          P6_ERRORS,
          P2_SET_ASIDE,
        ];
        for (const spec of specs) if (wants(spec.id.slice(0, 2))) rows.failed(spec, error);
      }
      if (stack) {
        const s = stack;
        try {
          if (wants('P1') || wants('P2')) {
            await measure(rows, [P1, P2_ANSWERING, P2_COMPLETE], async () => {
              const result = await benchLatency(s, repeat);
              return [
                { runs: result.p1, notes: result.notes },
                { runs: result.answering },
                {
                  runs: result.complete,
                  notes: [
                    'The budget runs from the backend receiving the search (locating and selecting the offer come out of it); 20 ms of it are kept to send the last events.',
                  ],
                },
              ];
            });
          }
          if (wants('P3')) {
            const baseline = await createBaseline(s);
            try {
              for (const [faulty, specs] of [
                [true, [P3_FAULTY, P3_FAULTY_PUBLISHERS]],
                [false, [P3_HEALTHY, P3_HEALTHY_PUBLISHERS]],
              ] as const) {
                await measure(rows, [...specs], async () => {
                  const result = await benchAgainstBaseline(s, baseline, { ...repeat, faulty });
                  return [{ runs: result.all, notes: result.notes }, { runs: result.publishers }];
                });
              }
            } finally {
              await baseline.close();
            }
          }
          // Leaves the circuit breaker open on the faulty publishers for a minute: after the other faulty-setup rows.
          if (wants('P2')) await measure(rows, [P2_SET_ASIDE], async () => [{ runs: await benchSetAside(s, repeat) }]);
          if (wants('P6')) {
            await measure(rows, [P6, P6_ERRORS], async () => {
              // A fresh backend (circuit breaker closed) with the platform's 7 s budget: under load, requests wait for
              // a connection, and a short budget would turn that wait into timeouts and publishers set aside.
              await s.restartBackend(DEFAULT_PUBLISHER_TIMEOUT_MS);
              const result = await benchConcurrency(s, { ...repeat, concurrent: settings.concurrent });
              return [{ runs: result.p95, notes: result.notes }, { runs: result.errors }];
            });
          }
        } finally {
          await s.close();
        }
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return rows;
}

let settings: Settings;
try {
  settings = readSettings(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`npm run bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
const started = performance.now();
const startedAt = new Date();
const rows = await main(settings);
const elapsedS = (performance.now() - started) / 1000;
const machine = `${cpus().length} cores, Node ${process.versions.node}`;
process.stdout.write(
  `\nSAS Console benchmarks (${settings.smoke ? 'SMOKE: 1 run, small sizes — figures not meaningful' : `${settings.runs} runs after ${settings.warmups} warm-up`}; ${machine}; ${elapsedS.toFixed(0)} s)\n\n` +
    `${renderTable(rows.rows)}\n\nfigure and target: median [min–max] over the runs; ratio = figure ÷ target, per run ` +
    `(a "≤" target is met at ratio ≤ 1, a "≥" target at ratio ≥ 1); met: from the median ratio, and in how many runs.\n\n` +
    `${renderDetails(rows.rows)}\n`,
);
if (settings.json) {
  const document = {
    startedAt: startedAt.toISOString(),
    elapsedS,
    machine: { cores: cpus().length, node: process.versions.node },
    mode: settings.smoke ? 'smoke' : 'full',
    runs: settings.runs,
    warmups: settings.warmups,
    rows: rows.rows.map((row) => ({ ...row, summary: summarize(row) })),
  };
  await writeFile(settings.json, `${JSON.stringify(document, null, 2)}\n`, 'utf8');
  progress(`results written to ${settings.json}`);
}
process.exitCode = rows.crashed ? 1 : 0;
