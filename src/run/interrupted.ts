// A run stopped by a signal (Ctrl-C, SIGTERM): no new unit was started, the units in progress were finished and
// stored, the store was flushed and the lock removed. The CLI turns this into the message that says how to resume.
export class RunInterrupted extends Error {
  constructor(
    /** The run directory (absolute), for the `--resume` command. */
    readonly dir: string,
    /** Units of this run (its shard) in results.jsonl, the earlier part of a resumed run included. */
    readonly saved: number,
    /** Units of this run (its shard) in all. */
    readonly total: number,
  ) {
    super(`run interrupted: ${saved}/${total} units saved in ${dir}`);
    this.name = 'RunInterrupted';
  }
}
