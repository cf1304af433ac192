import { configOrExit } from '@elar/config';
import { stopOnSignals } from '@elar/http';
import { createLogger } from '@elar/logger';
import { loadIdentityConfig } from './env';
import { startIdentity } from './start';

const config = configOrExit(() => loadIdentityConfig());
startIdentity(config)
  .then((service) => stopOnSignals(createLogger('identity', config.LOG_LEVEL), service.stop))
  .catch((err) => {
    createLogger('identity').fatal({ err }, 'identity failed to start');
    process.exit(1);
  });
