// Preloaded with `--require` (NODE_OPTIONS refuses --cpu-prof on Node 20): the same V8 CPU profiler
// through node:inspector, started on SIGUSR2 (so start-up is left out) and written to
// ELAR_CPU_PROFILE_DIR when the process is told to stop (or exits).
const inspector = require('node:inspector');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.ELAR_CPU_PROFILE_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  let started = false;
  process.on('SIGUSR2', () => {
    if (started) return;
    started = true;
    session.post('Profiler.enable');
    session.post('Profiler.start');
  });
  let written = false;
  const write = () => {
    if (written || !started) return;
    written = true;
    // A session on the same thread answers synchronously, so this completes before returning.
    session.post('Profiler.stop', (err, result) => {
      if (!err) writeFileSync(join(dir, `CPU.${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  // On SIGTERM at once: a process that drains slowly may be killed before it exits.
  process.on('SIGTERM', write);
  process.on('exit', write);
}
