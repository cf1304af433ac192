import { configOrExit } from '@elar/config';
import { stopOnSignals } from '@elar/http';
import { createLogger } from '@elar/logger';
import { loadGatewayConfig } from './env';
import { startGateway } from './start';

const config = configOrExit(() => loadGatewayConfig());
startGateway(config)
  .then((gateway) => stopOnSignals(createLogger('gateway', config.LOG_LEVEL), gateway.stop))
  .catch((err) => {
    createLogger('gateway').fatal({ err }, 'gateway failed to start');
    process.exit(1);
  });
