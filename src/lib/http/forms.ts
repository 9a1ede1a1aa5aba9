/** Reads a posted form; null when the body is not a form we can read. */
export async function readFormData(request: Request): Promise<FormData | null> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.includes('application/x-www-form-urlencoded') && !type.includes('multipart/form-data')) return null;
  try {
    return await request.formData();
  } catch {
    return null;
  }
}

/** Reads a posted form as plain strings (the last value of a repeated name); null when unreadable. */
export async function readForm(request: Request): Promise<Record<string, string> | null> {
  const data = await readFormData(request);
  if (!data) return null;
  const fields: Record<string, string> = {};
  for (const [key, value] of data) if (typeof value === 'string') fields[key] = value;
  return fields;
}

/** A place to return to after signing in: only paths on this site, never another host. */
export function safeReturnPath(raw: string | null | undefined, fallback = '/'): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return fallback;
  return raw;
}

/** Whether the caller wants JSON (an island's fetch) rather than a page. */
export function wantsJson(request: Request): boolean {
  return (request.headers.get('accept') ?? '').includes('application/json');
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  });
}
