// `npm run electronegativity`: Electronegativity (Electron security scanner) over electron/, failing on findings.
// The CLI always exits 0, whatever it finds, so this runs its scanner through its programmatic entry and decides:
// - any finding of medium severity or above (any confidence) fails the run;
// - findings silenced in the code (`// eng-disable CHECK_ID`) must carry their justification in the comment
//   right above the silenced line, or the run fails;
// - a file the scanner could not parse fails the run (it was not checked).
// The full report (every severity) is written to test-reports/electronegativity.csv.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const print = (line) => process.stdout.write(`${line}\n`);
const root = resolve(import.meta.dirname, '..');
const input = join(root, 'electron');
const report = join(root, 'test-reports', 'electronegativity.csv');

/**
 * Checks left out, each with its reason:
 * - AvailableSecurityFixesGlobalCheck compares the Electron version with GitHub's release list: it needs the
 *   internet (unreachable on these machines) and writes into node_modules; Electron updates are followed through
 *   npm instead. Without a package.json under electron/ it has nothing to judge anyway.
 */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/** Shortest justification accepted, in characters of the comment block that touches the silenced line. */
const MIN_JUSTIFICATION_LENGTH = 40;

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|js|mjs|cjs|html)$/u.test(entry.name))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/** `eng-disable` comments without a justification in the comment block right above them. */
export function unjustifiedExceptions(files, base = root) {
  const problems = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, index) => {
      if (!/eng-disable/u.test(line)) return;
      let text = '';
      for (let i = index - 1; i >= 0; i -= 1) {
        const comment = /^\s*\/\/(.*)$/u.exec(lines[i] ?? '');
        if (!comment) break;
        text = `${comment[1]} ${text}`;
      }
      if (text.trim().length < MIN_JUSTIFICATION_LENGTH) {
        problems.push(
          `${relative(base, file)}:${index + 1}: exception sans justification dans le commentaire au-dessus`,
        );
      }
    });
  }
  return problems;
}

/** Where a finding is: a file position, or the whole app for global checks (no CSP found, no navigation limit...). */
function where(issue) {
  if (issue.file === 'N/A') return '(application entière)';
  return `electron/${issue.file}:${issue.location.line}:${issue.location.column}`;
}

async function main() {
  const run = require('@doyensec/electronegativity');
  const { severity, confidence } = require('@doyensec/electronegativity/dist/finder/attributes');
  const electronVersion = JSON.parse(
    readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ).version;
  mkdirSync(join(root, 'test-reports'), { recursive: true });

  const result = await run(
    {
      input,
      output: report,
      isSarif: false,
      customScan: [],
      excludeFromScan: EXCLUDED_CHECKS.map((name) => name.toLowerCase()),
      isRelative: true,
      isVerbose: false,
      // electron/ has no package.json: without this the scanner assumes Electron 0.1.0 and its insecure defaults.
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  );

  const findings = result.issues.filter(
    (issue) => issue.severity.value >= severity.MEDIUM.value && issue.confidence.value >= confidence.TENTATIVE.value,
  );
  const unparsed = result.errors.filter((error) => !error.tolerable);
  const unjustified = unjustifiedExceptions(sourceFiles(input));

  for (const issue of findings) {
    print(`${issue.id} [${issue.severity.name}/${issue.confidence.name}] ${where(issue)} — ${issue.description}`);
  }
  for (const error of unparsed) print(`fichier non analysé : ${relative(root, error.file)} — ${error.message}`);
  for (const problem of unjustified) print(problem);

  const failed = findings.length + unparsed.length + unjustified.length;
  print(
    `Electronegativity (Electron ${electronVersion}) : ${result.globalChecks + result.atomicChecks} vérifications, ` +
      `${findings.length} constat(s) de gravité moyenne ou plus, ${unparsed.length} fichier(s) non analysé(s), ` +
      `${unjustified.length} exception(s) non justifiée(s). Rapport : ${relative(root, report)}`,
  );
  process.exitCode = failed > 0 ? 1 : 0;
}

// Run when executed (`node scripts/electronegativity.mjs`), not when a test imports the justification rule.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
