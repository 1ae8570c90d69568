// The one-line form of a registry error, shared by `registry check`, `audit` and `demo`.
import type { RegistryError } from './types.js';

/** `FILE:ROW: field: problem`, FILE as the user gave it, like compiler output that editors and CI can link. */
export const formatRegistryError = (e: RegistryError): string => `${e.file}:${e.row}: ${e.field}: ${e.problem}`;
