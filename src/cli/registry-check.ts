// `edu-audit registry check FILE`: one line per bad row and field, a bilingual summary, exit 2 on any error.
import { formatRegistryError, readRegistry } from '../registry/index.js';
import { msg } from '../registry/messages.js';

export async function registryCheck(file: string, print: (line: string) => void): Promise<number> {
  const result = await readRegistry(file);
  // Errors carry FILE exactly as given, so editors and CI annotate the right path.
  for (const e of result.errors) print(formatRegistryError(e));
  const badRows = new Set(result.errors.map((e) => e.row)).size;
  print(msg.summary(result.units.length, badRows));
  return result.errors.length > 0 ? 2 : 0;
}
