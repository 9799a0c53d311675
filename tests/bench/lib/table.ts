// The one table `npm run bench` prints, and the per-run details under it.
import { summarize, type RowResult } from './rows';
import type { Spread } from './stats';

const DIGITS: Record<string, number> = { ms: 0, 'MB/s': 1, KB: 1, errors: 0 };

function formatNumber(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '—';
  const digits = DIGITS[unit] ?? (Math.abs(value) < 10 ? 2 : 1);
  return value.toFixed(value !== 0 && Math.abs(value) < 1 && digits === 0 ? 1 : digits);
}

function spreadCell(s: Spread, unit: string, showUnit = true): string {
  const suffix = showUnit ? ` ${unit}` : '';
  if (s.min === s.max) return `${formatNumber(s.median, unit)}${suffix}`;
  return `${formatNumber(s.median, unit)}${suffix} [${formatNumber(s.min, unit)}–${formatNumber(s.max, unit)}]`;
}

function ratioCell(s: Spread): string {
  if (s.min === s.max) return s.median.toFixed(2);
  return `${s.median.toFixed(2)} [${s.min.toFixed(2)}–${s.max.toFixed(2)}]`;
}

export function renderTable(rows: readonly RowResult[]): string {
  const lines = ['| row | figure | target | ratio | met |', '|---|---|---|---|---|'];
  for (const row of rows) {
    const name = `${row.id} ${row.title}`;
    if (row.error) {
      lines.push(`| ${name} | CRASHED | ${row.targetRule} | — | — |`);
      continue;
    }
    const s = summarize(row);
    const target =
      s.target && !row.constantTarget ? `${row.targetRule} = ${spreadCell(s.target, row.unit)}` : row.targetRule;
    const ratio = s.ratio ? ratioCell(s.ratio) : '—';
    const met = s.met === undefined ? 'n/a' : `${s.met ? 'yes' : 'NO'} (${s.metRuns}/${row.runs.length} runs)`;
    lines.push(`| ${name} | ${spreadCell(s.figure, row.unit)} | ${target} | ${ratio} | ${met} |`);
  }
  return lines.join('\n');
}

function formatExtra(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) < 10 ? value.toFixed(2) : value.toFixed(1);
}

export function renderDetails(rows: readonly RowResult[]): string {
  const out: string[] = [];
  for (const row of rows) {
    out.push(`${row.id} ${row.title}`);
    if (row.error) {
      out.push(`  CRASHED: ${row.error}`);
      continue;
    }
    const s = summarize(row);
    out.push(
      `  figure (${row.unit}): min ${formatNumber(s.figure.min, row.unit)} / median ${formatNumber(s.figure.median, row.unit)} / max ${formatNumber(s.figure.max, row.unit)} over ${row.runs.length} run(s)`,
    );
    if (s.target)
      out.push(
        `  target (${row.unit}): min ${formatNumber(s.target.min, row.unit)} / median ${formatNumber(s.target.median, row.unit)} / max ${formatNumber(s.target.max, row.unit)}`,
      );
    if (s.ratio)
      out.push(
        `  ratio: min ${s.ratio.min.toFixed(2)} / median ${s.ratio.median.toFixed(2)} / max ${s.ratio.max.toFixed(2)}`,
      );
    const extraKeys = [...new Set(row.runs.flatMap((r) => Object.keys(r.extra ?? {})))];
    for (const key of extraKeys) {
      const values = row.runs.map((r) => r.extra?.[key]).filter((v): v is number => v !== undefined);
      out.push(`  ${key}: ${values.map(formatExtra).join(', ')}`);
    }
    for (const note of row.notes) out.push(`  · ${note}`);
  }
  return out.join('\n');
}
