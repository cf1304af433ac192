import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { withRequestContext } from '@elar/logger';

export const REQUEST_ID_HEADER = 'x-request-id';
const VALID_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Takes the caller's request id (if well-formed) or makes one, echoes it, and scopes the request to it. */
export const requestContext: RequestHandler = (req, res, next) => {
  const incoming = req.header(REQUEST_ID_HEADER);
  const requestId = incoming && VALID_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, requestId);
  (req as { id?: string }).id = requestId;
  withRequestContext({ requestId }, () => next());
};
