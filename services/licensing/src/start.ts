import { startServer } from '@elar/http';
import { createLogger } from '@elar/logger';
import { createTemporal } from '@elar/temporal';
import { createLicensingApp } from './app';
import type { LicensingConfig } from './env';

/** Wires the service from config and listens; `stop()` drains and closes everything it opened. */
export async function startLicensing(config: LicensingConfig) {
  const logger = createLogger('licensing', config.LOG_LEVEL);
  const temporal = createTemporal({ address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE });
  const server = await startServer(createLicensingApp({ config, temporal, logger }), config.PORT, config.HOST);
  logger.info({ url: server.url }, 'licensing listening');
  return {
    server,
    async stop() {
      await server.stop();
      await temporal.close();
    },
  };
}
