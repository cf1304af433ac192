import { describe, expect, it } from '@jest/globals';
import { AppError } from '@elar/errors';
import { checkPassword } from './password-policy';

const problems = async (password: string, username = 'dana1234') => {
  try {
    await checkPassword('nist', password, { username, previousHashes: [] });
    return [];
  } catch (err) {
    return ((err as AppError).details as { code: string; message: string }[]);
  }
};

describe('the NIST password policy', () => {
  it('refuses breached and common passwords long enough to pass the length rule, saying why', async () => {
    for (const pw of ['passwordpassword', 'qwertyuiopasdfgh', '123456789012345', 'iloveyouiloveyou', 'Password12345678', 'monkeymonkeymonkey']) {
      const found = await problems(pw);
      expect(found).toEqual([expect.objectContaining({ code: 'password-too-common', message: expect.stringMatching(/\w+/) })]);
    }
  });

  it('refuses a password built on the user name', async () => {
    const found = await problems('dana1234dana1234!', 'dana1234');
    expect(found.map((p) => p.code)).toContain('password-too-common');
  });

  it('accepts a long passphrase nobody has used', async () => {
    expect(await problems('lantern orbit pickle 47 meadow')).toEqual([]);
    expect(await problems('Vq8#rL2m!xT9pZk4')).toEqual([]);
  });

  it('leaves the portal policy as the modeled system has it', async () => {
    await expect(checkPassword('portal', 'Teach2026', { previousHashes: [] })).resolves.toBeUndefined();
  });
});
