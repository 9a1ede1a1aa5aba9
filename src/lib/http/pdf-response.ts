/** A PDF download that no cache keeps: certificates and CPD records are personal. */
export function pdfResponse(bytes: Uint8Array, fileName: string): Response {
  // A copy backed by a plain ArrayBuffer, which is what Response's types accept.
  const body = new Uint8Array(bytes).buffer;
  return new Response(body, {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Content-Length': String(bytes.byteLength),
      'Cache-Control': 'no-store',
    },
  });
}
