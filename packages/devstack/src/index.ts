export { freePort, waitForHttp, waitForPort } from './ports';
export { spawnManaged, type ManagedProcess, type SpawnOptions } from './processes';
export { findTemporalCli, findTimeSkippingServer, startTemporalDevServer, type TemporalDevServer } from './temporal-server';
export { ensureDatabase, dropDatabase } from './databases';
export { startEmbeddedPostgres, type EmbeddedPostgresServer } from './embedded-postgres';
export { startMailCatcher, type CaughtMail, type MailCatcher } from './mail-catcher';
export { PROJECT_ROOT } from './root';
export { startStack, DATA_SERVICES, type Stack, type StackOptions } from './stack';
export { findVersityGw, startObjectStore, VERSITYGW_VERSION, type ObjectStoreServer } from './object-store';
