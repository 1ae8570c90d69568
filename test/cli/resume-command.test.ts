// The `--resume` command printed after Ctrl-C (src/cli/interrupt.ts): the arguments as typed, --out set to the run
// directory, --resume once, and words the shell would split or expand quoted.
import { describe, expect, it } from 'vitest';
import { resumeCommand, shellWord } from '../../src/cli/interrupt.js';

describe('resumeCommand', () => {
  it('keeps the arguments, replaces --out (both spellings) and adds --resume once', () => {
    expect(resumeCommand(['audit', 'ds.csv', '--out', 'old', '--max-pages', '5', '--resume'], '/runs/r1')).toBe(
      'edu-audit audit ds.csv --max-pages 5 --out /runs/r1 --resume',
    );
    expect(resumeCommand(['audit', 'ds.csv', '--out=old', '--now', '2026-11-15'], '/runs/r1')).toBe(
      'edu-audit audit ds.csv --now 2026-11-15 --out /runs/r1 --resume',
    );
  });

  it('names the default run directory the user never typed', () => {
    expect(resumeCommand(['audit', 'ds.csv'], '/home/a/edu-audit-20261203-101500')).toBe(
      'edu-audit audit ds.csv --out /home/a/edu-audit-20261203-101500 --resume',
    );
  });

  it('quotes what a shell would split or expand', () => {
    expect(shellWord('Danh sách trường.csv')).toBe(`'Danh sách trường.csv'`);
    expect(shellWord("it's")).toBe(`'it'\\''s'`);
    expect(shellWord('$HOME')).toBe(`'$HOME'`);
    expect(shellWord('--connect-to=::127.0.0.1:8080')).toBe('--connect-to=::127.0.0.1:8080');
  });
});
