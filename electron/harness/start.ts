// `npm run start:web`: the console in a browser, on the built-in training environment, or against a separate
// backend when `SAS_BACKEND_URL` is set (as a workstation runs). An optional launch URL on the command line is
// delivered as the LRM would.
import { createStderrLogger } from '@shared/util/logger';
import { startConnectedHarness, startHarness } from './harness';

const backendUrl = process.env.SAS_BACKEND_URL?.trim();
const lrmAmqpUrl = process.env.SAS_LRM_AMQP_URL?.trim();
const options = {
  port: Number(process.env.SAS_HARNESS_PORT ?? 0),
  // The simulated LRMs and the LRM link need a broker (RabbitMQ); without one the link is off.
  ...(lrmAmqpUrl ? { training: { lrmAmqpUrl } } : {}),
  log: (line: string) => process.stderr.write(`${line}\n`),
  logger: createStderrLogger({ scope: 'harness' }),
};
const trainingHarness = backendUrl ? undefined : await startHarness(options);
const harness = trainingHarness ?? (await startConnectedHarness(backendUrl ?? '', options));
const launchArg = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
if (launchArg) harness.launch(launchArg);

process.stdout.write(
  [
    '',
    backendUrl
      ? `SAS Console — serveur SAS ${backendUrl}`
      : 'SAS Console — environnement de FORMATION (données fictives)',
    `Ouvrez dans Chromium (adresse complète, avec sa clé) : ${harness.url}`,
    `Simuler un lancement du LRM : curl -X POST -H 'content-type: application/json' -H 'x-sas-bridge-token: ${harness.bridge.token}' \\`,
    `  --data '{"input":"sas-console://recherche?origin=TEST-SAMU000&inseecode=47001&specialty=urn:oid:1.2.250.1.213.2.28%7CSM54"}' ${harness.bridge.origin}/api/launch`,
    ...(trainingHarness
      ? [
          trainingHarness.training.lrm
            ? `LRM simulés — orientations reçues (« DRM à rattacher ») : ${trainingHarness.training.lrm.pageUrl}`
            : 'Liaison LRM désactivée (indiquez un broker RabbitMQ dans SAS_LRM_AMQP_URL pour la former).',
        ]
      : []),
    'Ctrl+C pour arrêter.',
    '',
  ].join('\n'),
);

const stop = () => {
  void harness.close().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
