import { configOrExit } from '@elar/config';
import { createLogger } from '@elar/logger';
import { stopOnSignals } from './server';

/**
 * A deployable's whole `main`: validate config (exit 1 naming bad variables), start, stop gracefully
 * on SIGTERM/SIGINT, and exit 1 if starting fails or `running` rejects.
 */
export function runService<C extends { LOG_LEVEL: string }>(
  name: string,
  loadConfig: () => C,
  start: (config: C) => Promise<{ stop: () => Promise<void>; running?: Promise<unknown> }>,
): void {
  const config = configOrExit(loadConfig);
  const logger = createLogger(name, config.LOG_LEVEL);
  start(config)
    .then((service) => {
      stopOnSignals(logger, service.stop);
      service.running?.catch((err) => {
        logger.fatal({ err }, `${name} stopped unexpectedly`);
        process.exit(1);
      });
    })
    .catch((err) => {
      logger.fatal({ err }, `${name} failed to start`);
      process.exit(1);
    });
}
