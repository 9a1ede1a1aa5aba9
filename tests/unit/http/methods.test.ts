import type { APIContext } from 'astro';
import { describe, expect, it } from 'vitest';
import { onlyMethods } from '../../../src/lib/http/methods';

const asked = (method: string) => ({ request: new Request('http://localhost/x', { method }) }) as APIContext;

describe('methods an endpoint does not take', () => {
  it('answers 405 naming the methods it does take', async () => {
    const ALL = onlyMethods({ GET: () => new Response('the file') });
    const refused = await ALL(asked('POST'));
    expect(refused.status).toBe(405);
    expect(refused.headers.get('allow')).toBe('GET, HEAD');
    expect(await refused.text()).toBe('This address answers GET, HEAD requests only.');
    expect((await onlyMethods({ POST: () => new Response(null, { status: 204 }) })(asked('GET'))).headers.get('allow')).toBe('POST');
  });

  it('answers HEAD as GET where there is a GET', async () => {
    const head = await onlyMethods({ GET: () => new Response('the file') })(asked('HEAD'));
    expect(head.status).toBe(200);
    expect((await onlyMethods({ POST: () => new Response(null) })(asked('HEAD'))).status).toBe(405);
  });
});
