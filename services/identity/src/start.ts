import { INTERNAL_TOKEN_HEADER, createServiceClient, startServer, type RunningServer } from '@elar/http';
import { createLogger } from '@elar/logger';
import { createMailer } from '@elar/mail';
import { createTemporal } from '@elar/temporal';
import { keepReconcilerSchedule } from '@elar/workflows';
import { createIdentityApp, type IdentityDeps } from './app';
import { configureHashQueue } from './credentials/hashing';
import { createDb } from './db/client';
import type { IdentityConfig } from './env';
import { createCatalogNames } from './notifications/catalog-names';
import type { IdentityMailer } from './notifications/send-notification';
import { createOnboarding } from './profiles/onboarding';
import { createRevocationRelay } from './session-revocations/relay';

export interface IdentityService {
  server: RunningServer;
  deps: IdentityDeps;
  stop(): Promise<void>;
}

/** Wires the service from config and listens; `stop()` drains and closes everything it opened. */
export async function startIdentity(config: IdentityConfig): Promise<IdentityService> {
  const logger = createLogger('identity', config.LOG_LEVEL);
  configureHashQueue({ concurrency: config.HASH_CONCURRENCY, maxWaiting: config.HASH_QUEUE_MAX, maxWaitMs: config.HASH_QUEUE_MAX_WAIT_MS });
  const db = createDb(config.DATABASE_URL);
  const temporal = createTemporal({ address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE });
  const licensing = createServiceClient({ name: 'licensing', baseUrl: config.LICENSING_URL, timeoutMs: 3000, headers: { [INTERNAL_TOKEN_HEADER]: config.INTERNAL_TOKEN } });
  const catalogNames = createCatalogNames(licensing, logger);
  const mailer: IdentityMailer = Object.assign(
    createMailer({
      host: config.SMTP_HOST, port: config.SMTP_PORT, secure: config.SMTP_SECURE,
      user: config.SMTP_USER, password: config.SMTP_PASSWORD, from: config.MAIL_FROM,
    }),
    { templateContext: async () => ({ names: await catalogNames(), portalUrl: config.PORTAL_URL.replace(/\/$/, '') }) },
  );
  const onboarding = createOnboarding({ db, temporal: temporal.client, logger });
  const revocations = createRevocationRelay({ databaseUrl: config.DATABASE_URL, logger });
  const deps: IdentityDeps = {
    config, db, mailer, temporal, onboarding, logger, revocations,
    piiKey: config.IDENTITY_PII_KEY, passwordPolicy: config.PASSWORD_POLICY,
  };
  const server = await startServer(createIdentityApp(deps), config.PORT, config.HOST);
  // The reconciler runs as a Temporal Schedule, once per cluster (not a timer per replica).
  const schedule = keepReconcilerSchedule(temporal.client, 'identity', (outcome) => {
    if (outcome instanceof Error) logger.warn({ err: outcome }, 'identity-reconciler schedule not ensured yet');
    else if (outcome === 'created') logger.info('identity-reconciler schedule created');
  });
  logger.info({ url: server.url }, 'identity listening');
  return {
    server,
    deps,
    async stop() {
      schedule.stop();
      await revocations.close();
      await server.stop();
      mailer.close();
      await Promise.allSettled([db.$disconnect(), temporal.close(), licensing.close()]);
    },
  };
}
