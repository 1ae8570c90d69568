// Response body reading: content-encoding decompression that counts DECODED bytes and stops at the cap.
// undici's maxResponseSize counts wire bytes, so a 50 KB gzip bomb inflating to gigabytes would pass it.
import { Readable } from 'node:stream';
import zlib from 'node:zlib';

export class TooLargeError extends Error {
  readonly code = 'ETOOLARGE';
  constructor(readonly limit: number) {
    super(`body larger than ${limit} bytes after decoding`);
    this.name = 'TooLargeError';
  }
}

export class UnsupportedEncodingError extends Error {
  readonly code = 'EENCODING';
}

type Step = 'gzip' | 'deflate' | 'br';

function steps(contentEncoding: string | undefined): Step[] {
  const list = (contentEncoding ?? '')
    .toLowerCase()
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s && s !== 'identity');
  return list.map((e) => {
    if (e === 'gzip' || e === 'x-gzip') return 'gzip';
    if (e === 'deflate') return 'deflate';
    if (e === 'br') return 'br';
    throw new UnsupportedEncodingError(`unsupported content-encoding "${e}"`);
  });
}

/** Some servers send raw deflate under "deflate"; a zlib stream starts with 0x78 (CMF with window ≤ 32K). */
async function* inflateAuto(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const it = source[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return;
  const head = first.value;
  const [cmf = 0, flg = 0] = head;
  const zlibHeader = (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
  const z = zlibHeader ? zlib.createInflate() : zlib.createInflateRaw();
  async function* rest(): AsyncGenerator<Buffer> {
    yield head;
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  }
  yield* pipeThrough(rest(), z);
}

async function* pipeThrough(
  source: AsyncIterable<Buffer>,
  z: zlib.Gunzip | zlib.Inflate | zlib.InflateRaw | zlib.BrotliDecompress,
): AsyncGenerator<Buffer> {
  const input = Readable.from(source, { objectMode: false });
  input.on('error', (e) => z.destroy(e));
  input.pipe(z);
  try {
    for await (const chunk of z) yield chunk as Buffer;
  } finally {
    // Reached when the consumer stops early (cap hit): release both streams without draining the rest.
    input.unpipe(z);
    input.destroy();
    z.destroy();
  }
}

function decoder(step: Step, source: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  if (step === 'gzip') return pipeThrough(source, zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH }));
  if (step === 'br') return pipeThrough(source, zlib.createBrotliDecompress());
  return inflateAuto(source);
}

/**
 * Reads a body through its content encodings (applied in reverse order) and returns the decoded bytes.
 * Throws TooLargeError as soon as the decoded size passes maxBytes, without buffering the rest.
 */
export async function readDecoded(
  body: AsyncIterable<Buffer | Uint8Array>,
  contentEncoding: string | undefined,
  maxBytes: number,
): Promise<Buffer> {
  const { bytes, truncated } = await readDecodedPrefix(body, contentEncoding, maxBytes);
  if (truncated) throw new TooLargeError(maxBytes);
  return bytes;
}

/**
 * Like readDecoded, but a body longer than maxBytes gives its first maxBytes decoded bytes and `truncated`
 * (an oversized HTML page is judged on its beginning: a page of pasted base64 images is still a working site).
 * Reading stops at the cap, so the rest is never decompressed.
 */
export async function readDecodedPrefix(
  body: AsyncIterable<Buffer | Uint8Array>,
  contentEncoding: string | undefined,
  maxBytes: number,
): Promise<{ bytes: Buffer; truncated: boolean }> {
  let stream: AsyncIterable<Buffer> = (async function* () {
    for await (const c of body) yield Buffer.isBuffer(c) ? c : Buffer.from(c);
  })();
  for (const step of steps(contentEncoding).reverse()) stream = decoder(step, stream);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    if (total + chunk.length > maxBytes) {
      chunks.push(chunk.subarray(0, maxBytes - total));
      return { bytes: Buffer.concat(chunks, maxBytes), truncated: true };
    }
    total += chunk.length;
    chunks.push(chunk);
  }
  return { bytes: Buffer.concat(chunks, total), truncated: false };
}
