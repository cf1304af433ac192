import { createHmac, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { createHashQueue, type HashQueueOptions } from './hash-queue';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;

/** OWASP's scrypt parameters (N=2^17, r=8, p=1). Runs on libuv's thread pool, off the event loop. */
const N = 2 ** 17;
const R = 8;
const P = 1;
const KEY_LEN = 32;
const MAXMEM = 256 * 1024 * 1024;

/** Every scrypt of the process goes through one bounded queue (see hash-queue.ts); start.ts sizes it. */
export const HASH_QUEUE_DEFAULTS: HashQueueOptions = { concurrency: 2, maxWaiting: 12 };
let queue = createHashQueue(HASH_QUEUE_DEFAULTS);
export const configureHashQueue = (opts: HashQueueOptions) => {
  queue = createHashQueue(opts);
};

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await queue.run(() => scrypt(secret, salt, KEY_LEN, { N, r: R, p: P, maxmem: MAXMEM }));
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Checks `secret` against a stored hash; `lane` (the client source) gives the check its fair turn in the hash queue. */
export async function verifySecret(secret: string, stored: string, lane?: string): Promise<boolean> {
  const [alg, n, r, p, salt, key] = stored.split('$');
  if (alg !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await queue.run(() =>
    scrypt(secret, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: MAXMEM }),
    lane,
  );
  return timingSafeEqual(actual, expected);
}

/** A hash that exists only to spend the same time as a real verification (unknown user names). */
let dummy: Promise<string> | undefined;
export const dummyHash = () => (dummy ??= hashSecret('not-a-real-password').catch((err) => {
  dummy = undefined;
  throw err;
}));

/** One verification against the dummy hash: the same work, and the same queue, as a real check. Always false. */
export const spendVerification = async (secret: string, lane?: string) => {
  await verifySecret(secret, await dummyHash(), lane);
  return false;
};

/**
 * Emailed one-time codes: a keyed digest (6 digits with 5 tries and 15 minutes need no slow hash,
 * and checking one must not cost a scrypt an anonymous caller can make us spend).
 */
export const codeDigest = (key: string, purpose: string, code: string) => `hmac$${createHmac('sha256', key).update(`${purpose}:${code}`).digest('hex')}`;

/** Hint answers compare case- and space-insensitively. */
export const normalizeHintAnswer = (answer: string) => answer.toLowerCase().replace(/\s+/g, ' ').trim();

/** Keyed digest of SSN digits: equal digits give equal digests, but the table alone reveals nothing. */
export const ssnDigest = (key: string, last4: string) => createHmac('sha256', key).update(`ssn4:${last4}`).digest('hex');
