import { spawn, type ChildProcess } from 'node:child_process';

export interface RunningServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/** Starts the built platform (BUILD_DIR or dist/) on its own port and database, and waits until it answers. */
export async function startServer(options: { port: number; databasePath: string; env?: Record<string, string> }): Promise<RunningServer> {
  const url = `http://localhost:${options.port}`;
  const child = spawn(process.execPath, ['scripts/serve.mjs'], {
    env: { ...process.env, PORT: String(options.port), PUBLIC_URL: url, DATABASE_PATH: options.databasePath, HOST: 'localhost', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`The server exited early:\n${log}`);
    try {
      await fetch(`${url}/`);
      return { url, process: child, output: () => log, exited };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`The server did not start:\n${log}`);
}

/** A signed-in learner on a running server: signs up, joins the course, returns a fetch with the cookie. */
export async function learner(server: RunningServer, course: string, email: string) {
  const headers = { Origin: server.url };
  const signup = await fetch(`${server.url}/signup`, {
    method: 'POST',
    redirect: 'manual',
    headers,
    body: new URLSearchParams({ name: 'Test Learner', email, password: 'a long enough password', profession: 'nurse' }),
  });
  const cookie = (signup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (!cookie.startsWith('session=')) throw new Error(`Sign-up failed with ${signup.status}`);
  await fetch(`${server.url}/courses/${course}`, { method: 'POST', redirect: 'manual', headers: { ...headers, Cookie: cookie } });
  /** Marks a step complete as the browser's script does; resolves with the status. */
  const markComplete = async (step: string): Promise<number> => {
    const response = await fetch(`${server.url}/courses/${course}/steps/${step}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...headers, Cookie: cookie, Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'intent=complete',
    });
    await response.arrayBuffer();
    return response.status;
  };
  return { cookie, markComplete };
}
