// `npm run soak`: the load run against the training backend. Default: 60 s, 50 concurrent searches, 5 publishers
// posting RDV V3 appointments, booked by the three active training regulators; then every appointment is read back
// through the console API. Prints latencies (p50 / p95 / max) and throughput; exits 1 on any error.
//
//   tsx tests/soak/run.ts [--duration 60] [--searchers 50] [--posters 5]
import { parseArgs } from 'node:util';
import { startTrainingEnvironment } from '../../backend/training/environment';
import { formatReport, runLoad } from './load';
import { ACTIVE_TRAINING_REGULATORS } from './regulators';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    searchers: { type: 'string', default: '50' },
    posters: { type: 'string', default: '5' },
  },
});

function positive(name: string, text: string | undefined): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`--${name} : nombre positif attendu (reçu « ${text ?? ''} »)`);
    process.exit(2);
  }
  return n;
}

const durationMs = positive('duration', values.duration) * 1000;
const searchers = Math.round(positive('searchers', values.searchers));
const posters = Math.round(positive('posters', values.posters));

// Simulated publishers answer in 20-150 ms (the default profile is 40-400 ms: slower, fewer searches per second).
// 50 simulated workstations share one login: the per-token caps are raised to match (they are tested on their own).
const env = await startTrainingEnvironment({
  latency: { minMs: 20, maxMs: 150 },
  backend: { limits: { searchesPerToken: 64, streamsPerToken: 64 } },
});
try {
  const memoryBefore = process.memoryUsage();
  const report = await runLoad(env, {
    durationMs,
    searchers,
    posters,
    operators: ACTIVE_TRAINING_REGULATORS,
    appointmentsPerOperator: 200,
    log: (line) => console.log(line),
  });
  const memoryAfter = process.memoryUsage();
  console.log(formatReport(report));
  console.log(
    `Mémoire du processus (backend compris) : tas ${(memoryBefore.heapUsed / 2 ** 20).toFixed(0)} → ${(memoryAfter.heapUsed / 2 ** 20).toFixed(0)} Mio, RSS ${(memoryBefore.rss / 2 ** 20).toFixed(0)} → ${(memoryAfter.rss / 2 ** 20).toFixed(0)} Mio`,
  );
  process.exitCode = report.errors.length === 0 ? 0 : 1;
} finally {
  await env.close();
}
