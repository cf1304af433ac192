import type { Logger } from '@elar/logger';
import type { TemporalHandle } from '@elar/temporal';
import type { Db } from './db/client';
import type { IdentityConfig } from './env';
import type { IdentityMailer } from './notifications/send-notification';
import type { Onboarding } from './profiles/onboarding';
import type { RevocationRelay } from './session-revocations/relay';

/** What the service's routes and use cases are given (its own module: routes import it, app.ts mounts the routes). */
export interface IdentityDeps {
  config: IdentityConfig;
  db: Db;
  mailer: IdentityMailer;
  temporal: TemporalHandle;
  onboarding: Onboarding;
  logger: Logger;
  piiKey: string;
  passwordPolicy: IdentityConfig['PASSWORD_POLICY'];
  revocations: RevocationRelay;
}
