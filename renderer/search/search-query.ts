// The search bar's values, and the SearchQuery they make. A launch from the LRM fills the same values, so the
// regulator sees (and can change) exactly what the LRM asked for.
import type { Coding } from '../../shared/domain/care-offer';
import type { GpReference, LaunchLocation, LaunchRequest, SpecialtyReference } from '../../shared/domain/launch';
import type { SearchQuery } from '../../shared/domain/search';
import { GENERAL_MEDICINE, specialtyLabel } from '../../shared/domain/specialties';
import { formatGpReference } from './gp-field';

export interface SearchFormValues {
  /** What the specialty field shows. */
  specialtyText: string;
  /** The coding behind it when the regulator picked a label (or the LRM sent a code); absent for free text. */
  specialtyCoding?: Coding;
  /** What the location field shows. */
  locationText: string;
  /** The structured location behind it, when chosen from the suggestions or sent by the LRM. */
  location?: LaunchLocation;
  /** What the médecin traitant field shows (IDNPS URN, RPPS or a name). */
  gpText: string;
}

export const emptyForm: SearchFormValues = {
  specialtyText: GENERAL_MEDICINE.display ?? 'Médecine générale',
  specialtyCoding: GENERAL_MEDICINE,
  locationText: '',
  gpText: '',
};

/** "12 rue Paul Vidal, Agen (47001)": the location as the field shows it. */
export function locationText(location: LaunchLocation): string {
  const street = [location.streetNumber, location.streetName].filter(Boolean).join(' ');
  const city = location.city ?? '';
  const insee = location.arrondissementInseeCode ?? location.inseeCode;
  // Without a city name the INSEE code says which commune: "INSEE 33063".
  const place = insee ? (city ? `${city} (${insee})` : `INSEE ${insee}`) : city;
  return [street, place].filter((part) => part.trim() !== '').join(', ');
}

function specialtyText(reference: SpecialtyReference | undefined): { text: string; coding?: Coding } {
  if (!reference) return { text: GENERAL_MEDICINE.display ?? 'Médecine générale', coding: GENERAL_MEDICINE };
  if (reference.kind === 'text') return { text: reference.text };
  const label = specialtyLabel(reference.coding);
  return { text: label ?? reference.coding.code, coding: reference.coding };
}

/** The bar's values for an LRM launch. */
export function formFromLaunch(request: LaunchRequest): SearchFormValues {
  const specialty = specialtyText(request.specialty);
  return {
    specialtyText: specialty.text,
    ...(specialty.coding ? { specialtyCoding: specialty.coding } : {}),
    locationText: locationText(request.location),
    location: request.location,
    gpText: request.gp ? formatGpReference(request.gp) : '',
  };
}

/** The query an LRM launch asks for, as it came (nothing re-read from text). */
export function queryFromLaunch(request: LaunchRequest): SearchQuery {
  return {
    ...(request.specialty ? { specialty: request.specialty } : {}),
    location: request.location,
    ...(request.gp ? { gp: request.gp } : {}),
    ...(request.origin ? { origin: request.origin } : {}),
  };
}

export type QueryProblem = 'location-missing' | 'gp-invalid';

/**
 * The query the bar's values make, or what is missing. A coded specialty is sent only while the field still
 * shows its label: once the regulator edits the text, the text is what they mean.
 */
export function queryFromForm(
  form: SearchFormValues,
  gp: { ok: true; reference?: GpReference } | { ok: false },
): { ok: true; query: SearchQuery } | { ok: false; problem: QueryProblem } {
  const location = form.location ?? locationFromText(form.locationText);
  if (!location) return { ok: false, problem: 'location-missing' };
  if (!gp.ok) return { ok: false, problem: 'gp-invalid' };
  const text = form.specialtyText.trim();
  const coded = form.specialtyCoding && (specialtyLabel(form.specialtyCoding) ?? form.specialtyCoding.code) === text;
  const specialty: SpecialtyReference | undefined =
    coded && form.specialtyCoding
      ? { kind: 'coded', coding: form.specialtyCoding }
      : text !== ''
        ? { kind: 'text', text }
        : undefined;
  return {
    ok: true,
    query: { ...(specialty ? { specialty } : {}), location, ...(gp.reference ? { gp: gp.reference } : {}) },
  };
}

/** A typed location not chosen from the suggestions: sent as a commune name, the backend geocodes it. */
function locationFromText(text: string): LaunchLocation | undefined {
  const trimmed = text.trim().slice(0, 200);
  return trimmed.length >= 2 ? { city: trimmed } : undefined;
}
