import { runService } from '@elar/http';
import { loadGatewayConfig } from './env';
import { startGateway } from './start';

runService('gateway', () => loadGatewayConfig(), startGateway);
