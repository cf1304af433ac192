import { describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { createLogger, withRequestContext } from './index';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk, _enc, cb) { lines.push(String(chunk)); cb(); } });
  return { lines, stream };
}

describe('logger', () => {
  it('never writes personal data or secrets, however deep they are nested', () => {
    const { lines, stream } = capture();
    const log = createLogger('t', 'info', stream);
    log.info({ password: 'Secret123', body: { ssnLast4: '1234', dateOfBirth: '1980-01-02' }, req: { headers: { authorization: 'Bearer x' } } }, 'hello');
    const out = lines.join('');
    expect(out).not.toMatch(/Secret123|1234|1980-01-02|Bearer x/);
    expect(out).toContain('[redacted]');
  });

  it('stamps the request id of the current context on every line', () => {
    const { lines, stream } = capture();
    const log = createLogger('t', 'info', stream);
    withRequestContext({ requestId: 'req-42' }, () => log.info('inside'));
    log.info('outside');
    expect(JSON.parse(lines[0]!).requestId).toBe('req-42');
    expect(JSON.parse(lines[1]!).requestId).toBeUndefined();
  });
});
