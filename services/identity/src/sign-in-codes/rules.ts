/**
 * The second sign-in step's numbers (the modeled portal: a 6-digit code, valid 15 minutes).
 * Policy values, kept in one place.
 */
export const SIGN_IN_CODE_RULES = {
  digits: 6,
  validMinutes: 15,
  /** Tries per code (right or wrong), counted by one conditional UPDATE. */
  maxTries: 5,
  /** A new code for the same challenge at most this often ... */
  resendCooldownSeconds: 60,
  /** ... and at most this many codes per challenge in all (the first one included). */
  maxSendsPerChallenge: 5,
  /** Codes emailed per account per hour (password right, code asked): stops mail flooding. */
  sendsPerAccountPerHour: 10,
  /** Wrong codes per account and per source address per hour, across challenges. */
  wrongPerAccountPerHour: 10,
  wrongPerSourcePerHour: 50,
  /** "Trust this browser" lasts this long, unless revoked or the password changes. */
  trustedDeviceDays: 30,
} as const;
