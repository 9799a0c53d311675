// The booking pages' URL space, all under /rdv so it never meets the publisher's FHIR routes:
//   GET  /rdv/agenda/<owner>?creneau=<slotId>[&origin=sas]  entry point: the practitioner's (or SOS site's) agenda
//                                        with the slot pre-selected, the booking URL of Slot.comment (IG FAQ)
//   GET  /rdv/<slotId>[?origin=sas]      entry point, earlier form (still accepted)
//   GET  /rdv/callback                   OpenID Connect redirect URI (RDV V2)
//   GET  /rdv/<slotId>/agenda            the practitioner's agenda, in a publisher session
//   POST /rdv/<slotId>/confirm           books the slot (patient form)
//   GET  /rdv/appointment/<id>           an appointment and its actions
//   POST /rdv/appointment/<id>/<action>  cancel | fulfil | noshow | retry
//   POST /rdv/login                      the ordinary (non-SSO) login form
//   GET  /rdv/style.css                  the pages' stylesheet
// Every segment is untrusted: parsing never throws, anything unexpected is "no route".

const APPOINTMENT_ACTIONS = ['cancel', 'fulfil', 'noshow', 'retry'] as const;
export type AppointmentAction = (typeof APPOINTMENT_ACTIONS)[number];

export type BookingRoute =
  | { kind: 'stylesheet' }
  | { kind: 'callback' }
  | { kind: 'login' }
  | { kind: 'entry'; slotId: string }
  | { kind: 'agenda'; slotId: string }
  | { kind: 'confirm'; slotId: string }
  | { kind: 'appointment'; appointmentId: string }
  | { kind: 'appointment-action'; appointmentId: string; action: AppointmentAction };

/** Slot ids as publishers write them (the console's may contain `/`, percent-encoded in the URL). */
const SLOT_ID = /^[A-Za-z0-9._:/-]{1,200}$/u;
const APPOINTMENT_ID = /^RDV-[0-9A-F]{12}$/u;
/** Words of our own URL space that can never be slot ids. */
const RESERVED = new Set(['callback', 'login', 'appointment', 'agenda', 'style.css']);
/** Practitioner national ids and SOS site ids, as they appear in an agenda URL. */
const OWNER_ID = /^[A-Za-z0-9._:/-]{1,64}$/u;
/** Query parameter of the agenda URL naming the pre-selected slot. */
const SLOT_PARAMETER = 'creneau';

/** A slot id from one path segment (percent-decoded), or undefined when it cannot be one. */
export function readSlotId(segment: string): string | undefined {
  if (segment.length === 0 || segment.length > 600) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return undefined;
  }
  return SLOT_ID.test(decoded) && !RESERVED.has(decoded) && decoded !== '.' && decoded !== '..' ? decoded : undefined;
}

/** The path segment naming a slot in a booking URL. */
export function slotSegment(slotId: string): string {
  return encodeURIComponent(slotId);
}

/**
 * The booking URL of a slot at a publisher, for Slot.comment: the owner's agenda with the slot pre-selected,
 * `<origin>/rdv/agenda/<owner>?creneau=<slotId>`; without owner, the earlier `<origin>/rdv/<slotId>`.
 */
export function bookingUrlFor(publisherOrigin: string, slotId: string, ownerId?: string): string {
  const origin = publisherOrigin.replace(/\/+$/u, '');
  return ownerId === undefined
    ? `${origin}/rdv/${slotSegment(slotId)}`
    : `${origin}/rdv/agenda/${encodeURIComponent(ownerId)}?${SLOT_PARAMETER}=${encodeURIComponent(slotId)}`;
}

/** The slot an agenda URL pre-selects, or undefined when the URL is not one. */
export function preselectedSlot(url: URL): string | undefined {
  const parts = url.pathname.split('/');
  if (parts.length !== 4 || parts[1] !== 'rdv' || parts[2] !== 'agenda') return undefined;
  let owner: string;
  try {
    owner = decodeURIComponent(parts[3] ?? '');
  } catch {
    return undefined;
  }
  const slotId = url.searchParams.get(SLOT_PARAMETER) ?? '';
  return OWNER_ID.test(owner) && SLOT_ID.test(slotId) ? slotId : undefined;
}

export function matchBookingRoute(method: string, pathname: string, search = ''): BookingRoute | undefined {
  if (!pathname.startsWith('/rdv/')) return undefined;
  if (pathname.startsWith('/rdv/agenda/')) {
    const slotId = method === 'GET' ? preselectedSlot(new URL(`${pathname}${search}`, 'http://x')) : undefined;
    return slotId === undefined ? undefined : { kind: 'entry', slotId };
  }
  const parts = pathname.slice('/rdv/'.length).split('/');
  const [first, second, third] = parts;
  if (first === undefined || parts.length > 3) return undefined;
  if (method === 'GET' && parts.length === 1 && first === 'style.css') return { kind: 'stylesheet' };
  if (method === 'GET' && parts.length === 1 && first === 'callback') return { kind: 'callback' };
  if (method === 'POST' && parts.length === 1 && first === 'login') return { kind: 'login' };
  if (first === 'appointment') {
    if (second === undefined || !APPOINTMENT_ID.test(second)) return undefined;
    if (method === 'GET' && parts.length === 2) return { kind: 'appointment', appointmentId: second };
    const action = APPOINTMENT_ACTIONS.find((a) => a === third);
    if (method === 'POST' && parts.length === 3 && action)
      return { kind: 'appointment-action', appointmentId: second, action };
    return undefined;
  }
  const slotId = readSlotId(first);
  if (slotId === undefined) return undefined;
  if (method === 'GET' && parts.length === 1) return { kind: 'entry', slotId };
  if (method === 'GET' && parts.length === 2 && second === 'agenda') return { kind: 'agenda', slotId };
  if (method === 'POST' && parts.length === 2 && second === 'confirm') return { kind: 'confirm', slotId };
  return undefined;
}
