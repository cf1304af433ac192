import { runService } from '@elar/http';
import { loadLicensingConfig } from './env';
import { startLicensing } from './start';

runService('licensing', () => loadLicensingConfig(), startLicensing);
