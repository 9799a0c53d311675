// What a benchmark row measures and how it is judged. Each run measures the figure *and* its target side by side
// (targets such as "fastest publisher + 100 ms" are physical limits measured in that same run), so the ratio is
// computed per run, and the row reports min / median / max of figure, target and ratio.
import { spread, type Spread } from './stats';

/** `at-most`: met when figure ≤ target; `at-least`: met when figure ≥ target; `none`: no target is set. */
type Direction = 'at-most' | 'at-least' | 'none';

export interface RunMeasure {
  figure: number;
  /** Absent for rows without a target (a reference value may still be given in `extra`). */
  target?: number;
  /** Other numbers of the same run, printed in the details (physical limits, counts, percentiles...). */
  extra?: Record<string, number>;
}

export interface RowSpec {
  id: string;
  title: string;
  unit: string;
  direction: Direction;
  /** How the target is computed, e.g. "≤ fastest publisher + 100 ms". */
  targetRule: string;
  /** The rule already states the target's value (e.g. "≤ 250 KB"): the table does not repeat it. */
  constantTarget?: boolean;
}

export interface RowResult extends RowSpec {
  runs: RunMeasure[];
  /** Context printed under the table (set-up, caveats). */
  notes: string[];
  /** Set when the benchmark itself crashed: the row is printed as failed and the script exits non-zero. */
  error?: string;
}

export interface RowSummary {
  figure: Spread;
  target?: Spread;
  ratio?: Spread;
  /** From the median ratio; undefined without a target or without runs. */
  met?: boolean;
  /** Runs whose own ratio met the target. */
  metRuns?: number;
}

function ratioOf(run: RunMeasure): number | undefined {
  return run.target === undefined || run.target === 0 ? undefined : run.figure / run.target;
}

function isMet(direction: Direction, ratio: number): boolean | undefined {
  if (!Number.isFinite(ratio)) return undefined;
  if (direction === 'at-most') return ratio <= 1;
  if (direction === 'at-least') return ratio >= 1;
  return undefined;
}

/** One run against its own target (also for a target of 0, where no ratio exists). */
function runMet(direction: Direction, run: RunMeasure): boolean | undefined {
  if (run.target === undefined || !Number.isFinite(run.figure) || !Number.isFinite(run.target)) return undefined;
  if (direction === 'at-most') return run.figure <= run.target;
  if (direction === 'at-least') return run.figure >= run.target;
  return undefined;
}

export function summarize(row: RowResult): RowSummary {
  const figure = spread(row.runs.map((r) => r.figure));
  if (row.direction === 'none') return { figure };
  const targets = row.runs.flatMap((r) => (r.target === undefined ? [] : [r.target]));
  if (targets.length === 0) return { figure };
  const ratios = row.runs.flatMap((r) => {
    const ratio = ratioOf(r);
    return ratio === undefined ? [] : [ratio];
  });
  const metRuns = row.runs.filter((r) => runMet(row.direction, r) === true).length;
  const ratio = ratios.length > 0 ? spread(ratios) : undefined;
  // The median run decides; a target of 0 (no ratio) must hold in every run.
  const met = ratio ? isMet(row.direction, ratio.median) : metRuns === row.runs.length && row.runs.length > 0;
  return { figure, target: spread(targets), ...(ratio ? { ratio } : {}), met, metRuns };
}

/** Collects the rows of one bench run, catching a crashing benchmark so the others still run and print. */
export class RowCollector {
  readonly rows: RowResult[] = [];

  add(spec: RowSpec, runs: RunMeasure[], notes: string[] = []): RowResult {
    const row: RowResult = { ...spec, runs, notes };
    this.rows.push(row);
    return row;
  }

  failed(spec: RowSpec, error: unknown): RowResult {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const row: RowResult = { ...spec, runs: [], notes: [], error: message };
    this.rows.push(row);
    return row;
  }

  get crashed(): boolean {
    return this.rows.some((row) => row.error !== undefined);
  }
}
