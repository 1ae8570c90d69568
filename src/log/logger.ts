// pino logger: JSON lines on stderr when stderr is not a TTY (CI, pipes), readable lines when it is.
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

export function createLogger(level: string, stream: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr): Logger {
  if (stream.isTTY) {
    return pino(
      { level, base: undefined },
      pretty({ destination: 2, colorize: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname', sync: true }),
    );
  }
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, pino.destination({ dest: 2, sync: true }));
}
