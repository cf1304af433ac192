import { expect } from '@jest/globals';
import { request } from 'undici';

/** Reads a Server-Sent Events stream in the background, keeping every `status` event. */
export function watchStatus(url: string, token: string) {
  const statuses: string[] = [];
  let text = '';
  let body: { destroy(): unknown } | undefined;
  const reading = request(url, { headers: { authorization: `Bearer ${token}` } }).then(async (res) => {
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/event-stream');
    body = res.body;
    try {
      for await (const chunk of res.body) {
        text += chunk.toString();
        let i;
        while ((i = text.indexOf('\n\n')) >= 0) {
          const block = text.slice(0, i);
          text = text.slice(i + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (data) statuses.push(JSON.parse(data.slice(6)).status);
        }
      }
    } catch {
      /* closed by the test */
    }
  });
  return {
    statuses,
    async close() {
      body?.destroy();
      await reading.catch(() => undefined);
    },
  };
}
