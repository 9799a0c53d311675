// The fuzzing loops, shared by the long run (`npm run fuzz`) and the short one in the unit suite: input k of a run is
// rebuilt from (run seed, k), checked by its oracle, and every violation is counted, kept as an example, and (crashes
// and contract breaks) saved under tests/fixtures/fuzz-crashes/.
import type { ParseLaunchOptions } from '../../shared/launch/parse-launch';
import { hostileBundle, seedBundles } from './bundle-corpus';
import { checkBundle } from './bundle-oracle';
import { saveCrash, type CrashRecord } from './crashes';
import { launchArgv, mutatedLaunchUrl, seedLaunches } from './launch-corpus';
import { checkLaunch, type OracleVerdict, type ViolationKind } from './launch-oracle';
import { createRng, inputSeed } from './random';

type FuzzTarget = 'parseLaunch' | 'mapSlotBundle';

interface FuzzExample {
  index: number;
  kind: ViolationKind;
  detail: string;
  transformations: string[];
  /** A short, printable view of the input. */
  preview: string;
}

export interface TargetReport {
  target: FuzzTarget;
  inputs: number;
  /** Launch: inputs read as valid launches; bundles: inputs that gave at least one slot. */
  accepted: number;
  violations: Record<ViolationKind, number>;
  /** Distinct violation details (first line), with their counts. */
  byDetail: Map<string, number>;
  examples: FuzzExample[];
  savedFiles: string[];
  elapsedMs: number;
  slowestInputMs: number;
  /** Index of the slowest input (rebuild it with the run seed to look at it). */
  slowestIndex: number;
}

export interface CampaignOptions {
  runSeed: number;
  count: number;
  /** Save crash and contract inputs as fixtures (the long run); the unit suite only reports. */
  save?: boolean;
  /** At most this many files per kind of violation. */
  maxSaved?: number;
  maxExamples?: number;
  /** Bundles only: see `hostileBundle`. */
  costlyShare?: number;
}

/** How often the long run picks a costly damage (huge, deep or many-entry bundles). */
const DEFAULT_COSTLY_SHARE = 0.08;

const LAUNCH_SEEDS = seedLaunches();
const BUNDLE_SEEDS = seedBundles();

export interface BuiltInput {
  input: unknown;
  transformations: string[];
  options?: ParseLaunchOptions;
}

/** Launch input k of a run: half single URLs, half process argv arrays; sometimes with a list of known origins. */
export function launchInput(runSeed: number, index: number): BuiltInput {
  const rng = createRng(inputSeed(runSeed, index));
  const { url, mutations } = mutatedLaunchUrl(rng, LAUNCH_SEEDS);
  const asArgv = rng.chance(0.5);
  const options = rng.chance(0.2)
    ? { knownOrigins: rng.pick([['TEST-SAMU000'], [], ['SAMU-33', 'SAMU2A']]) }
    : undefined;
  return {
    input: asArgv ? launchArgv(rng, url) : url,
    transformations: asArgv ? [...mutations, 'argv'] : mutations,
    ...(options ? { options } : {}),
  };
}

/** Bundle input k of a run; `costlyShare` as in `hostileBundle` (part of the recipe: a replay passes it again). */
export function bundleInput(runSeed: number, index: number, costlyShare = DEFAULT_COSTLY_SHARE): BuiltInput {
  const rng = createRng(inputSeed(runSeed, index));
  const { input, damages } = hostileBundle(rng, BUNDLE_SEEDS, costlyShare);
  return { input, transformations: damages };
}

function preview(input: unknown): string {
  if (typeof input === 'string')
    return JSON.stringify(input.length > 160 ? `${input.slice(0, 160)}…(${input.length})` : input);
  if (Array.isArray(input))
    return `[${input.map((a) => (typeof a === 'string' ? preview(a) : typeof a)).join(', ')}]`.slice(0, 400);
  return typeof input === 'object' && input !== null ? '(objet)' : String(typeof input);
}

function emptyReport(target: FuzzTarget): TargetReport {
  return {
    target,
    inputs: 0,
    accepted: 0,
    violations: { crash: 0, contract: 0, privacy: 0 },
    byDetail: new Map(),
    examples: [],
    savedFiles: [],
    elapsedMs: 0,
    slowestInputMs: 0,
    slowestIndex: -1,
  };
}

function run(
  target: FuzzTarget,
  options: CampaignOptions,
  build: (runSeed: number, index: number) => BuiltInput,
  check: (built: BuiltInput) => OracleVerdict,
): TargetReport {
  const report = emptyReport(target);
  const savedPerKind = new Map<ViolationKind, number>();
  const started = performance.now();
  for (let index = 0; index < options.count; index += 1) {
    const built = build(options.runSeed, index);
    const t0 = performance.now();
    const { violations, accepted } = check(built);
    const took = performance.now() - t0;
    if (took > report.slowestInputMs) {
      report.slowestInputMs = took;
      report.slowestIndex = index;
    }
    report.inputs += 1;
    if (accepted) report.accepted += 1;
    const kinds = new Set<ViolationKind>();
    for (const v of violations) {
      report.violations[v.kind] += 1;
      const key = `${v.kind}: ${v.detail}`.slice(0, 200);
      report.byDetail.set(key, (report.byDetail.get(key) ?? 0) + 1);
      if (report.examples.length < (options.maxExamples ?? 20)) {
        report.examples.push({
          index,
          kind: v.kind,
          detail: v.detail,
          transformations: built.transformations,
          preview: preview(built.input),
        });
      }
      kinds.add(v.kind);
    }
    if (!options.save) continue;
    // Crashes and contract breaks become fixtures; patient data in messages is reported with examples only.
    for (const kind of [...kinds].filter((k) => k !== 'privacy')) {
      const saved = savedPerKind.get(kind) ?? 0;
      if (saved >= (options.maxSaved ?? 20)) continue;
      savedPerKind.set(kind, saved + 1);
      const crash: CrashRecord = {
        target,
        runSeed: options.runSeed,
        index,
        transformations: built.transformations,
        violations: violations.filter((v) => v.kind === kind),
        input: built.input,
        ...(target === 'mapSlotBundle' ? { costlyShare: options.costlyShare ?? DEFAULT_COSTLY_SHARE } : {}),
      };
      report.savedFiles.push(saveCrash(crash));
    }
  }
  report.elapsedMs = performance.now() - started;
  return report;
}

export function runLaunchCampaign(options: CampaignOptions): TargetReport {
  return run('parseLaunch', options, launchInput, (built) => checkLaunch(built.input, built.options));
}

export function runBundleCampaign(options: CampaignOptions): TargetReport {
  const share = options.costlyShare ?? DEFAULT_COSTLY_SHARE;
  return run(
    'mapSlotBundle',
    options,
    (seed, index) => bundleInput(seed, index, share),
    (built) => checkBundle(built.input),
  );
}
