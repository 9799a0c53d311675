// What the bar shows for a tab: the form as the LRM or the regulator filled it, except that a location known only by
// its INSEE code ("INSEE 33063") reads as the commune the search resolved ("Bordeaux (33)").
import type { ResolvedLocation } from '@shared/domain/search';
import { resolveSpecialtyText } from '@shared/specialties/resolve';
import type { SearchFormValues } from '../search-query';

export function displayedForm(form: SearchFormValues, resolved: ResolvedLocation | undefined): SearchFormValues {
  const specialty = specialtyLabelOf(form.specialtyText);
  const shown = specialty ? { ...form, specialtyText: specialty } : form;
  if (!resolved || form.location?.city) return shown;
  if (!/\bINSEE \d[\dAB]\d{3}\b/u.test(form.locationText)) return shown;
  return { ...shown, locationText: resolved.label };
}

/** A bare nomenclature code the LRM sent ("SM54") reads as its label ("Médecine générale"). */
function specialtyLabelOf(text: string): string | undefined {
  if (!/^[A-Z]{1,3}\d{1,4}$/u.test(text.trim())) return undefined;
  const resolution = resolveSpecialtyText(text);
  return resolution.resolved && resolution.matchedBy === 'code' && resolution.codes.length === 1
    ? resolution.codes[0]?.label
    : undefined;
}
