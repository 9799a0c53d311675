// Short version of `npm run soak`: 50 concurrent searches and RDV V3 posts for a few seconds against
// the training backend (in this process). No error of any kind; every posted appointment read back, with its last
// status, through the console API by the regulator who booked it. Prints the latency figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTrainingEnvironment, type TrainingEnvironment } from '@backend/training/environment';
import { formatReport, runLoad } from '../../soak/load';
import { ACTIVE_TRAINING_REGULATORS } from '../../soak/regulators';

let env: TrainingEnvironment;

beforeAll(async () => {
  // The load stands for 50 workstations but logs in once: one token carries every search, so the per-token cap
  // (tested on its own in tests/integration/limits) is raised to the number of simulated workstations.
  env = await startTrainingEnvironment({
    latency: { minMs: 20, maxMs: 150 },
    backend: { limits: { searchesPerToken: 64, streamsPerToken: 64 } },
  });
}, 60_000);

afterAll(async () => {
  await env?.close();
});

describe('load on the training backend (short run)', () => {
  it('50 concurrent searches and V3 posts for 5 s: no error, every appointment retrievable', async () => {
    const active = env.dataset.regulators
      .filter((r) => r.active)
      .map((r) => r.nationalId)
      .sort();
    expect([...ACTIVE_TRAINING_REGULATORS].sort()).toEqual(active);
    const report = await runLoad(env, {
      durationMs: 5_000,
      searchers: 50,
      posters: 5,
      operators: ACTIVE_TRAINING_REGULATORS,
      appointmentsPerOperator: 60,
    });
    console.log(formatReport(report));
    expect(report.errors).toEqual([]);
    expect(report.searches.count).toBeGreaterThanOrEqual(50);
    expect(report.firstSlots.count).toBeGreaterThan(0);
    expect(report.appointmentsCreated).toBeGreaterThan(0);
    expect(report.readBack).toEqual({
      expected: report.appointmentsCreated,
      found: report.appointmentsCreated,
      wrongStatus: 0,
    });
  }, 60_000);
});
