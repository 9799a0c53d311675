// Values as they come back from either driver, normalised once: both return `timestamptz` as a Date today, but a
// string must not break us (driver options, a future version); instants leave the storage as ISO 8601 UTC strings.
import { z } from 'zod';

export const instantColumn = z.union([z.date(), z.string()]).transform((value, ctx) => {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: 'custom', message: `date invalide en base : ${String(value)}` });
    return z.NEVER;
  }
  return date.toISOString();
});

export const optionalTextColumn = z
  .string()
  .nullable()
  .transform((value) => value ?? undefined);

/** ISO 8601 date-time with an explicit offset or `Z`, as FHIR instants are. */
export const instantInput = z.iso.datetime({ offset: true });

/** Accepts a Date or an ISO instant; gives the ISO string to bind as a parameter. */
export function toInstantParam(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : value;
}
