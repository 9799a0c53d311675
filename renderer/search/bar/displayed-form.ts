// What the bar shows for a tab: the form as the LRM or the regulator filled it, except that a location known only by
// its INSEE code ("INSEE 33063") reads as the commune the search resolved ("Bordeaux (33)").
import type { ResolvedLocation } from '@shared/domain/search';
import type { SearchFormValues } from '../search-query';

export function displayedForm(form: SearchFormValues, resolved: ResolvedLocation | undefined): SearchFormValues {
  if (!resolved || form.location?.city) return form;
  if (!/\bINSEE \d[\dAB]\d{3}\b/u.test(form.locationText)) return form;
  return { ...form, locationText: resolved.label };
}
