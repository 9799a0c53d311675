// Reads the whole FINESS extraction (≈ 100,000 establishments, a few MB in memory): every geolocated site's
// position, for the practitioners' activities that name one, and the CPTS / MSP / centres de santé in full.
import type { FinessEstablishment, FinessPosition } from './finess';
import { parseFinessLine, STRUCTURE_CATEGORIES } from './finess';
import { latin1Lines } from './lines';

export interface FinessData {
  positions: Map<string, FinessPosition>;
  structures: FinessEstablishment[];
  counts: { lines: number; establishments: number; positions: number; invalid: number };
  /** The first problems, with their line number. */
  issues: string[];
}

export async function readFiness(file: string): Promise<FinessData> {
  const positions = new Map<string, FinessPosition>();
  const structures: FinessEstablishment[] = [];
  const counts = { lines: 0, establishments: 0, positions: 0, invalid: 0 };
  const issues: string[] = [];
  let lineNumber = 0;
  for await (const line of latin1Lines(file)) {
    lineNumber += 1;
    // The first line is the extraction's metadata, not a record.
    if (lineNumber === 1 || line.trim() === '') continue;
    counts.lines += 1;
    const parsed = parseFinessLine(line);
    if (parsed.kind === 'structure') {
      counts.establishments += 1;
      if (parsed.establishment.category in STRUCTURE_CATEGORIES) structures.push(parsed.establishment);
    } else if (parsed.kind === 'position') {
      counts.positions += 1;
      positions.set(parsed.position.finess, parsed.position);
    } else if (parsed.kind === 'error') {
      counts.invalid += 1;
      if (issues.length < 20) issues.push(`FINESS, ligne ${lineNumber} : ${parsed.error}`);
    }
  }
  return { positions, structures, counts, issues };
}
