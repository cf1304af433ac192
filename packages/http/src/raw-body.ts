import type { IncomingMessage } from 'node:http';
import type { Request } from 'express';

const RAW = Symbol('rawBody');

/** express.json's `verify` hook: keeps the exact bytes that were parsed (for signature checks). */
export const keepRawBody = (req: IncomingMessage, _res: unknown, buf: Buffer) => {
  (req as unknown as Record<symbol, Buffer>)[RAW] = buf;
};

/** The request body exactly as received, when it was JSON (undefined otherwise). */
export const rawBodyOf = (req: Request): Buffer | undefined => (req as unknown as Record<symbol, Buffer | undefined>)[RAW];
