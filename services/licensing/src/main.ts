import { configOrExit } from '@elar/config';
import { stopOnSignals } from '@elar/http';
import { createLogger } from '@elar/logger';
import { loadLicensingConfig } from './env';
import { startLicensing } from './start';

const config = configOrExit(() => loadLicensingConfig());
startLicensing(config)
  .then((service) => stopOnSignals(createLogger('licensing', config.LOG_LEVEL), service.stop))
  .catch((err) => {
    createLogger('licensing').fatal({ err }, 'licensing failed to start');
    process.exit(1);
  });
