// One secure context per certificate kind; the SNI callback picks it by the site's `cert` setting.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSecureContext, type SecureContext } from 'node:tls';
import { CERT_KINDS, type CertKind } from './site-config.js';

const FILES: Record<CertKind, string> = {
  valid: 'site',
  expired: 'expired',
  'wrong-host': 'wrong-host',
  'self-signed': 'self-signed',
};

export interface CertSet {
  key: Buffer;
  cert: Buffer;
  contexts: Record<CertKind, SecureContext>;
}

export function loadCerts(certsDir: string): CertSet {
  const read = (kind: CertKind) => ({
    key: readFileSync(join(certsDir, `${FILES[kind]}.key`)),
    cert: readFileSync(join(certsDir, `${FILES[kind]}.pem`)),
  });
  const contexts = Object.fromEntries(CERT_KINDS.map((k) => [k, createSecureContext(read(k))])) as Record<CertKind, SecureContext>;
  return { ...read('valid'), contexts };
}
