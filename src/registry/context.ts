// What every reader is given: the file name for messages, the language messages are written in, the user's
// `--columns`; and the one way readers turn a Text into a RegistryError.
import { pick, type Text } from './messages.js';
import type { ColumnOverrides, Lang, RegistryError } from './types.js';

export interface ReadContext {
  file: string;
  lang: Lang;
  columns: ColumnOverrides;
}

export const problemAt = (ctx: ReadContext, row: number, field: string, text: Text): RegistryError => ({
  file: ctx.file,
  row,
  field,
  problem: pick(text, ctx.lang),
});
