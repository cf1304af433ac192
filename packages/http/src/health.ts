import type { Router } from 'express';
import express from 'express';

/**
 * A dependency `/readyz` checks. `gates: false` reports it under `details` without failing readiness:
 * for a dependency whose outage must not take the process out of its Service (Temporal, for the APIs).
 */
export type ReadinessCheck = { name: string; check: () => Promise<void>; gates?: boolean };

export interface Health {
  router: Router;
  /** Flip readiness off (first step of a graceful shutdown). */
  markShuttingDown(): void;
}

const withTimeout = (p: Promise<void>, ms: number) =>
  Promise.race([p, new Promise<void>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms).unref())]);

/** `/healthz` says the process is alive; `/readyz` says its dependencies answer and it is not stopping. */
export function createHealth(checks: ReadinessCheck[]): Health {
  let shuttingDown = false;
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    if (shuttingDown) {
      res.status(503).json({ status: 'shutting-down', checks: {} });
      return;
    }
    const results = await Promise.all(
      checks.map(async (c) => {
        try {
          await withTimeout(c.check(), 2000);
          return [c.name, 'ok'] as const;
        } catch {
          return [c.name, 'failing'] as const;
        }
      }),
    );
    const gating = results.filter((_, i) => checks[i]!.gates !== false);
    const details = results.filter((_, i) => checks[i]!.gates === false);
    const ok = gating.every(([, r]) => r === 'ok');
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ready' : 'not-ready',
      checks: Object.fromEntries(gating),
      ...(details.length ? { details: Object.fromEntries(details) } : {}),
    });
  });
  return { router, markShuttingDown: () => void (shuttingDown = true) };
}
