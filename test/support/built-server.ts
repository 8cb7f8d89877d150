import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { generatePassword } from '@keydesk/domain';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const API_MAIN = join(ROOT, 'apps/api/dist/main.js');
const ADMIN_INDEX = join(ROOT, 'apps/admin/dist/index.html');
const HEALTHY_WITHIN_MS = 60_000;
// Enough of the server's output to explain a failed start, without holding a whole log in memory.
const OUTPUT_LIMIT = 64 * 1024;

export interface RunningServer {
  url: string;
  adminUsername: string;
  adminPassword: string;
  /** What the server printed so far (the last 64 KiB unless `outputLimit` says otherwise). */
  output(): string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** Replaces the fresh first-administrator settings, e.g. to start as a newcomer would. */
  env?: Record<string, string | undefined>;
  /** Reuse a data folder (restart on the same database); kept on stop. */
  dataDir?: string;
  /** Keep this much of the output (default 64 KiB); Infinity keeps the whole log, to search it. */
  outputLimit?: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function collectOutput(child: ChildProcess, limit: number): () => string {
  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > limit) output = output.slice(-limit);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return () => output;
}

async function waitUntilHealthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + HEALTHY_WITHIN_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The api exited with code ${child.exitCode} before it was healthy:\n${output()}`);
    }
    try {
      const response = await fetch(`${url}api/health`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The api was not healthy within ${HEALTHY_WITHIN_MS / 1000} s:\n${output()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * The real api, built, on a free port and a fresh SQLite database, with a first administrator whose
 * password is random for each run. Browser tests drive the UI it serves.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  for (const [file, hint] of [
    [API_MAIN, 'the api'],
    [ADMIN_INDEX, 'the admin UI'],
  ]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: build ${hint} first with \`npm run build\`.`);
  }
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'keydesk-browser-')));
  const port = await freePort();
  const url = `http://localhost:${port}/`;
  const adminUsername = 'root-admin';
  const adminPassword = generatePassword((n) => new Uint8Array(randomBytes(n)), 24);

  const child = spawn(process.execPath, [API_MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: `sqlite:${join(dataDir, 'keydesk.sqlite')}`,
      KEYDESK_ADMIN_USER: adminUsername,
      KEYDESK_ADMIN_PASSWORD: adminPassword,
      KEYDESK_DEMO_DATA: 'false',
      NODE_ENV: 'test',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectOutput(child, options.outputLimit ?? OUTPUT_LIMIT);
  const stop = async () => {
    await stopProcess(child);
    if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitUntilHealthy(url, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, adminUsername, adminPassword, output, stop };
}
