import type { z } from 'zod';
import { validationFailed } from '@elar/errors';

/** Parses input with a schema; a mismatch becomes 400 validation-failed with per-field codes. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationFailed(result.error);
  return result.data;
}
