import { configOrExit } from '@elar/config';
import { stopOnSignals } from '@elar/http';
import { createLogger } from '@elar/logger';
import { loadWorkerConfig } from './env';
import { startWorkers } from './start';

const config = configOrExit(() => loadWorkerConfig());
const logger = createLogger('worker', config.LOG_LEVEL);
startWorkers(config)
  .then((workers) => {
    stopOnSignals(logger, workers.stop);
    workers.running.catch((err) => {
      logger.fatal({ err }, 'a worker stopped unexpectedly');
      process.exit(1);
    });
  })
  .catch((err) => {
    logger.fatal({ err }, 'worker failed to start');
    process.exit(1);
  });
