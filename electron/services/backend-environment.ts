// Asks a backend what kind it is (`GET /api/environment`): a training backend, even a separate one, makes the
// console say « FORMATION ». An answer that cannot be read counts as "not training": the badge then shows the
// configured label, and nothing else depends on it.
import { backendRoutes } from '../../shared/backend-api/routes';
import { backendEndpoint } from '@shared/util/backend-url';

export async function isTrainingBackend(
  backendUrl: string,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<boolean> {
  const route = backendRoutes.environment;
  try {
    const response = await (options.fetch ?? fetch)(backendEndpoint(backendUrl, route.path), {
      signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
    });
    if (!response.ok) return false;
    const parsed = route.response.safeParse(await response.json());
    return parsed.success && parsed.data.training;
  } catch {
    return false;
  }
}
