// Runs one embedded PostgreSQL (PGlite) database served over TCP, as its own process:
//   tsx pglite-server.ts <port> [dataDir]
// Its own process because PGlite is single-threaded (it must not stall the caller's event loop) and
// loads its WebAssembly through dynamic import, which jest's module sandbox does not allow.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

async function main() {
  const port = Number(process.argv[2]);
  const dataDir = process.argv[3];
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ? { dataDir } : {});
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 20 });
  await server.start();
  process.stdout.write(`embedded PostgreSQL listening on 127.0.0.1:${port}${dataDir ? ` (data in ${dataDir})` : ' (in memory)'}\n`);
  const stop = async () => {
    await server.stop();
    await db.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err) => {
  process.stderr.write(`embedded PostgreSQL failed: ${err}\n`);
  process.exit(1);
});
