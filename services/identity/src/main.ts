import { runService } from '@elar/http';
import { loadIdentityConfig } from './env';
import { startIdentity } from './start';

runService('identity', () => loadIdentityConfig(), startIdentity);
