// Compile-time link between a zod object shape and the domain type it parses into.
import type { z } from 'zod';

/**
 * Every key of `T`, optional ones included, with a schema of its value. Parsing drops unknown keys, so a field
 * added to a domain type but forgotten in its schema would vanish silently: with `satisfies ShapeOf<T>` it is a
 * compile error instead (and so is a key the type does not have).
 */
export type ShapeOf<T> = { [K in keyof T]-?: z.ZodType<T[K]> };
