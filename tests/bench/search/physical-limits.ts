// The physical limits of a search, measured in the same run: the very requests the backend just sent to each
// publisher, replayed directly (same URLs, same Accept header, all publishers at once as the backend does), timed
// until each publisher's last answer byte. No search can show a publisher's card before that publisher answers.
import { Agent, request } from 'undici';

interface PublisherTiming {
  /** ms until all of this publisher's requests were answered; absent when one got no answer within the budget. */
  ms?: number;
  /** HTTP status of its (last) answer. */
  status?: number;
}

export interface PhysicalLimits {
  perPublisher: Record<string, PublisherTiming>;
  /** Fastest publisher answering 200. */
  fastestMs: number;
  /** Slowest publisher that gave any HTTP answer (even an error status) within the budget. */
  slowestAnsweringMs: number;
}

export class PublisherProbe {
  private readonly agent = new Agent({ connections: 32, keepAliveTimeout: 30_000 });

  constructor(private readonly budgetMs: number) {}

  private async timeOne(url: string): Promise<{ ms?: number; status?: number }> {
    const started = performance.now();
    try {
      const response = await request(url, {
        method: 'GET',
        headers: { accept: 'application/json+fhir' },
        dispatcher: this.agent,
        signal: AbortSignal.timeout(this.budgetMs),
      });
      await response.body.arrayBuffer();
      return { ms: performance.now() - started, status: response.statusCode };
    } catch {
      return {};
    }
  }

  async measure(urlsByPublisher: Record<string, readonly string[]>): Promise<PhysicalLimits> {
    const entries = await Promise.all(
      Object.entries(urlsByPublisher)
        .filter(([, urls]) => urls.length > 0)
        .map(async ([id, urls]): Promise<[string, PublisherTiming]> => {
          const timings = await Promise.all(urls.map((url) => this.timeOne(url)));
          const unanswered = timings.some((t) => t.ms === undefined);
          const last = timings.reduce((a, b) => ((b.ms ?? 0) > (a.ms ?? 0) ? b : a));
          return [
            id,
            unanswered ? {} : { ms: last.ms ?? 0, ...(last.status !== undefined ? { status: last.status } : {}) },
          ];
        }),
    );
    const perPublisher = Object.fromEntries(entries);
    const answered = entries.filter(([, t]) => t.ms !== undefined);
    const ok = answered.filter(([, t]) => t.status === 200);
    return {
      perPublisher,
      fastestMs: Math.min(...ok.map(([, t]) => t.ms ?? Number.NaN)),
      slowestAnsweringMs: Math.max(...answered.map(([, t]) => t.ms ?? Number.NaN)),
    };
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
