import type { Express } from 'express';
import {
  changePasswordRequest, hintQuestionRequest, recoverUsernameRequest, requestResetCodeRequest, resetByCodeRequest, resetByHintRequest,
} from '@elar/api';
import { unauthorized, unprocessable } from '@elar/errors';
import { clientAddress, parse, readPrincipal } from '@elar/http';
import type { IdentityDeps } from '../deps';
import { createRecovery } from '../recovery/recover';
import { verifySecret } from './hashing';
import { setPassword } from './set-password';

/** Password change (signed in) and the signed-out recovery paths. */
export function mountCredentialRoutes(app: Express, deps: IdentityDeps): void {
  const recovery = createRecovery({
    ...deps,
    recoveryLimits: {
      perIdentityPerHour: deps.config.RECOVERY_LIMIT_PER_IDENTITY_PER_HOUR,
      perSourcePerHour: deps.config.RECOVERY_LIMIT_PER_SOURCE_PER_HOUR,
      codesPerHour: deps.config.RESET_CODES_PER_HOUR,
    },
  });

  app.post('/me/password', async (req, res) => {
    const who = readPrincipal(req);
    const body = parse(changePasswordRequest, req.body);
    if (body.newPassword !== body.newPasswordConfirmation) {
      throw unprocessable('password-confirmation-mismatch', 'The password and its confirmation differ.');
    }
    const profile = await deps.db.profile.findUniqueOrThrow({ where: { id: who.userId } });
    if (!profile.passwordHash || !(await verifySecret(body.currentPassword, profile.passwordHash))) {
      throw unauthorized('invalid-credentials', 'The current password is not correct.');
    }
    // Every session ends, this one too: the person signs in again with the new password.
    await setPassword(deps, profile, body.newPassword, { reason: 'change' });
    res.status(204).end();
  });

  app.post('/recovery/hint-question', async (req, res) => {
    res.json(await recovery.hintQuestion(parse(hintQuestionRequest, req.body).identity, clientAddress(req)));
  });
  app.post('/recovery/username', async (req, res) => {
    const body = parse(recoverUsernameRequest, req.body);
    res.json(await recovery.username(body.identity, body.hintAnswer, clientAddress(req)));
  });
  app.post('/recovery/password', async (req, res) => {
    const body = parse(resetByHintRequest, req.body);
    await recovery.resetByHint(body.identity, body.hintAnswer, body, clientAddress(req));
    res.status(204).end();
  });
  app.post('/recovery/code', async (req, res) => {
    await recovery.requestCode(parse(requestResetCodeRequest, req.body).identity, clientAddress(req));
    res.status(202).json({ message: 'If the details match an account, we emailed a code. It expires in 15 minutes.' });
  });
  app.post('/recovery/code/password', async (req, res) => {
    const body = parse(resetByCodeRequest, req.body);
    await recovery.resetByCode(body.email, body.code, body, clientAddress(req));
    res.status(204).end();
  });
}
