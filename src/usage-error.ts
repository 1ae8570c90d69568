// Bad usage or bad input (exit code 2): the message names the flag, file, row or field at fault.
export class UsageError extends Error {
  override name = 'UsageError';
}
