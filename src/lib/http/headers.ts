/**
 * Headers every answer carries. Astro sets the full Content-Security-Policy on pages (with its script and
 * style hashes, from astro.config.mjs); this fallback covers every other answer, PDFs and JSON included.
 */
export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  'X-Frame-Options': 'DENY',
};

/** HSTS, only for a site served over https: a browser must never be told to insist on https it cannot get. */
export function transportHeaders(publicUrl: URL): Record<string, string> {
  return publicUrl.protocol === 'https:' ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {};
}
