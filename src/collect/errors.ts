// Maps low-level errors (Node, undici, our guards) to the FetchFailureReason vocabulary of crawl statuses.
import type { FetchFailureReason } from '../model/artifacts.js';

export interface ErrorShape {
  code?: string;
  message?: string;
  name?: string;
  cause?: unknown;
}

/** The most specific error code, looking through `cause` chains (undici wraps socket errors). */
export function errorCode(err: unknown): string | undefined {
  let e = err as ErrorShape | undefined;
  for (let depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === 'string' && e.code !== 'UND_ERR_SOCKET') return e.code;
    if (!e.cause) return typeof e.code === 'string' ? e.code : e.name === 'AbortError' ? 'ABORT_ERR' : undefined;
    e = e.cause as ErrorShape;
  }
  return undefined;
}

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
  'ABORT_ERR',
  'UND_ERR_ABORTED',
]);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

export function isTlsCode(code: string | undefined, message = ''): boolean {
  if (!code) return /\b(ssl|tls)\b/i.test(message);
  return (
    code.startsWith('ERR_SSL_') ||
    code.startsWith('ERR_TLS_') ||
    code === 'EPROTO' ||
    /^(CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED)/.test(code)
  );
}

/** A connection dropped mid-way: worth a retry. */
export function isResetError(err: unknown): boolean {
  const top = (err as ErrorShape | undefined)?.code;
  return RESET_CODES.has(errorCode(err) ?? '') || top === 'UND_ERR_SOCKET';
}

export function failureReason(err: unknown): { reason: FetchFailureReason; detail: string } {
  const code = errorCode(err);
  const message = (err as ErrorShape | undefined)?.message ?? String(err);
  const detail = code ? `${code}: ${message}` : message;
  if (code === 'EPRIVATE') return { reason: 'private_address', detail };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_FAIL') return { reason: 'dns_error', detail };
  if (code === 'ECONNREFUSED') return { reason: 'refused', detail };
  if (code && TIMEOUT_CODES.has(code)) return { reason: 'timeout', detail };
  if (isTlsCode(code, message)) return { reason: 'tls_error', detail };
  return { reason: 'network', detail };
}
