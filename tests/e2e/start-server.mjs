// Starts the built server on a fresh database for the end-to-end suite.
import { rmSync } from 'node:fs';
import { spawn } from 'node:child_process';

const db = process.env.DATABASE_PATH ?? 'tests/.tmp/e2e.db';
for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
const child = spawn(process.execPath, ['scripts/serve.mjs'], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
