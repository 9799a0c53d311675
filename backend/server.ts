// The production entry, bundled by `npm run build:backend` into dist/backend/server.js and run with plain node:
//   node dist/backend/server.js --config /etc/sas/backend.json
// Logs are JSON lines on stderr (pino); SIGTERM/SIGINT close the server. See backend/API.md "Deploying".
import { loadBackendConfig, startConfiguredBackend } from './config';
import { createBackendLogger, logCallback } from './observability/logger';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const configIndex = args.indexOf('--config');
  const file = configIndex >= 0 ? args[configIndex + 1] : process.env.SAS_CONFIG;
  if (!file) throw new Error('--config demande un fichier de configuration JSON (ou SAS_CONFIG)');
  const config = await loadBackendConfig(file, process.env);
  const logger = createBackendLogger({ level: config.observability.logLevel });
  const backend = await startConfiguredBackend(config, logCallback(logger), logger);
  process.stdout.write(`Serveur SAS : ${backend.url}\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('arrêt demandé', { signal });
    // A failed close is reported and the exit code says so: a supervisor must not take it for a clean stop.
    backend.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.unexpected('arrêt', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Démarrage impossible : ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
