/** Methods that never change data; everything else must come from our own pages. */
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request may change data: safe methods always; others only with an Origin header naming one of
 * our own origins. Browsers send Origin on every POST, so a missing one means a request no page of ours made.
 */
export function isSameOriginWrite(method: string, originHeader: string | null, allowed: Set<string>): boolean {
  if (safeMethods.has(method.toUpperCase())) return true;
  return originHeader !== null && allowed.has(originHeader);
}
