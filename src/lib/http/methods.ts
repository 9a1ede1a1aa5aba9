import type { APIRoute } from 'astro';

/**
 * The `ALL` handler of an endpoint: a method it does not take answers 405 naming those it does (Astro's own
 * answer is a bare 404, which tells a client nothing). HEAD is answered as GET, as Astro does without `ALL`.
 */
export function onlyMethods(handlers: { GET?: APIRoute; POST?: APIRoute }): APIRoute {
  const allowed = [...(handlers.GET ? ['GET', 'HEAD'] : []), ...(handlers.POST ? ['POST'] : [])];
  return (context) => {
    if (context.request.method === 'HEAD' && handlers.GET) return handlers.GET(context);
    return new Response(`This address answers ${allowed.join(', ')} requests only.`, {
      status: 405,
      headers: { Allow: allowed.join(', '), 'Content-Type': 'text/plain; charset=utf-8' },
    });
  };
}
