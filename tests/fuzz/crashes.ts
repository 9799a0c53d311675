// Saves what broke a parser under tests/fixtures/fuzz-crashes/, so the failure is replayed by a test (and by the
// lead) without re-running the campaign. JSON-able inputs are stored as they are; others (proxies, deep or cyclic
// values) by the run seed and index that rebuild them.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Violation } from './launch-oracle';

const CRASH_DIR = fileURLToPath(new URL('../fixtures/fuzz-crashes/', import.meta.url));

export interface CrashRecord {
  target: 'parseLaunch' | 'mapSlotBundle';
  /** How to rebuild the input: `tsx tests/fuzz/run.ts --replay <file>` uses these. */
  runSeed: number;
  index: number;
  transformations: string[];
  /** Bundles: the share of costly damages the run used (part of the recipe). */
  costlyShare?: number;
  violations: Violation[];
  /** The input itself when it survives JSON; absent otherwise. */
  input?: unknown;
}

function serialisable(input: unknown): unknown {
  try {
    const text = JSON.stringify(input, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value));
    return text === undefined || text.length > 2_000_000 ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

/** Writes one crash file (named by target and a hash of its recipe) and returns its path. */
export function saveCrash(record: CrashRecord, dir: string = CRASH_DIR): string {
  mkdirSync(dir, { recursive: true });
  const stored: CrashRecord = { ...record, input: serialisable(record.input) };
  const kind = record.violations[0]?.kind ?? 'crash';
  const hash = createHash('sha256')
    .update(`${record.target}:${record.runSeed}:${record.index}:${kind}`)
    .digest('hex')
    .slice(0, 12);
  const file = join(dir, `${record.target}-${kind}-${hash}.json`);
  writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, 'utf8');
  return file;
}
