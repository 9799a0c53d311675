// What the LRM link tests share: a minimal message format of the shape the Hub Santé uses (the real FHIR builder is
// tested on its own), the broker (stopped and started again between tests), and a simulated LRM reading its queue
// and answering on the platform's `ack` and `info` queues.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { connect, type Channel, type ChannelModel } from 'amqplib';
import type { LrmCodec, LrmEnvelope } from '@backend/lrm/codec';

const SENDER_ID = 'fr.health.ptfsas';
export const SAMU = 'fr.health.samu330';
const SAMU_QUEUE = `${SAMU}.message`;

export function testAmqpUrl(): string {
  const url = process.env.SAS_TEST_AMQP_URL;
  if (!url)
    throw new Error(
      'SAS_TEST_AMQP_URL absent : RabbitMQ de test non démarré (voir scripts/start-test-rabbitmq.sh ; apt-get install -y rabbitmq-server).',
    );
  return url;
}

/** Stops or starts serving AMQP (queues and persistent messages are kept), like an outage of the broker. */
export function broker(action: 'pause' | 'resume'): void {
  const base = process.env.SAS_TEST_AMQP_DATA;
  if (!base) throw new Error('SAS_TEST_AMQP_DATA absent : le broker de test ne peut pas être arrêté.');
  execFileSync('bash', ['scripts/start-test-rabbitmq.sh', action, base], { stdio: ['ignore', 'ignore', 'inherit'] });
}

interface TestEnvelope {
  distributionID: string;
  content: [{ contentObject: { JsonContent: { embeddedJsonContent: TestBundle } } }];
}
interface TestBundle {
  resourceType: 'Bundle';
  entry: { request: { method: string; url: string }; resource: { id: string; status: string } }[];
}

/** The envelope's single Appointment entry: what the tests compare. */
export function appointmentEntry(envelope: unknown): TestBundle['entry'][number] {
  const entry = (envelope as TestEnvelope).content[0].contentObject.JsonContent.embeddedJsonContent.entry[0];
  if (!entry) throw new Error('enveloppe sans entrée');
  return entry;
}

/** The phase's envelope shape, cut down to what the transport tests look at. */
export const testCodec: LrmCodec = {
  async compose(appointment, previousSent, recipient) {
    const now = new Date();
    const envelope: LrmEnvelope = {
      distributionID: `${SENDER_ID}_${randomUUID()}`,
      senderID: SENDER_ID,
      dateTimeSent: now.toISOString(),
      dateTimeExpires: new Date(now.getTime() + 3_600_000).toISOString(),
      distributionStatus: 'Actual',
      distributionKind: 'Report',
      descriptor: {
        language: 'fr-FR',
        explicitAddress: { explicitAddressScheme: 'Hubex', explicitAddressValue: recipient },
      },
      content: [
        {
          contentObject: {
            JsonContent: {
              embeddedJsonContent: {
                resourceType: 'Bundle',
                type: 'transaction',
                entry: [
                  {
                    request:
                      previousSent.length > 0
                        ? { method: 'PUT', url: `Appointment/${appointment.id}` }
                        : { method: 'POST', url: 'Appointment' },
                    resource: { resourceType: 'Appointment', id: appointment.id, status: appointment.status },
                  },
                ],
              },
            },
          },
        },
      ],
    };
    return { distributionId: envelope.distributionID as string, envelope };
  },
  readAcknowledgement(body) {
    const ack = body as { kind?: unknown; reference?: unknown } | undefined;
    return ack?.kind === 'Ack' && typeof ack.reference === 'string' ? ack.reference : undefined;
  },
  readError(body) {
    const envelope = body as
      | {
          distributionKind?: unknown;
          content?: { contentObject?: { JsonContent?: { embeddedJsonContent?: unknown } } }[];
        }
      | undefined;
    if (envelope?.distributionKind !== 'Error') return undefined;
    const error = envelope.content?.[0]?.contentObject?.JsonContent?.embeddedJsonContent as
      { errorCode?: unknown; errorCause?: unknown; referencedDistributionID?: unknown } | undefined;
    const code =
      typeof error?.errorCode === 'number'
        ? error.errorCode
        : Number((error?.errorCode as { statusCode?: unknown } | undefined)?.statusCode);
    if (!Number.isInteger(code) || typeof error?.referencedDistributionID !== 'string') return undefined;
    return {
      distributionId: error.referencedDistributionID,
      code,
      cause: typeof error.errorCause === 'string' ? error.errorCause : '',
    };
  },
};

/** The simulated LRM's side of the broker: reads the SAMU's queue, answers on the platform's queues. */
export class TestLrm {
  private constructor(
    private readonly model: ChannelModel,
    private readonly channel: Channel,
  ) {}

  static async connect(): Promise<TestLrm> {
    const model = await connect(testAmqpUrl());
    const channel = await model.createChannel();
    for (const queue of [SAMU_QUEUE, `${SENDER_ID}.ack`, `${SENDER_ID}.info`])
      await channel.assertQueue(queue, { durable: true });
    return new TestLrm(model, channel);
  }

  /** Every message waiting in the SAMU's queue, taken off it, in order. */
  async take(): Promise<{ body: TestEnvelope; persistent: boolean; contentType?: string }[]> {
    const messages = [];
    for (;;) {
      const message = await this.channel.get(SAMU_QUEUE, { noAck: true });
      if (message === false) return messages;
      messages.push({
        body: JSON.parse(message.content.toString('utf8')) as TestEnvelope,
        persistent: message.properties.deliveryMode === 2,
        contentType: message.properties.contentType as string | undefined,
      });
    }
  }

  /** Waits until `count` messages have come (or the time is up), and returns them. */
  async receive(count: number, timeoutMs = 20_000): Promise<Awaited<ReturnType<TestLrm['take']>>> {
    const received = [];
    const deadline = Date.now() + timeoutMs;
    while (received.length < count && Date.now() < deadline) {
      received.push(...(await this.take()));
      if (received.length < count) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return received;
  }

  acknowledge(distributionId: string): void {
    this.channel.sendToQueue(
      `${SENDER_ID}.ack`,
      Buffer.from(
        JSON.stringify({
          messageId: distributionId,
          sender: { name: SAMU, URL: `hubex:${SAMU}` },
          sentAt: new Date().toISOString(),
          status: 'Actual',
          kind: 'Ack',
          recipients: { recipient: [{ explicitAddressScheme: 'Hubex', explicitAddressValue: SENDER_ID }] },
          reference: distributionId,
        }),
      ),
      { contentType: 'application/json' },
    );
  }

  reportError(
    distributionId: string,
    errorCode: number | { statusCode: number; statusString: string },
    cause: string,
  ): void {
    this.channel.sendToQueue(
      `${SENDER_ID}.info`,
      Buffer.from(
        JSON.stringify({
          distributionID: `${SAMU}_${randomUUID()}`,
          senderID: SAMU,
          distributionStatus: 'Actual',
          distributionKind: 'Error',
          content: [
            {
              contentObject: {
                JsonContent: {
                  embeddedJsonContent: { errorCode, errorCause: cause, referencedDistributionID: distributionId },
                },
              },
            },
          ],
        }),
      ),
      { contentType: 'application/json' },
    );
  }

  async close(): Promise<void> {
    await this.model.close().catch(() => undefined);
  }
}

/** Polls `check` until it returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('condition jamais remplie');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
