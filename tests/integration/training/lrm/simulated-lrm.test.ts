// The simulated LRM on a real RabbitMQ: a message the platform would publish is acknowledged with an RC-DE on the
// platform's `ack` queue; an update of an appointment it never received gets a 404 on `info`; the « DRM à
// rattacher » page lists the orientation and its history.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect, type Channel, type ChannelModel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLrmMessage, parseHubError, parseRcDeAck, type LrmAppointmentInput } from '@backend/lrm/message';
import { startSimulatedLrm, type SimulatedLrm, type SimulatedLrmOptions } from '@backend/training/lrm';

const SENDER = 'fr.health.ptfsas';
const SAMU = 'fr.health.samu330';
let startedBroker: string | undefined;
let amqpUrl = process.env.SAS_TEST_AMQP_URL ?? '';
let lrm: SimulatedLrm;
let platform: ChannelModel;
let channel: Channel;

/** Starts a throw-away broker when none is given, as the PostgreSQL suites do. */
function startBroker(): void {
  if (amqpUrl) return;
  const output = execFileSync('bash', ['scripts/start-test-rabbitmq.sh'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for (const line of output.split('\n')) {
    const match = /^(SAS_TEST_AMQP_URL|SAS_TEST_AMQP_DATA)=(\S+)$/u.exec(line.trim());
    if (match?.[1] === 'SAS_TEST_AMQP_URL' && match[2]) amqpUrl = match[2];
    if (match?.[1] === 'SAS_TEST_AMQP_DATA' && match[2]) startedBroker = match[2];
  }
}

beforeAll(async () => {
  startBroker();
  const options: SimulatedLrmOptions = { amqpUrl, samus: [SAMU, 'fr.health.samu069'], senderId: SENDER };
  lrm = await startSimulatedLrm(options);
  platform = await connect(amqpUrl);
  channel = await platform.createChannel();
  for (const queue of [`${SENDER}.ack`, `${SENDER}.info`]) {
    await channel.assertQueue(queue, { durable: true });
    await channel.purgeQueue(queue);
  }
}, 120_000);

afterAll(async () => {
  await platform?.close().catch(() => {});
  await lrm?.stop();
  if (startedBroker)
    execFileSync('bash', ['scripts/start-test-rabbitmq.sh', 'stop', startedBroker], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
}, 60_000);

/** The next message of a queue, waited for (10 s by default). */
async function next(queue: string, timeoutMs = 10_000): Promise<Buffer> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const message = await channel.get(queue, { noAck: true });
    if (message) return message.content;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`rien sur ${queue}`);
}

const input: LrmAppointmentInput = {
  appointmentId: 'c0ffee00-0000-4000-8000-000000000001',
  status: 'booked',
  start: '2026-05-04T07:30:00Z',
  end: '2026-05-04T07:50:00Z',
  created: '2026-05-03T16:00:00Z',
  category: 'cpts',
  practitioner: { idnps: '810002909371', familyName: 'Dupont <b>', givenName: 'Jean', specialtyCode: 'SM54' },
  structure: { kind: 'cpts', idnst: '1010012961', name: 'CPTS DU HAUT BUGEY' },
};

function publish(message: ReturnType<typeof buildLrmMessage>, samu = SAMU): void {
  channel.sendToQueue(`${samu}.message`, Buffer.from(JSON.stringify(message.envelope)), {
    persistent: true,
    contentType: 'application/json',
  });
}

describe('simulated LRM', () => {
  it('acknowledges a message with an RC-DE on the platform ack queue, and lists the orientation', async () => {
    const first = buildLrmMessage(input, { senderId: SENDER, recipient: SAMU, now: Date.now() });
    publish(first);
    const ack = parseRcDeAck(await next(`${SENDER}.ack`));
    expect(ack.ok && ack.value).toMatchObject({
      messageId: first.distributionId,
      reference: first.distributionId,
      sender: { name: SAMU, URL: `hubex:${SAMU}` },
      kind: 'Ack',
    });

    const cancel = buildLrmMessage(
      { ...input, status: 'cancelled' },
      { senderId: SENDER, recipient: SAMU, now: Date.now(), previous: first },
    );
    publish(cancel);
    const second = parseRcDeAck(await next(`${SENDER}.ack`));
    expect(second.ok && second.value.messageId).toBe(cancel.distributionId);

    const page = await fetch(lrm.url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('DRM à rattacher');
    const section = html.slice(html.indexOf(`data-samu="${SAMU}"`));
    expect(section).toContain(input.appointmentId);
    expect(section).toContain('Jean Dupont &lt;b&gt; (810002909371)');
    expect(section).toContain('CPTS DU HAUT BUGEY');
    expect(section).toMatch(/création : Confirmé[\s\S]*mise à jour : Annulé/u);
    expect(html).not.toContain('<b>');
    expect(lrm.store.get(SAMU, input.appointmentId)?.history).toHaveLength(2);
    expect(lrm.store.list('fr.health.samu069')).toEqual([]);
  });

  it('answers 404 on the info queue for an update of an appointment it never received', async () => {
    const unknown = buildLrmMessage(
      { ...input, appointmentId: 'jamais-recu', status: 'cancelled' },
      { senderId: SENDER, recipient: 'fr.health.samu069', now: Date.now(), previous: { resources: [] } },
    );
    publish(unknown, 'fr.health.samu069');
    const error = parseHubError(await next(`${SENDER}.info`));
    expect(error.ok && error.value).toMatchObject({
      code: 404,
      codeName: 'NOT_FOUND',
      referencedDistributionId: unknown.distributionId,
      senderId: 'fr.health.samu069',
    });
    expect(lrm.store.get('fr.health.samu069', 'jamais-recu')).toBeUndefined();
  });

  it('answers 400 for a message it cannot read or addressed to another SAMU', async () => {
    channel.sendToQueue(`${SAMU}.message`, Buffer.from('{"distributionID":"fr.health.ptfsas_x"}'));
    const unreadable = parseHubError(await next(`${SENDER}.info`));
    expect(unreadable.ok && [unreadable.value.code, unreadable.value.referencedDistributionId]).toEqual([
      400,
      'fr.health.ptfsas_x',
    ]);
    const misrouted = buildLrmMessage(input, { senderId: SENDER, recipient: 'fr.health.samu069', now: Date.now() });
    publish(misrouted, SAMU);
    const error = parseHubError(await next(`${SENDER}.info`));
    expect(error.ok && error.value.cause).toMatch(/adressé à fr\.health\.samu069/u);
  });

  it('keeps consuming after the broker stops and comes back, and says on its page while the link is down', async () => {
    const data = startedBroker ?? process.env.SAS_TEST_AMQP_DATA;
    if (!data) throw new Error('dossier du broker de test inconnu (SAS_TEST_AMQP_DATA)');
    const node = readFileSync(`${data}/node`, 'utf8').trim();
    const ctl = (command: string) =>
      execFileSync('rabbitmqctl', ['-n', node, command], { env: { ...process.env, HOME: data }, stdio: 'ignore' });
    await platform.close().catch(() => {});
    ctl('stop_app');
    await expect.poll(async () => (await fetch(lrm.url)).text(), { timeout: 10_000 }).toContain('interrompue');
    ctl('start_app');
    platform = await connect(amqpUrl);
    channel = await platform.createChannel();
    const after = buildLrmMessage(
      { ...input, appointmentId: 'apres-coupure' },
      { senderId: SENDER, recipient: SAMU, now: Date.now() },
    );
    publish(after);
    const ack = parseRcDeAck(await next(`${SENDER}.ack`, 30_000));
    expect(ack.ok && ack.value.messageId).toBe(after.distributionId);
    expect(await (await fetch(lrm.url)).text()).toContain('Liaison avec le Hub (RabbitMQ) : active.');
  });
});
