// The V3 receiver's own validation, offline: the appointment goes through the backend's real handler
// (`handleAppointmentWrite`: content type, size bound, FrAppointmentSAS mapping, conditional-update identifier) in this
// process, with a memory store, so an integrator reads exactly what the SAS platform would answer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { BookingIntents } from '../backend/appointments/booking-intents';
import { AppointmentFeed } from '../backend/appointments/feed';
import { handleAppointmentWrite, type V3ReceiverDeps } from '../backend/appointments/v3-receiver';

export interface AppointmentVerdict {
  status: number;
  accepted: boolean;
  issues: { severity: string; code: string; message: string; path?: string }[];
}

interface OutcomeIssue {
  severity?: string;
  code?: string;
  details?: { coding?: { code?: string }[]; text?: string };
  expression?: string[];
}

/** A memory store that knows no appointment and accepts every upsert: only validation matters here, nothing is kept. */
const memoryAppointments = {
  async getByPublisherId() {
    return undefined;
  },
  async upsert(input: Record<string, unknown>) {
    return { created: true, appointment: { ...input, id: 'verification', createdAt: new Date().toISOString() } };
  },
} as unknown as V3ReceiverDeps['appointments'];

/** Offline, no console opened any booking page: every appointment counts as started from the console. */
const offlineIntents: BookingIntents = {
  record: async () => {},
  match: async () => ({ initiated: true }),
};

export async function validateAppointment(
  body: string,
  options: { method?: 'POST' | 'PUT'; identifier?: string } = {},
): Promise<AppointmentVerdict> {
  const method = options.method ?? 'POST';
  const request = Object.assign(Readable.from([Buffer.from(body, 'utf8')]), {
    method,
    url:
      method === 'PUT'
        ? `/fhir/Appointment?identifier=${encodeURIComponent(options.identifier ?? '')}`
        : '/fhir/Appointment',
    headers: { 'content-type': 'application/fhir+json', host: 'verification.invalid' },
    // The receiver builds its absolute Location header from the connection: offline, a plain one.
    socket: { encrypted: false },
  }) as unknown as IncomingMessage;
  let status = 0;
  let text = '';
  const response = {
    writeHead(code: number) {
      status = code;
      return response;
    },
    end(chunk?: string) {
      text = chunk ?? '';
    },
  } as unknown as ServerResponse;
  await handleAppointmentWrite(request, response, {
    appointments: memoryAppointments,
    feed: new AppointmentFeed(),
    intents: offlineIntents,
    authenticate: () => 'verification',
    // Offline there are no accounts: a SAS technical id is taken as known, only its form is checked.
    regulatorByTechnicalId: async (technicalId) => `verification-${technicalId}`,
    onUnexpected: () => {},
  });
  const answer = JSON.parse(text || '{}') as { resourceType?: string; issue?: OutcomeIssue[] };
  const issues =
    answer.resourceType === 'OperationOutcome'
      ? (answer.issue ?? []).map((issue) => ({
          severity: issue.severity ?? 'error',
          code: issue.details?.coding?.[0]?.code ?? issue.code ?? 'invalid',
          message: issue.details?.text ?? '',
          ...(issue.expression?.[0] ? { path: issue.expression[0] } : {}),
        }))
      : [];
  return { status, accepted: status === 200 || status === 201, issues };
}
