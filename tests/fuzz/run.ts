// `npm run fuzz`: the long fuzzing run. Default: 100,000 launch inputs (URLs and argv arrays) through parseLaunch and
// 10,000 hostile bundles through mapSlotBundle. Prints counts, time and every kind of violation; saves crashing (and
// contract-breaking) inputs under tests/fixtures/fuzz-crashes/; exits 1 when anything was found.
//
//   tsx tests/fuzz/run.ts [--launches N] [--bundles N] [--seed S] [--replay <crash file>]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { bundleInput, launchInput, runBundleCampaign, runLaunchCampaign, type TargetReport } from './campaign';
import { checkBundle } from './bundle-oracle';
import type { CrashRecord } from './crashes';
import { checkLaunch } from './launch-oracle';

const { values } = parseArgs({
  options: {
    launches: { type: 'string', default: '100000' },
    bundles: { type: 'string', default: '10000' },
    seed: { type: 'string' },
    replay: { type: 'string' },
  },
});

function count(name: string, text: string | undefined): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} : nombre entier attendu (reçu « ${text ?? ''} »)`);
    process.exit(2);
  }
  return n;
}

function replay(file: string): never {
  const crash = JSON.parse(readFileSync(file, 'utf8')) as CrashRecord;
  const built =
    crash.target === 'parseLaunch'
      ? launchInput(crash.runSeed, crash.index)
      : bundleInput(crash.runSeed, crash.index, crash.costlyShare);
  const verdict = crash.target === 'parseLaunch' ? checkLaunch(built.input, built.options) : checkBundle(built.input);
  console.log(`${crash.target} #${crash.index} (graine ${crash.runSeed}) : ${built.transformations.join(' + ')}`);
  for (const v of verdict.violations) console.log(`  ${v.kind} — ${v.detail}`);
  console.log(
    verdict.violations.length === 0
      ? '  plus aucune violation : corrigé.'
      : `  ${verdict.violations.length} violation(s).`,
  );
  process.exit(verdict.violations.length === 0 ? 0 : 1);
}

function print(report: TargetReport): void {
  const rate = Math.round(report.inputs / (report.elapsedMs / 1000));
  const acceptedLabel = report.target === 'parseLaunch' ? 'lancements valides' : 'bundles avec créneaux';
  console.log(`\n${report.target}`);
  console.log(
    `  entrées          ${report.inputs.toLocaleString('fr-FR')} (${report.accepted.toLocaleString('fr-FR')} ${acceptedLabel})`,
  );
  console.log(
    `  durée            ${(report.elapsedMs / 1000).toFixed(1)} s (${rate.toLocaleString('fr-FR')} entrées/s, la plus lente ${report.slowestInputMs.toFixed(1)} ms, n° ${report.slowestIndex})`,
  );
  console.log(`  plantages        ${report.violations.crash}`);
  console.log(`  contrat rompu    ${report.violations.contract}`);
  console.log(`  données patient  ${report.violations.privacy}`);
  const details = [...report.byDetail].sort((a, b) => b[1] - a[1]);
  for (const [detail, n] of details.slice(0, 15)) console.log(`    ${String(n).padStart(7)} × ${detail}`);
  for (const example of report.examples.slice(0, 5)) {
    console.log(
      `  exemple #${example.index} [${example.transformations.join(' + ')}] ${example.kind}: ${example.detail}`,
    );
    console.log(`    ${example.preview}`);
  }
  for (const file of report.savedFiles) console.log(`  enregistré : ${file}`);
}

if (values.replay) replay(values.replay);

const runSeed = values.seed === undefined ? (Date.now() & 0x7fffffff) >>> 0 : count('seed', values.seed);
const launches = count('launches', values.launches);
const bundles = count('bundles', values.bundles);
console.log(`Fuzzing — graine ${runSeed} (rejouer : --seed ${runSeed})`);

const reports = [
  runLaunchCampaign({ runSeed, count: launches, save: true, maxSaved: 10 }),
  runBundleCampaign({ runSeed, count: bundles, save: true, maxSaved: 10 }),
];
for (const report of reports) print(report);

const found = reports.reduce((n, r) => n + r.violations.crash + r.violations.contract + r.violations.privacy, 0);
const saved = reports.reduce((n, r) => n + r.savedFiles.length, 0);
console.log(
  found === 0
    ? '\nAucune violation.'
    : `\n${found} violation(s) : voir ci-dessus${saved > 0 ? ` et les ${saved} entrée(s) enregistrée(s) sous tests/fixtures/fuzz-crashes/ (rejouer : --replay <fichier>)` : ''}.`,
);
process.exit(found === 0 ? 0 : 1);
