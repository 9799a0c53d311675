// Delay before the next try of a message or of the broker connection: doubling from the first delay to the cap,
// with up to a fifth more at random so several instances do not retry in step.
export function retryDelayMs(
  attempts: number,
  limits: { firstMs: number; maxMs: number },
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(Math.trunc(attempts), 1) - 1, 30);
  const base = Math.min(limits.maxMs, limits.firstMs * 2 ** exponent);
  return Math.min(limits.maxMs, Math.round(base * (1 + 0.2 * Math.min(Math.max(random(), 0), 1))));
}
