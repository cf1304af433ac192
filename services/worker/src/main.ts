import { runService } from '@elar/http';
import { loadWorkerConfig } from './env';
import { startWorkers } from './start';

runService('worker', () => loadWorkerConfig(), startWorkers);
