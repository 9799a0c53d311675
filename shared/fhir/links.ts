// How a mapper of one resource reaches the resources it references. Inside a Bundle every entry can be followed;
// a resource mapped on its own only reaches its contained resources, so the same mappers serve both cases.
import type { ResolvedResource } from './references';

/** How a mapper reaches other resources. Standalone mapping only resolves contained ones. */
export interface Links {
  /** Resolves a reference string from `from` (contained `#id` or bundle entry), optionally of given types. */
  resolve(reference: string, from: ResolvedResource, types?: readonly string[]): ResolvedResource | undefined;
  /** False when mapping a lone resource: an unresolved non-contained reference is then expected, not an issue. */
  readonly inBundle: boolean;
}
