// A tab whose specialty text nobody recognised (the LRM's own wording, a typo): what the LRM sent and the options
// offered instead. The tab still opens, located, and waits for the regulator's choice: it is never left empty.
import type { SearchQuery } from '../../shared/domain/search';
import { resolveSpecialtyReference } from '../../shared/specialties/resolve';
import { optionOf, type SpecialtyOption } from './specialty-options';

export interface SpecialtyToPick {
  /** The text as sent, for the regulator to read. */
  text: string;
  /** The nearest specialties, nearest first. */
  suggestions: SpecialtyOption[];
}

/** What to pick from, or undefined when the query's specialty is understood (or absent: general medicine). */
export function specialtyToPick(query: SearchQuery): SpecialtyToPick | undefined {
  if (!query.specialty) return undefined;
  const resolution = resolveSpecialtyReference(query.specialty);
  if (resolution.resolved) return undefined;
  return { text: resolution.text, suggestions: resolution.suggestions.flatMap((code) => optionOf(code) ?? []) };
}
