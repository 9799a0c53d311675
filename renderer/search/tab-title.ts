// What a tab is called: where and what (commune + specialty, + the GP's name when the search found them), so two
// launches for the same LRM can be told apart; its detail says where it came from and when.
import { resolveSpecialtyReference } from '@shared/specialties/resolve';
import { fr } from '../i18n/fr';
import { formatClock, practitionerName } from './format';
import type { SearchTab } from './workspace';

/** "Agen" from "12 Rue Paul Vidal, 47000 Agen", "Agen (47)" or the LRM's city. */
export function communeOf(tab: SearchTab): string | undefined {
  const city = tab.query.location.city?.trim();
  if (city) return city;
  const label = tab.stream.location?.label;
  if (!label) return undefined;
  // "101 Boulevard des Lilas 47000 Agen": the commune follows the postal code; "Bordeaux (33), …": it comes first.
  const afterPostcode = /\b\d{5}\s+([^,(]+)/u.exec(label)?.[1]?.trim();
  return afterPostcode || label.split(/[,(—]/u)[0]?.trim() || undefined;
}

export function specialtyOf(tab: SearchTab): string {
  const reference = tab.query.specialty;
  if (!reference) return tab.form.specialtyText;
  const resolution = resolveSpecialtyReference(reference);
  if (!resolution.resolved) return reference.kind === 'text' ? `« ${reference.text} »` : tab.form.specialtyText;
  return resolution.codes.map((c) => c.label).join(' / ');
}

function gpNameOf(tab: SearchTab): string | undefined {
  const gp = tab.stream.offer?.practitioners.find((p) => p.isGp);
  return gp ? practitionerName(gp.practitioner) : undefined;
}

export function tabTitle(tab: SearchTab): string {
  const commune = communeOf(tab) ?? tab.form.locationText;
  const gp = gpNameOf(tab);
  return [commune, specialtyOf(tab), gp].filter(Boolean).join(' · ');
}

/** "LRM TEST-SAMU000 à 14:20" or "Recherche à 14:20". */
export function tabDetail(tab: SearchTab): string {
  const origin = tab.origin.kind === 'launch' ? fr.tabs.launch(tab.origin.lrmOrigin) : fr.tabs.manual;
  return `${origin} ${fr.tabs.at(formatClock(tab.openedAt))}`;
}

export function tabFailed(tab: SearchTab): boolean {
  return tab.startError !== undefined || (tab.stream.errors.length > 0 && !tab.stream.offer);
}
