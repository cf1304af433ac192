import { INTERNAL_TOKEN_HEADER, createServiceClient, startServer } from '@elar/http';
import { createLogger } from '@elar/logger';
import { createGatewayApp } from './app';
import { subscribeToRevocations } from './auth/revocation-feed';
import { createSessionCache } from './auth/session-cache';
import type { GatewayConfig } from './env';
import { loadPortalAssets } from './portal';
import { createUpstream } from './proxy';
import { createRateLimits } from './rate-limits';

export async function startGateway(config: GatewayConfig) {
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const identity = createServiceClient({
    name: 'identity', baseUrl: config.IDENTITY_URL, timeoutMs: config.UPSTREAM_TIMEOUT_MS,
    headers: { [INTERNAL_TOKEN_HEADER]: config.INTERNAL_TOKEN },
  });
  const sessions = createSessionCache(config.SESSION_CACHE_SECONDS * 1000, async (sid) => {
    const { body } = await identity.post<{ active: boolean }>('/internal/sessions/lookup', { sessionId: sid });
    return body.active;
  });
  const revocations = subscribeToRevocations({ identityUrl: config.IDENTITY_URL, internalToken: config.INTERNAL_TOKEN, sessions, logger });
  const upstreams = {
    identity: createUpstream('identity', config.IDENTITY_URL),
    licensing: createUpstream('licensing', config.LICENSING_URL),
  };
  const portal = loadPortalAssets(config.PORTAL_DIR, config.NODE_ENV);
  const rateLimits = await createRateLimits({ redisUrl: config.REDIS_URL, logger });
  const server = await startServer(createGatewayApp({ config, logger, identity, upstreams, sessions, portal, rateLimits }), config.PORT, config.HOST);
  logger.info({ url: server.url, rateLimitStore: rateLimits.store }, 'gateway listening');
  return {
    server,
    async stop() {
      revocations.stop();
      await server.stop();
      await Promise.allSettled([identity.close(), upstreams.identity.pool.close(), upstreams.licensing.pool.close(), rateLimits.close()]);
    },
  };
}
