import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary, translations } from '@zxcvbn-ts/language-en';

/**
 * An offline estimate of how guessable a password is (zxcvbn-ts with its breached-password list,
 * common names, English words and keyboard patterns; nothing leaves the process). Score 0-4: below 3
 * (fewer than 10^8 guesses) is what password-spraying and cracking lists reach first.
 */
export const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
const zxcvbn = () =>
  (estimator ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...englishDictionary },
    graphs: adjacencyGraphs,
    translations,
  }));

export interface Guessability {
  score: ZxcvbnResult['score'];
  /** Set when the password is too guessable: the estimator's reason, in words a person understands. */
  reason?: string;
}

/** `context`: words of this account (user name, names) that make a password easy to guess for it. */
export function guessability(password: string, context: string[] = []): Guessability {
  const result = zxcvbn().check(password, context.filter(Boolean));
  if (result.score >= MIN_SCORE) return { score: result.score };
  const reason = result.feedback.warning || 'This password is easy to guess.';
  const hint = result.feedback.suggestions[0];
  return { score: result.score, reason: hint ? `${reason} ${hint}` : reason };
}
