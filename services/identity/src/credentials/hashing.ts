import { createHmac, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;

/** OWASP's scrypt parameters (N=2^17, r=8, p=1). Runs on libuv's thread pool, off the event loop. */
const N = 2 ** 17;
const R = 8;
const P = 1;
const KEY_LEN = 32;
const MAXMEM = 256 * 1024 * 1024;

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(secret, salt, KEY_LEN, { N, r: R, p: P, maxmem: MAXMEM });
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, key] = stored.split('$');
  if (alg !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(secret, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n), r: Number(r), p: Number(p), maxmem: MAXMEM,
  });
  return timingSafeEqual(actual, expected);
}

/** A hash that exists only to spend the same time as a real verification (unknown user names). */
let dummy: Promise<string> | undefined;
export const dummyHash = () => (dummy ??= hashSecret('not-a-real-password'));

/** Hint answers compare case- and space-insensitively. */
export const normalizeHintAnswer = (answer: string) => answer.toLowerCase().replace(/\s+/g, ' ').trim();

/** Keyed digest of SSN digits: equal digits give equal digests, but the table alone reveals nothing. */
export const ssnDigest = (key: string, last4: string) => createHmac('sha256', key).update(`ssn4:${last4}`).digest('hex');
