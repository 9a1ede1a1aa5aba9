import { defineConfig, devices } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const port = Number(process.env.E2E_PORT ?? 4399);
export const baseURL = `http://localhost:${port}`;

/** Runs against the built server (`npm run test:e2e` builds it with the fixture courses) on a fresh database. */
export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  // A real SMTP server (tests/e2e/smtp.ts) receives the platform's mail, at SMTP_URL below.
  globalSetup: './e2e/smtp.ts',
  outputDir: `./.tmp/results-${port}`,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: 'node tests/e2e/start-server.mjs',
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    url: `${baseURL}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    env: { PORT: String(port), PUBLIC_URL: baseURL, DATABASE_PATH: `tests/.tmp/e2e-${port}.db`, HOST: 'localhost', SMTP_URL: `smtp://127.0.0.1:${port + 1000}` },
  },
});
