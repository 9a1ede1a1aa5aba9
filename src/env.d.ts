/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    user: import('lucia').User | null;
    session: import('lucia').Session | null;
    /** Set by the step page when it rendered its shell: src/lib/courses/step-shell.ts. */
    stepShell?: { key: string; parts: import('./lib/courses/step-shell').LearnerParts };
  }
}
