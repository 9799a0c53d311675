// Delimited text files of the national directory (RPPS `|`, FINESS `;`, our participation CSVs `;`): no quoting in
// the published files, columns found by header name. Nothing here throws: problems come back as French messages.

/** Splits a line on the separator; a single trailing separator (the RPPS file ends every line with `|`) is dropped. */
export function splitFields(line: string, separator: string): string[] {
  const cells = line.split(separator);
  if (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

export type ColumnIndex<K extends string> = Record<K, number>;

export type ColumnsResult<K extends string> = { ok: true; columns: ColumnIndex<K> } | { ok: false; error: string };

/**
 * Finds each required column in the header by name (any order, extra columns ignored). A missing column is named in
 * the error: older layouts lack some, and reading by position would silently shift every value.
 */
export function resolveColumns<K extends string>(
  header: readonly string[],
  required: readonly K[],
  fileLabel: string,
): ColumnsResult<K> {
  const names = header.map((name) => name.replace(/^\uFEFF/, '').trim());
  const columns = {} as ColumnIndex<K>;
  const missing: string[] = [];
  for (const name of required) {
    const index = names.indexOf(name);
    if (index < 0) missing.push(`« ${name} »`);
    else columns[name] = index;
  }
  if (missing.length > 0) {
    const noun = missing.length > 1 ? 'colonnes manquantes' : 'colonne manquante';
    return { ok: false, error: `${fileLabel} : ${noun} dans l'en-tête : ${missing.join(', ')}` };
  }
  return { ok: true, columns };
}

/** The trimmed value of a named column ('' when the line is short). */
export function field<K extends string>(cells: readonly string[], columns: ColumnIndex<K>, name: K): string {
  return (cells[columns[name]] ?? '').trim();
}
