/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    user: import('lucia').User | null;
    session: import('lucia').Session | null;
    /** Set by a page that rendered its shell: src/lib/html/page-shell.ts. */
    pageShell?: import('./lib/html/page-shell').RenderedShell;
  }
}
