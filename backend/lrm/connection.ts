// One connection to the broker, kept up: connects, opens a confirm channel (publishing) and a channel for the
// consumers, hands both to `onReady`, and when anything drops, reconnects after a growing delay. The backend never
// waits for it: while it is down, messages stay in the outbox.
import { connect, type Channel, type ChannelModel, type ConfirmChannel } from 'amqplib';
import { retryDelayMs } from './backoff';

interface BrokerChannels {
  publishing: ConfirmChannel;
  consuming: Channel;
}

export interface BrokerConnectionOptions {
  url: string;
  /** Client certificate, key and CA (PEM contents) for amqps. */
  tls?: { cert: Buffer | string; key: Buffer | string; ca?: Buffer | string };
  retry: { firstMs: number; maxMs: number };
  /** Declares queues and starts consumers; a failure closes the connection and the whole thing is retried. */
  onReady: (channels: BrokerChannels) => Promise<void>;
  onDown: (error: string) => void;
  log: (level: 'info' | 'warn', message: string) => void;
}

export interface BrokerConnection {
  channels(): BrokerChannels | undefined;
  /** Stops reconnecting and closes the connection. */
  close(): Promise<void>;
}

/** The broker's address without credentials, for logs. */
function safeBrokerAddress(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return 'adresse illisible';
  }
}

export function keepBrokerConnection(options: BrokerConnectionOptions): BrokerConnection {
  let stopped = false;
  let model: ChannelModel | undefined;
  let current: BrokerChannels | undefined;
  let timer: NodeJS.Timeout | undefined;
  let failures = 0;
  const address = safeBrokerAddress(options.url);

  const scheduleRetry = (reason: string) => {
    current = undefined;
    model = undefined;
    if (stopped || timer) return;
    failures += 1;
    options.onDown(reason);
    const delay = retryDelayMs(failures, options.retry);
    options.log('warn', `liaison LRM : broker ${address} injoignable (${reason}), nouvel essai dans ${delay} ms`);
    timer = setTimeout(() => {
      timer = undefined;
      void attempt();
    }, delay);
    timer.unref();
  };

  const attempt = async () => {
    if (stopped) return;
    let opened: ChannelModel | undefined;
    try {
      opened = await connect(options.url, {
        timeout: 10_000,
        ...(options.tls ? { cert: options.tls.cert, key: options.tls.key, ca: options.tls.ca } : {}),
      });
      const connection = opened;
      // Errors also close: the close handler reconnects.
      connection.on('error', () => undefined);
      connection.on('close', () => {
        if (model === connection) scheduleRetry('connexion fermée');
      });
      model = connection;
      const publishing = await connection.createConfirmChannel();
      const consuming = await connection.createChannel();
      for (const channel of [publishing, consuming]) {
        channel.on('error', () => undefined);
        // A channel closed by the broker (unknown queue, refused declaration…): start again from the connection.
        channel.on('close', () => {
          if (model === connection && !stopped) void connection.close().catch(() => undefined);
        });
      }
      await options.onReady({ publishing, consuming });
      if (stopped) return void (await connection.close().catch(() => undefined));
      current = { publishing, consuming };
      failures = 0;
      options.log('info', `liaison LRM : connecté au broker ${address}`);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (opened) {
        model = undefined;
        await opened.close().catch(() => undefined);
      }
      scheduleRetry(reason);
    }
  };

  void attempt();
  return {
    channels: () => current,
    async close() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      const closing = model;
      current = undefined;
      model = undefined;
      await closing?.close().catch(() => undefined);
    },
  };
}
