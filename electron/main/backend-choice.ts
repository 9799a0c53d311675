// Which SAS backend the console talks to. `SAS_BACKEND_URL` (when set, even empty) wins over the settings, so a
// deployment or a test can force it; an empty URL means the built-in training environment ("FORMATION").
// Pure: no Electron, no process — main passes the values in.
import type { EnvironmentInfo } from '../../shared/api/console-api';
import { normalizeBackendBase } from '@shared/util/backend-url';
import { isLoopbackHost } from '@shared/util/loopback';

const TRAINING_LABEL = 'FORMATION';
export const BACKEND_URL_VARIABLE = 'SAS_BACKEND_URL';

export type BackendChoice =
  | { mode: 'training' }
  | { mode: 'connected'; backendUrl: string }
  /** A configured URL that cannot be used: the console says so instead of silently falling back to training. */
  | { mode: 'misconfigured'; problem: string };

export interface BackendInputs {
  /** `process.env.SAS_BACKEND_URL`; undefined when the variable is not set. */
  environmentUrl: string | undefined;
  /** The settings' `backendUrl` ('' = training). */
  settingsUrl: string;
  /** The stored `backendUrl` could not be read: never taken for '' (training). */
  settingsUrlDamaged?: boolean;
}

const MISCONFIGURED = 'Console mal configurée.';

export function chooseBackend(inputs: BackendInputs): BackendChoice {
  const fromEnvironment = inputs.environmentUrl !== undefined;
  if (!fromEnvironment && inputs.settingsUrlDamaged) {
    return {
      mode: 'misconfigured',
      problem: `${MISCONFIGURED} Adresse du serveur SAS illisible dans les paramètres : prévenez l’administrateur du poste.`,
    };
  }
  const raw = (fromEnvironment ? inputs.environmentUrl : inputs.settingsUrl)?.trim() ?? '';
  if (raw === '') return { mode: 'training' };
  const where = fromEnvironment ? `la variable ${BACKEND_URL_VARIABLE}` : 'les paramètres';
  const problem = backendUrlProblem(raw);
  if (problem)
    return {
      mode: 'misconfigured',
      problem: `${MISCONFIGURED} Adresse du serveur SAS invalide dans ${where} : ${problem}.`,
    };
  return { mode: 'connected', backendUrl: normalizeBackendBase(raw) };
}

/** Why a backend URL cannot be used, in French, or undefined when it can. Tokens travel there: https only. */
export function backendUrlProblem(raw: string): string | undefined {
  if (raw.length > 500) return 'adresse trop longue (500 caractères au plus)';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'ce n’est pas une adresse web';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'seules les adresses https:// sont acceptées';
  if (url.username !== '' || url.password !== '')
    return 'l’adresse ne doit pas contenir d’identifiant ni de mot de passe';
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return 'http:// n’est accepté que sur la machine elle-même (127.0.0.1) ; utilisez https://';
  }
  if (url.search !== '' || url.hash !== '') return 'l’adresse ne doit pas contenir de « ? » ni de « # »';
  return undefined;
}

/** What the renderer shows about the environment: "FORMATION" everywhere in training. */
export function environmentInfo(
  choice: BackendChoice,
  facts: { version: string; settingsLabel: string; trainingBackendUrl?: string },
): EnvironmentInfo {
  switch (choice.mode) {
    case 'training':
      return {
        mode: 'training',
        label: TRAINING_LABEL,
        backendUrl: facts.trainingBackendUrl ?? '',
        version: facts.version,
      };
    case 'connected':
      return { mode: 'connected', label: facts.settingsLabel, backendUrl: choice.backendUrl, version: facts.version };
    case 'misconfigured':
      return { mode: 'connected', label: facts.settingsLabel, backendUrl: '', version: facts.version };
  }
}
