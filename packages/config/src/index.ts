import { z } from 'zod';

/** Raised when the environment does not satisfy a deployable's schema. Names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; problem: string }[]) {
    super(
      'Invalid configuration:\n' +
        problems.map((p) => `  ${p.variable}: ${p.problem}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/**
 * Validates an environment against a zod object schema. Only a deployable's env.ts calls this,
 * passing `process.env`; everything else receives the typed result.
 */
export function loadConfig<S extends z.ZodObject>(
  schema: S,
  env: Record<string, string | undefined>,
  production?: ProductionRules,
): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) {
    const problems = production ? productionProblems(production, result.data, env) : [];
    if (problems.length) throw new ConfigError(problems);
    return result.data;
  }
  throw new ConfigError(
    result.error.issues.map((issue) => ({
      variable: issue.path.join('.') || '(environment)',
      problem: issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message,
    })),
  );
}

/**
 * What production (NODE_ENV=production) refuses, beyond the schema: fail closed rather than run on a
 * development stand-in. `required`: variables whose default only suits development (a missing secret,
 * the local mail catcher); `refused`: values that name a stand-in (the offline card provider).
 */
export interface ProductionRules {
  required?: readonly string[];
  refused?: Readonly<Record<string, { values: readonly string[]; why: string }>>;
}

/** The problems `rules` finds in a parsed config (none outside production), each naming its variable. */
export function productionProblems(
  rules: ProductionRules,
  config: Record<string, unknown>,
  env: Record<string, string | undefined>,
): { variable: string; problem: string }[] {
  if (config.NODE_ENV !== 'production') return [];
  const missing = (rules.required ?? [])
    .filter((name) => !env[name])
    .map((variable) => ({ variable, problem: 'is required in production (its default is a development stand-in)' }));
  const refused = Object.entries(rules.refused ?? {})
    .filter(([name, rule]) => rule.values.includes(String(config[name])))
    .map(([variable, rule]) => ({ variable, problem: `'${String(config[variable])}' is refused in production: ${rule.why}` }));
  return [...missing, ...refused];
}

/** Runs `fn` and, on a ConfigError, prints what is wrong and exits 1 (fail fast at start). */
export function configOrExit<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

/** Reusable field schemas, so every deployable spells the same variable the same way. */
export const fields = {
  port: (def: number) => z.coerce.number().int().min(0).max(65535).default(def),
  host: z.string().min(1).default('127.0.0.1'),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  nodeEnv: z.enum(['development', 'test', 'production']).default('development'),
  url: z.url(),
  postgresUrl: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  /** A CA bundle file that verifies the database's TLS certificate (libpq's sslrootcert). */
  postgresCaFile: z.string().min(1).optional(),
  temporalAddress: z.string().min(1).default('127.0.0.1:7233'),
  temporalNamespace: z.string().min(1).default('default'),
  secret: z.string().min(16, 'must be at least 16 characters'),
  bool: (def: boolean) =>
    z
      .enum(['true', 'false', '1', '0'])
      .default(def ? 'true' : 'false')
      .transform((v) => v === 'true' || v === '1'),
};

export { z };
