// Entry point of `npm run cli`. Exit codes: 0 valid, 1 invalid input, 2 usage error.
import { runCli } from './run-cli';

const outcome = await runCli(process.argv.slice(2));
process.stdout.write(`${JSON.stringify(outcome.output, null, 2)}\n`);
process.exitCode = outcome.exitCode;
