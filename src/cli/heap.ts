// V8's default heap growth lets an old generation full of dead pages reach 3–4× the live heap before it collects.
// An audit's live heap is small and bounded (--page-memory), but every finished unit leaves its parsed pages behind as
// garbage, so a 1.4 growth factor keeps peak memory near the live heap at the same speed (measurements:
// bench/README.md, "Memory"). A flag given to node itself wins (Node does not accept this one in NODE_OPTIONS).
import { setFlagsFromString } from 'node:v8';

const FLAG = 'heap-growing-percent';
export const HEAP_GROWING_PERCENT = 40;

export function tuneHeap(): void {
  const given = process.execArgv.some((a) => a.includes(FLAG) || a.includes(FLAG.replace(/-/g, '_')));
  if (!given) setFlagsFromString(`--${FLAG}=${HEAP_GROWING_PERCENT}`);
}
