/**
 * Paths and query parameters that carry bearer secrets (draft resume tokens, session ids, codes).
 * Request logs and error logs record URLs through this, so none of them reaches a log line.
 */
const SECRET_SEGMENTS = [/(\/profile-drafts\/)[^/?#]+/g, /(\/internal\/sessions\/)[^/?#]+/g];
const SECRET_PARAMS = /([?&](?:token|sessionId|sid|code|verificationCode|deviceToken|challengeId)=)[^&#]*/gi;

export const redactUrl = (url: string): string =>
  SECRET_SEGMENTS.reduce((u, re) => u.replace(re, '$1[redacted]'), url).replace(SECRET_PARAMS, '$1[redacted]');
