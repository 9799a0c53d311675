// The short patient form of the booking page. The patient's identity stays at the publisher, in memory, for the
// training run only: RDV V3 carries no patient identity, so none of this is ever sent to the SAS backend.
// A parser of untrusted form input: never throws, names each wrong field in French.

export interface Patient {
  familyName: string;
  givenName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  /** As typed, spaces and dots removed (e.g. `0612345678`, `+33612345678`). */
  phone: string;
}

export const PATIENT_FIELDS = {
  familyName: 'patientFamilyName',
  givenName: 'patientGivenName',
  birthDate: 'patientBirthDate',
  phone: 'patientPhone',
} as const;
export type PatientField = keyof typeof PATIENT_FIELDS;

export type PatientFormResult =
  | { ok: true; patient: Patient }
  | { ok: false; errors: Partial<Record<PatientField, string>>; values: Record<PatientField, string> };

const NAME = /^\p{L}[\p{L}\p{M} '’.-]{0,99}$/u;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;
const PHONE = /^(0[1-9]\d{8}|\+[1-9]\d{7,14})$/u;
const MAX_FIELD = 200;

function field(form: URLSearchParams, name: string): string {
  const value = form.get(name) ?? '';
  return value.length > MAX_FIELD ? value.slice(0, MAX_FIELD) : value.trim();
}

/** A real calendar date, YYYY-MM-DD, between 1900-01-01 and `today` (Paris date, YYYY-MM-DD). */
export function isBirthDate(value: string, today: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real && value >= '1900-01-01' && value <= today;
}

export function readPatientForm(form: URLSearchParams, today: string): PatientFormResult {
  const values: Record<PatientField, string> = {
    familyName: field(form, PATIENT_FIELDS.familyName),
    givenName: field(form, PATIENT_FIELDS.givenName),
    birthDate: field(form, PATIENT_FIELDS.birthDate),
    phone: field(form, PATIENT_FIELDS.phone),
  };
  const errors: Partial<Record<PatientField, string>> = {};
  if (values.familyName === '') errors.familyName = 'Nom du patient obligatoire.';
  else if (!NAME.test(values.familyName))
    errors.familyName = 'Nom du patient invalide : lettres, espaces, tirets et apostrophes, 100 caractères au plus.';
  if (values.givenName === '') errors.givenName = 'Prénom du patient obligatoire.';
  else if (!NAME.test(values.givenName))
    errors.givenName = 'Prénom du patient invalide : lettres, espaces, tirets et apostrophes, 100 caractères au plus.';
  if (values.birthDate === '') errors.birthDate = 'Date de naissance obligatoire.';
  else if (!isBirthDate(values.birthDate, today))
    errors.birthDate = 'Date de naissance invalide : une date réelle au format AAAA-MM-JJ, pas dans le futur.';
  const phone = values.phone.replace(/[\s.-]/gu, '');
  if (values.phone === '') errors.phone = 'Téléphone obligatoire.';
  else if (!PHONE.test(phone))
    errors.phone = 'Téléphone invalide : 10 chiffres commençant par 0, ou un numéro international en +.';
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  return {
    ok: true,
    patient: { familyName: values.familyName, givenName: values.givenName, birthDate: values.birthDate, phone },
  };
}
