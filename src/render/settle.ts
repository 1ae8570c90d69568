// Waiting helpers of a render: network idle (no request in flight for a while) and a timeout around any promise.

export interface Activity {
  inFlight: number;
  lastActivity: number;
}

const IDLE_MS = 500;
const POLL_MS = 50;

/** Resolves once nothing was in flight for IDLE_MS, or at `until` (epoch ms), whichever comes first. */
export async function settle(activity: Activity, until: number): Promise<void> {
  while (Date.now() < until) {
    if (activity.inFlight === 0 && Date.now() - activity.lastActivity >= IDLE_MS) return;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** The promise, or a rejection with `message` after `ms`. The timer never keeps the process alive. */
export async function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
