// V8's default heap growth lets an old generation full of dead pages reach 3–4× the live heap before it collects.
// An audit's live heap is small and bounded (--page-memory), but every finished unit leaves its parsed pages behind as
// garbage: on the bench fleet, peak RSS fell from 767 to 431–463 MB with a 1.4 growth factor, at the same speed
// (bench/README.md). A flag given to node itself wins (Node does not accept this one in NODE_OPTIONS).
import { setFlagsFromString } from 'node:v8';

const FLAG = 'heap-growing-percent';
export const HEAP_GROWING_PERCENT = 40;

export function tuneHeap(): void {
  const given = process.execArgv.some((a) => a.includes(FLAG) || a.includes(FLAG.replace(/-/g, '_')));
  if (!given) setFlagsFromString(`--${FLAG}=${HEAP_GROWING_PERCENT}`);
}
