// When the console opens a booking page, it says which search tab it came from. When the publisher reports the
// appointment (V3), the backend links it back to that tab. Only ids and times are kept, never patient data, and
// only for a few hours.
export interface BookingIntent {
  operatorId: string;
  searchId: string;
  sourceId: string;
  practitionerId?: string;
  start?: string;
  at: number;
}

const KEEP_MS = 4 * 60 * 60 * 1000;
const MAX_INTENTS = 5_000;

export class BookingIntents {
  private intents: BookingIntent[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  record(intent: Omit<BookingIntent, 'at'>): void {
    this.prune();
    this.intents.push({ ...intent, at: this.now() });
    if (this.intents.length > MAX_INTENTS) this.intents.shift();
  }

  /** The search an appointment came from: same regulator and publisher, and the same practitioner and start when known. */
  searchIdFor(appointment: {
    operatorId: string;
    publisherId: string;
    practitionerId?: string;
    start: string;
  }): string | undefined {
    this.prune();
    const startMs = Date.parse(appointment.start);
    const candidates = this.intents.filter(
      (i) =>
        i.operatorId === appointment.operatorId &&
        i.sourceId === appointment.publisherId &&
        (i.practitionerId === undefined ||
          appointment.practitionerId === undefined ||
          i.practitionerId === appointment.practitionerId) &&
        (i.start === undefined || Date.parse(i.start) === startMs),
    );
    return candidates.at(-1)?.searchId;
  }

  private prune(): void {
    const limit = this.now() - KEEP_MS;
    if (this.intents.length > 0 && (this.intents[0]?.at ?? 0) < limit)
      this.intents = this.intents.filter((i) => i.at >= limit);
  }
}
