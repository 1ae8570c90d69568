// Ctrl-C and SIGTERM during `audit`: the first one stops the run cleanly (no new unit starts, the units in progress
// finish and are stored, the store is flushed, workers and the browser are closed, the lock is removed) and the CLI
// says how many units are saved and the exact command that continues the run; a second one exits at once. Exit codes
// follow the shell's convention, 128 + the signal's number: 130 for SIGINT, 143 for SIGTERM.
import type { Lang } from '../engine/messages.js';
import { releaseHeldLocksSync } from '../store/run-lock.js';
import type { RunInterrupted } from '../run/interrupted.js';

export const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;
export type StopSignal = keyof typeof SIGNAL_EXIT;

export interface InterruptWatch {
  signal: AbortSignal;
  /** The signal that stopped the run, once one did. */
  received(): StopSignal | undefined;
  dispose(): void;
}

/** Listens for SIGINT and SIGTERM until disposed; `print` gets the one line said on the first signal. */
export function watchInterrupts(
  lang: Lang,
  print: (line: string) => void,
  exit: (code: number) => void = (c) => process.exit(c),
): InterruptWatch {
  const controller = new AbortController();
  let first: StopSignal | undefined;
  const on = (name: StopSignal) => (): void => {
    if (first) {
      // the second signal: the lock must not outlive us, the rest is left as a kill would leave it (--resume copes)
      releaseHeldLocksSync();
      print(lang === 'en' ? `edu-audit: ${name} again: exiting now` : `edu-audit: nhận ${name} lần nữa: thoát ngay`);
      exit(SIGNAL_EXIT[first]);
      return;
    }
    first = name;
    print(
      lang === 'en'
        ? `edu-audit: ${name}: stopping — no new unit starts, the units in progress finish and are saved (at most --unit-deadline); press Ctrl-C again to exit at once`
        : `edu-audit: nhận ${name}: đang dừng — không bắt đầu đơn vị mới, các đơn vị đang kiểm tra được làm xong và lưu lại (tối đa --unit-deadline); nhấn Ctrl-C lần nữa để thoát ngay`,
    );
    controller.abort(new Error(name));
  };
  const handlers = { SIGINT: on('SIGINT'), SIGTERM: on('SIGTERM') };
  process.on('SIGINT', handlers.SIGINT);
  process.on('SIGTERM', handlers.SIGTERM);
  return {
    signal: controller.signal,
    received: () => first,
    dispose: () => {
      process.off('SIGINT', handlers.SIGINT);
      process.off('SIGTERM', handlers.SIGTERM);
    },
  };
}

/** A shell word: left bare when it is plainly safe, else single-quoted (POSIX sh, bash, zsh). */
export function shellWord(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command that continues the run: the arguments the audit was started with (everything after `edu-audit`),
 * with `--out` set to the run directory (a default directory was a timestamp the user never typed) and `--resume`.
 */
export function resumeCommand(args: readonly string[], dir: string): string {
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--out') {
      i++;
      continue;
    }
    if (a.startsWith('--out=') || a === '--resume') continue;
    kept.push(a);
  }
  return ['edu-audit', ...kept, '--out', dir, '--resume'].map(shellWord).join(' ');
}

/** What the CLI prints once an interrupted run has unwound. */
export function interruptedMessage(stop: RunInterrupted, signal: StopSignal, args: readonly string[], lang: Lang): string[] {
  const command = resumeCommand(args, stop.dir);
  const jsonl = `${stop.dir}/results.jsonl`;
  return lang === 'en'
    ? [`edu-audit: stopped by ${signal}. ${stop.saved}/${stop.total} units are saved in ${jsonl}. To audit the rest, run:`, `  ${command}`]
    : [
        `edu-audit: đã dừng theo ${signal}. Đã lưu ${stop.saved}/${stop.total} đơn vị vào ${jsonl}. Để kiểm tra tiếp các đơn vị còn lại, chạy:`,
        `  ${command}`,
      ];
}
