// `npm start`: the whole system on this machine. Temporal dev server (UI on 8233, data in .data/),
// PostgreSQL (an embedded PostgreSQL server unless DATABASE_URL names one), migrations, demo data, a mail
// catcher (.data/mail/), then identity, licensing, the worker and the gateway. Ctrl-C stops them all.
import { startStack } from '@elar/devstack';
import { DEMO_PASSWORD, DEMO_USERS } from '../../services/identity/src/seed-data';

async function main() {
  // Ctrl-C while starting stops what has started (nothing left behind), then exits.
  const starting = new AbortController();
  const abortStart = () => {
    if (starting.signal.aborted) return;
    process.stdout.write('\nstopping before the start finished...\n');
    starting.abort();
  };
  process.on('SIGINT', abortStart);
  process.on('SIGTERM', abortStart);
  const stack = await startStack({
    mode: 'dev',
    postgresServerUrl: process.env.DATABASE_URL,
    temporalAddress: process.env.TEMPORAL_ADDRESS,
    seed: true,
    signal: starting.signal,
  });
  process.off('SIGINT', abortStart);
  process.off('SIGTERM', abortStart);
  const lines = [
    '',
    'ELAR is running',
    `  Portal          ${stack.gatewayUrl}/`,
    `  Gateway (API)   ${stack.gatewayUrl}/api/v1`,
    `  API docs        ${stack.gatewayUrl}/api/docs`,
    `  OpenAPI         ${stack.gatewayUrl}/api/v1/openapi.json`,
    `  Temporal UI     ${stack.temporalUiUrl ?? '(external Temporal: see its own UI)'}`,
    `  Caught email    ${stack.gatewayUrl}/api/v1/dev/mail  (files in .data/mail/)`,
    '',
    `Demo sign-ins (password ${DEMO_PASSWORD}):`,
    ...DEMO_USERS.map((u) => `  ${u.role.padEnd(18)} ${u.username.padEnd(15)} code mail: ${stack.gatewayUrl}/api/v1/dev/mail?to=${u.email}`),
    'Each sign-in then asks for the 6-digit code it emailed (SIGN_IN_CODE=required): read it on the',
    'caught-email page above (newest first). SIGN_IN_CODE=off npm start signs in with the password alone.',
    '',
    'Ctrl-C stops everything; data is kept in .data/ for the next run.',
    '',
  ];
  process.stdout.write(lines.join('\n'));
  // One Ctrl-C reaches this process more than once (the terminal signals the whole process group,
  // and npm forwards it too): repeats within 2 s are that same Ctrl-C; a later one forces the exit.
  let stoppingSince = 0;
  const stop = () => {
    if (stoppingSince) {
      if (Date.now() - stoppingSince > 2000) process.exit(1);
      return;
    }
    stoppingSince = Date.now();
    process.stdout.write('\nstopping...\n');
    stack.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`stopping failed: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : err}\n`);
  process.exit(1);
});
