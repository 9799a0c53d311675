// `npm run backend`: the SAS backend standalone. Without arguments it runs on the training data set with its
// training environment (training Pro Santé Connect, simulated publishers), all on loopback — "FORMATION".
// `npm run backend -- --config <file.json>` runs it for real, as dist/backend/server.js does (backend/API.md).
import { startTrainingEnvironment } from './training/environment';

const args = process.argv.slice(2);
const log = (level: 'info' | 'warn' | 'error', message: string) => process.stderr.write(`[${level}] ${message}\n`);

async function main(): Promise<void> {
  if (args.includes('--config')) {
    // The same start as the production bundle (server.ts), with its JSON logs.
    await import('./server');
    return;
  }
  const port = Number(process.env.SAS_BACKEND_PORT ?? 8700);
  // Fixed ports next to the backend's, so the examples of backend/API.md work as written; port 0 picks free ports
  // for every server (tests that start the backend as its own process).
  // The structure manager's token for filling the SAS agenda (backend/API.md): given, or made at start and shown.
  const agendaToken = process.env.SAS_TRAINING_AGENDA_TOKEN;
  // A broker (RabbitMQ) for the simulated LRMs and the LRM link; without one the link is off.
  const lrmAmqpUrl = process.env.SAS_LRM_AMQP_URL?.trim();
  const env = await startTrainingEnvironment({
    ...(port === 0 ? { log } : { backendPort: port, pscPort: port + 10, publisherPortBase: port + 20, log }),
    ...(agendaToken ? { agendaManagerToken: agendaToken } : {}),
    ...(lrmAmqpUrl ? { lrmAmqpUrl } : {}),
  });
  process.stdout.write(
    [
      '',
      'Serveur SAS — environnement de FORMATION (données fictives)',
      `  API et fournisseur d’identité : ${env.backendUrl}  (OpenID : ${env.backend.identity.issuer})`,
      `  Pro Santé Connect de formation : ${env.psc.issuer}`,
      env.lrm
        ? `  LRM simulés (« DRM à rattacher ») : ${env.lrm.pageUrl}`
        : '  Liaison LRM désactivée (SAS_LRM_AMQP_URL : broker RabbitMQ)',
      ...[...env.publishers.values()].map((p) => `  éditeur simulé ${p.entry.name.padEnd(28)} ${p.server.fhirBaseUrl}`),
      `  Agenda SAS, jeton du gestionnaire de structure de formation : ${env.agendaManagerToken}`,
      'Ctrl+C pour arrêter.',
      '',
    ].join('\n'),
  );
  onStop(() => env.close());
}

function onStop(close: () => Promise<void>): void {
  const stop = () => {
    // A failed close is reported and the exit code says so: a supervisor must not take it for a clean stop.
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Arrêt incomplet :', error instanceof Error ? error.message : String(error));
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Démarrage impossible : ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
