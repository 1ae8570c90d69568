// Starts the fleet server in a child process and talks to it over IPC (its request counters).
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FleetMessage, FleetServerConfig, FleetStats } from './server.js';

export interface Fleet {
  port: number;
  /** The --connect-to value routing every host and port to the fleet. */
  connectTo: string;
  pid: number;
  stats(): Promise<FleetStats>;
  reset(): void;
  close(): Promise<void>;
}

const SERVER = fileURLToPath(new URL('./server.js', import.meta.url));

export async function startFleet(config: Partial<FleetServerConfig> = {}): Promise<Fleet> {
  const full: FleetServerConfig = { latencyMs: 0, bytesPerSec: 0, lifetimeMs: 60 * 60_000, ...config };
  const child: ChildProcess = fork(SERVER, [JSON.stringify(full)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('fleet server did not start within 10 s')), 10_000);
    child.once('error', reject);
    child.on('message', (m: FleetMessage) => {
      if (m.type === 'listening') {
        clearTimeout(timer);
        resolve(m.port);
      }
    });
  });
  const pending: ((s: FleetStats) => void)[] = [];
  child.on('message', (m: FleetMessage) => {
    if (m.type === 'stats') pending.shift()?.(m.stats);
  });
  return {
    port,
    connectTo: `::127.0.0.1:${port}`,
    pid: child.pid!,
    stats: () =>
      new Promise((resolve) => {
        pending.push(resolve);
        child.send({ cmd: 'stats' });
      }),
    reset: () => void child.send({ cmd: 'reset' }),
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}
