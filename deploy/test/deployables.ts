import type { z } from 'zod';
import type { ProductionRules } from '@elar/config';
import { gatewayEnv, gatewayProduction } from '../../services/gateway/src/env';
import { identityEnv, identityProduction } from '../../services/identity/src/env';
import { licensingEnv, licensingProduction } from '../../services/licensing/src/env';
import { workerEnv, workerProduction } from '../../services/worker/src/env';
import { TASK_QUEUES } from '../../packages/vocabulary/src/task-queues';

/** Each deployable's config schema (its env.ts) and the Deployments that run it. */
export const DEPLOYABLES: { name: string; schema: z.ZodObject; production?: ProductionRules; deployments: string[] }[] = [
  { name: 'gateway', schema: gatewayEnv, production: gatewayProduction, deployments: ['gateway'] },
  { name: 'identity', schema: identityEnv, production: identityProduction, deployments: ['identity'] },
  { name: 'licensing', schema: licensingEnv, production: licensingProduction, deployments: ['licensing'] },
  { name: 'worker', schema: workerEnv, production: workerProduction, deployments: Object.keys(TASK_QUEUES).map((q) => `worker-${q}`) },
];

/** Variables the process cannot start without: no default and not optional (undefined fails the field). */
export const requiredVariables = (schema: z.ZodObject): string[] =>
  Object.entries(schema.shape)
    .filter(([, field]) => !(field as z.ZodType).safeParse(undefined).success)
    .map(([name]) => name);

export { TASK_QUEUES };
