// The LRM of one or more simulated SAMUs, for the training environment: it consumes each `fr.health.samuXXX.message`
// queue on a real AMQP 0-9-1 broker (RabbitMQ standing for the Hub Santé), answers on the platform's `ack` / `info`
// queues, and shows what it received on the « DRM à rattacher » page (HTTP, loopback). The broker may go away and
// come back: the connection recovers and the consumers are set up again; the page says while the link is down.
import { connect, type ChannelModel, type ConsumeMessage } from 'amqplib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bindServer } from '../../http/listen';
import { renderDrmPage } from './drm-page';
import { handleLrmMessage } from './handle-message';
import { OrientationStore } from './orientations';

export interface SimulatedLrmOptions {
  /** amqp://… of the broker. */
  amqpUrl: string;
  /** Hub client ids of the simulated SAMUs, e.g. `['fr.health.samu330']`. */
  samus: readonly string[];
  /** The platform's Hub client id (config `lrm.senderId`): answers go to `${senderId}.ack` / `.info`. */
  senderId: string;
  /** Port of the page on 127.0.0.1 (free port by default). */
  port?: number;
  /** Connection attempts before giving up at start (a broker that is not there fails fast). */
  initialRetries?: number;
  now?: () => number;
  onError?: (where: string, error: unknown) => void;
}

export interface SimulatedLrm {
  /** The « DRM à rattacher » page. */
  url: string;
  store: OrientationStore;
  stop(): Promise<void>;
}

/** Queues as the Hub declares them: durable, no arguments (the platform's side must declare them the same way). */
const QUEUE_OPTIONS = { durable: true } as const;

export async function startSimulatedLrm(options: SimulatedLrmOptions): Promise<SimulatedLrm> {
  const now = options.now ?? Date.now;
  const onError = options.onError ?? (() => {});
  const store = new OrientationStore();
  let connected = false;

  const setup = async (model: ChannelModel) => {
    const channel = await model.createConfirmChannel();
    await channel.prefetch(20);
    await channel.assertQueue(`${options.senderId}.ack`, QUEUE_OPTIONS);
    await channel.assertQueue(`${options.senderId}.info`, QUEUE_OPTIONS);
    for (const samu of options.samus) {
      await channel.assertQueue(`${samu}.message`, QUEUE_OPTIONS);
      await channel.consume(`${samu}.message`, (message: ConsumeMessage | null) => {
        if (!message) return;
        const reply = handleLrmMessage(message.content, { samu, senderId: options.senderId, store, now: now() });
        // Acknowledged to the broker once the answer is confirmed: a crash in between redelivers the message, and
        // the LRM's answer is then sent again (at least once, as the Hub does).
        channel.sendToQueue(
          reply.queue,
          Buffer.from(JSON.stringify(reply.body)),
          { persistent: true, contentType: 'application/json' },
          (error: unknown) => {
            if (error) onError('réponse du LRM simulé non confirmée', error);
            else channel.ack(message);
          },
        );
      });
    }
  };

  const connection = await connect(options.amqpUrl, {
    recovery: {
      initialDelay: 200,
      maxDelay: 2000,
      maxRetries: Infinity,
      initialMaxRetries: options.initialRetries ?? 2,
      setup,
    },
  });
  connected = true;
  connection.on('connect', () => {
    connected = true;
  });
  connection.on('disconnect', (error: Error) => {
    connected = false;
    onError('LRM simulé : liaison avec le broker perdue', error);
  });
  connection.on('error', (error: Error) => onError('LRM simulé : broker', error));

  const bound = await bindServer('127.0.0.1', options.port ?? 0).catch(async (error: unknown) => {
    await connection.close().catch(() => {});
    throw error;
  });
  bound.setHandler((request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' || (path !== '/' && path !== '/drm')) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Page introuvable');
      return;
    }
    const html = renderDrmPage({
      samus: options.samus.map((samu) => ({ samu, orientations: store.list(samu) })),
      connected,
    });
    response
      .writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      })
      .end(html);
  });

  return {
    url: `${bound.origin}/`,
    store,
    stop: async () => {
      await bound.close();
      await connection.close().catch((error: unknown) => onError('LRM simulé : fermeture', error));
    },
  };
}
