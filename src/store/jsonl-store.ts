// results.jsonl: one line per finished unit, appended as units finish. A unit is either wholly there or not at
// all: each line is one append of a complete JSON document, a torn tail (kill -9 or power loss mid-write) is cut
// off when the store is reopened, and lines are fsynced in groups so durability costs little per unit. The byte
// offsets let results.json be streamed back in registry order without holding every unit in memory.
import { open, type FileHandle } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { UnitResult } from '../model/result.js';

/** At most this long between a unit's line being written and it being on disk. */
const SYNC_INTERVAL_MS = 500;

export class JsonlStore {
  private handle: FileHandle | undefined;
  private size = 0;
  private readonly offsets = new Map<string, { start: number; length: number }>();
  private queue: Promise<void> = Promise.resolve();
  private syncTimer: NodeJS.Timeout | undefined;
  private dirty = false;
  /** The first write that failed: the store takes no more lines. */
  private failure: Error | undefined;

  constructor(readonly path: string) {}

  /** Opens the store, indexing the units already in it (a resumed run) and cutting off a torn last line. */
  async open(): Promise<{ recovered: number; tornBytes: number }> {
    this.handle = await open(this.path, 'a+');
    const { validBytes, fileBytes } = await this.index();
    if (validBytes < fileBytes) await this.handle.truncate(validBytes);
    this.size = validBytes;
    return { recovered: this.offsets.size, tornBytes: fileBytes - validBytes };
  }

  private async index(): Promise<{ validBytes: number; fileBytes: number }> {
    const fileBytes = (await this.handle!.stat()).size;
    if (fileBytes === 0) return { validBytes: 0, fileBytes };
    let offset = 0;
    let validBytes = 0;
    const lines = createInterface({ input: createReadStream(this.path), crlfDelay: Infinity });
    for await (const line of lines) {
      const bytes = Buffer.byteLength(line, 'utf8');
      const end = offset + bytes + 1;
      const unit = end <= fileBytes ? parseUnit(line) : undefined; // a last line without its newline is torn
      if (!unit) break; // everything after the first damaged line is untrusted
      // a later line for the same unit (a re-check) supersedes an earlier one
      this.offsets.set(unit.id, { start: offset, length: bytes });
      offset = end;
      validBytes = end;
    }
    return { validBytes, fileBytes };
  }

  /** Appends one unit; appends are serialised so lines never interleave. */
  append(result: UnitResult): Promise<void> {
    const line = Buffer.from(`${JSON.stringify(result)}\n`, 'utf8');
    const write = async (): Promise<void> => {
      if (this.failure) throw this.failure;
      if (!this.handle) throw new Error('store not open');
      try {
        await this.handle.appendFile(line);
      } catch (error) {
        throw await this.failed(error);
      }
      this.offsets.set(result.id, { start: this.size, length: line.length - 1 });
      this.size += line.length;
      this.scheduleSync();
    };
    return this.enqueue(write);
  }

  /** Runs `work` after the writes before it; a failed one does not stop the queue (later ones see `failure`). */
  private enqueue(work: () => Promise<void>): Promise<void> {
    const done = this.queue.then(work);
    this.queue = done.catch(() => undefined);
    return done;
  }

  /**
   * A write that failed (a full or read-only disk) may have written part of its line: the file is cut back to the
   * units wholly written, so what is there stays readable and `--resume` goes on from it. Every later append fails
   * with the same error, which names the file.
   */
  private async failed(error: unknown): Promise<Error> {
    await this.handle?.truncate(this.size).catch(() => undefined);
    const e = (error instanceof Error ? error : new Error(String(error))) as NodeJS.ErrnoException;
    e.path ??= this.path;
    this.failure = e;
    return e;
  }

  private scheduleSync(): void {
    this.dirty = true;
    if (this.syncTimer) return;
    this.syncTimer = setTimeout(() => {
      this.syncTimer = undefined;
      void this.enqueue(() => this.sync()).catch(() => undefined); // a failure is kept in `failure`
    }, SYNC_INTERVAL_MS);
  }

  private async sync(): Promise<void> {
    if (!this.dirty || !this.handle || this.failure) return;
    this.dirty = false;
    try {
      await this.handle.datasync();
    } catch (error) {
      throw await this.failed(error);
    }
  }

  has(id: string): boolean {
    return this.offsets.has(id);
  }

  get count(): number {
    return this.offsets.size;
  }

  /** Reads one stored unit back by id. */
  async read(id: string): Promise<UnitResult | undefined> {
    const at = this.offsets.get(id);
    if (!at || !this.handle) return undefined;
    await this.queue;
    const buf = Buffer.alloc(at.length);
    await this.handle.read(buf, 0, at.length, at.start);
    return JSON.parse(buf.toString('utf8')) as UnitResult;
  }

  /** Flushes and closes; throws the store's write failure, if any, so it is reported even when nothing else saw it. */
  async close(): Promise<void> {
    if (this.syncTimer) clearTimeout(this.syncTimer);
    this.syncTimer = undefined;
    await this.queue;
    try {
      await this.sync();
    } finally {
      await this.handle?.close().catch(() => undefined);
      this.handle = undefined;
    }
    if (this.failure) throw this.failure;
  }
}

function parseUnit(line: string): UnitResult | undefined {
  if (!line.trim()) return undefined;
  try {
    const value = JSON.parse(line) as UnitResult;
    return value && typeof value.id === 'string' && Array.isArray(value.findings) ? value : undefined;
  } catch {
    return undefined;
  }
}
