// Well-formed, fictitious identifiers for the training data set.
//
// RPPS numbers are 11 digits whose last one is a Luhn check digit. Real RPPS numbers start with 1 (10…); the
// training set uses the prefix 9999, which no real professional has:
//   practitioners  9999 000001 k … 9999 899999 k
//   regulators     9999 900000 k … 9999 999999 k
// (k = Luhn digit). The IDNPS is `8` + RPPS. FINESS numbers (CPTS, MSP, SOS sites, SAMU) are the department code,
// then `99`, then a 4-digit serial and a Luhn check digit: `33 99 0001 k`.

/** Luhn check digit of a string of digits (the digit to append). */
export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i += 1) {
    // Doubling starts from the rightmost payload digit, which sits just left of the check digit.
    let digit = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

export function isLuhnValid(digits: string): boolean {
  return /^\d{2,}$/.test(digits) && luhnCheckDigit(digits.slice(0, -1)) === Number(digits.slice(-1));
}

const FICTITIOUS_RPPS_PREFIX = '9999';
const PRACTITIONER_SERIALS = { first: 1, last: 899_999 };
const REGULATOR_SERIALS = { first: 900_000, last: 999_999 };

function rppsFromSerial(serial: number): string {
  const payload = `${FICTITIOUS_RPPS_PREFIX}${String(serial).padStart(6, '0')}`;
  return `${payload}${luhnCheckDigit(payload)}`;
}

/** RPPS of the n-th fictitious practitioner (n ≥ 1). */
export function practitionerRpps(n: number): string {
  const serial = PRACTITIONER_SERIALS.first + n - 1;
  if (!Number.isInteger(n) || n < 1 || serial > PRACTITIONER_SERIALS.last) throw new RangeError(`n hors plage : ${n}`);
  return rppsFromSerial(serial);
}

/** RPPS of the n-th fictitious regulator (n ≥ 1). */
export function regulatorRpps(n: number): string {
  const serial = REGULATOR_SERIALS.first + n - 1;
  if (!Number.isInteger(n) || n < 1 || serial > REGULATOR_SERIALS.last) throw new RangeError(`n hors plage : ${n}`);
  return rppsFromSerial(serial);
}

/** IDNPS of an RPPS professional. */
export const idnpsOfRpps = (rpps: string) => `8${rpps}`;

/** Whether an RPPS is in the training range and well-formed (11 digits, Luhn). */
export function isFictitiousRpps(rpps: string): boolean {
  return /^\d{11}$/.test(rpps) && rpps.startsWith(FICTITIOUS_RPPS_PREFIX) && isLuhnValid(rpps);
}

/** Fictitious FINESS: department + `99` + serial (4 digits) + Luhn digit. Corsica's letters are not used. */
export function fictitiousFiness(department: string, serial: number): string {
  if (!/^\d{2}$/.test(department) || !Number.isInteger(serial) || serial < 0 || serial > 9999) {
    throw new RangeError(`FINESS fictif impossible : ${department} / ${serial}`);
  }
  const payload = `${department}99${String(serial).padStart(4, '0')}`;
  return `${payload}${luhnCheckDigit(payload)}`;
}
