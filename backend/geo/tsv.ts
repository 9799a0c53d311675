// Tab-separated tables with a header line, as our reference data ships. Parsing never throws: rows that cannot be
// read are reported with their line number and skipped.

export interface TableIssue {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  message: string;
}

export interface TsvTable {
  /** Index of each required column in a row, by name. */
  columns: Record<string, number>;
  rows: { line: number; cells: string[] }[];
}

/** Splits the text, finds the required columns by header name (any order). */
export function readTsv(
  text: string,
  requiredColumns: readonly string[],
): { ok: true; table: TsvTable } | { ok: false; issue: TableIssue } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((name) => name.trim());
  const columns: Record<string, number> = {};
  const missing: string[] = [];
  for (const name of requiredColumns) {
    const index = header.indexOf(name);
    if (index < 0) missing.push(name);
    else columns[name] = index;
  }
  if (missing.length > 0) {
    return { ok: false, issue: { line: 1, message: `colonnes manquantes dans l'en-tête : ${missing.join(', ')}` } };
  }
  const rows: TsvTable['rows'] = [];
  lines.slice(1).forEach((content, index) => {
    if (content.trim() === '') return;
    rows.push({ line: index + 2, cells: content.split('\t') });
  });
  return { ok: true, table: { columns, rows } };
}

/** The cell of a named column, trimmed ('' when the row is short). */
export function cell(table: TsvTable, cells: string[], column: string): string {
  const index = table.columns[column];
  return index === undefined ? '' : (cells[index] ?? '').trim();
}

/**
 * A decimal number written with a comma or a point, possibly in exponent form (the commune file has `3e-05` for a
 * longitude just east of Greenwich); undefined when it is not one.
 */
export function parseDecimal(text: string): number | undefined {
  const normalized = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(normalized)) return undefined;
  const value = Number(normalized);
  return Number.isFinite(value) ? value : undefined;
}
