// The LRM side of the training environment: simulated LRMs (one per training SAMU) on a broker, and the backend's
// LRM link pointed at them. The training's launches come from these LRM origins; each maps to a SAMU's Hub address.
// Without a broker (none given, or none answering) training still starts: the link is off and /ready says so.
import { lrmConfigSchema, type LrmConfig } from '../../lrm/config';
import { startSimulatedLrm, type SimulatedLrm } from './simulated-lrm';

/** The training's LRM origins (as its launches carry them) → the SAMU each stands for. */
const TRAINING_SAMUS: Readonly<Record<string, string>> = {
  'TEST-SAMU000': 'fr.health.samu330',
  'TEST-SAMU009': 'fr.health.samu090',
  'TEST-SAMU974': 'fr.health.samu974',
};

const SENDER_ID = 'fr.health.ptfsas';

export interface TrainingLrm {
  /** The backend's `lrm` option. */
  config: LrmConfig;
  /** The simulated LRMs' « DRM à rattacher » page. */
  pageUrl: string;
  simulated: SimulatedLrm;
}

export async function startTrainingLrm(
  amqpUrl: string | undefined,
  log: (level: 'info' | 'warn' | 'error', message: string) => void,
): Promise<TrainingLrm | undefined> {
  if (!amqpUrl) {
    log('info', 'liaison LRM désactivée : aucun broker AMQP indiqué (SAS_LRM_AMQP_URL)');
    return undefined;
  }
  let simulated: SimulatedLrm;
  try {
    // Started first: it declares the queues the backend publishes to and reads.
    simulated = await startSimulatedLrm({
      amqpUrl,
      samus: [...new Set(Object.values(TRAINING_SAMUS))],
      senderId: SENDER_ID,
      onError: (where, error) => log('warn', `LRM simulé (${where}) : ${String(error)}`),
    });
  } catch {
    log('warn', 'liaison LRM désactivée : le broker AMQP ne répond pas');
    return undefined;
  }
  const config = lrmConfigSchema.parse({
    amqpUrl,
    senderId: SENDER_ID,
    samus: TRAINING_SAMUS,
    retry: { firstMs: 200, maxMs: 5_000 },
    pollMs: 200,
  });
  log('info', `LRM simulés prêts : page « DRM à rattacher » ${simulated.url}`);
  return { config, pageUrl: simulated.url, simulated };
}
