import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import express, { type Router } from 'express';

/** Development only: lists the emails the local SMTP catcher saved, newest first (optionally `?to=`). */
export function devMailRoutes(dir: string): Router {
  const router = express.Router();
  router.get('/dev/mail', async (req, res) => {
    const to = typeof req.query.to === 'string' ? req.query.to.toLowerCase() : undefined;
    const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort().reverse();
    const mails = [];
    for (const f of files.slice(0, 200)) {
      const mail = JSON.parse(await readFile(join(dir, f), 'utf8')) as { to: string[] };
      if (!to || mail.to.some((t) => t.toLowerCase() === to)) mails.push(mail);
    }
    res.json({ mail: mails });
  });
  return router;
}
