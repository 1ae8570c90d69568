// results.jsonl: one line per finished unit, appended as units finish. Each line is written with one append
// call, so a crash loses at most the unit being written; the byte offsets let results.json be streamed back in
// registry order without holding every unit in memory.
import { open, type FileHandle } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { UnitResult } from '../model/result.js';

export class JsonlStore {
  private handle: FileHandle | undefined;
  private size = 0;
  private readonly offsets = new Map<string, { start: number; length: number }>();
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly path: string) {}

  async open(): Promise<void> {
    this.handle = await open(this.path, 'a+');
    this.size = (await this.handle.stat()).size;
  }

  /** Appends one unit; appends are serialised so lines never interleave. */
  append(result: UnitResult): Promise<void> {
    const line = Buffer.from(`${JSON.stringify(result)}\n`, 'utf8');
    const write = async (): Promise<void> => {
      if (!this.handle) throw new Error('store not open');
      await this.handle.appendFile(line);
      this.offsets.set(result.id, { start: this.size, length: line.length - 1 });
      this.size += line.length;
    };
    this.queue = this.queue.then(write);
    return this.queue;
  }

  has(id: string): boolean {
    return this.offsets.has(id);
  }

  /** Reads one stored unit back by id. */
  async read(id: string): Promise<UnitResult | undefined> {
    const at = this.offsets.get(id);
    if (!at || !this.handle) return undefined;
    const buf = Buffer.alloc(at.length);
    await this.handle.read(buf, 0, at.length, at.start);
    return JSON.parse(buf.toString('utf8')) as UnitResult;
  }

  async close(): Promise<void> {
    await this.queue;
    await this.handle?.sync();
    await this.handle?.close();
    this.handle = undefined;
  }
}

/** Streams the units of a results.jsonl file; a torn last line (crash mid-write) is skipped. */
export async function* readJsonl(path: string): AsyncGenerator<UnitResult> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    try {
      yield JSON.parse(line) as UnitResult;
    } catch {
      // an incomplete line from an interrupted write: the unit will be audited again
    }
  }
}
