// Shapes shared by the registry readers: raw cells before validation, and the errors users see.
import type { Unit } from '../model/unit.js';

export type Lang = 'vi' | 'en';

/** A problem in a registry file, named as a spreadsheet shows it (header = row 1; JSON: 1-based array index). */
export interface RegistryError {
  file: string;
  row: number;
  /** The canonical field (`id`, `website`…), the column header as written, or '-' for the whole file or row. */
  field: string;
  /** Short, in the language asked for (Vietnamese by default). */
  problem: string;
}

export interface RegistryReadResult {
  file: string;
  units: Unit[];
  errors: RegistryError[];
  /** Things the user should know that do not make a row invalid (unknown columns, the header row used, extra URLs). */
  warnings?: RegistryError[];
  /** The file as a whole is unusable (unreadable, wrong format, header problems): skipping rows cannot help. */
  fatal?: boolean;
  /** SHA-256 (hex) of the file bytes; empty when the file could not be read. */
  sha256: string;
}

export const FIELDS = ['id', 'name', 'type', 'district', 'province', 'website', 'parent', 'email'] as const;
export type Field = (typeof FIELDS)[number];

/** `--columns website="Link trang",id="Mã CSGD"`: header text the user names for a field. */
export type ColumnOverrides = Partial<Record<Field, string>>;

export interface ReadOptions {
  lang?: Lang;
  columns?: ColumnOverrides;
}

/** A cell's text, plus the target when a spreadsheet cell is a hyperlink. */
export interface Cell {
  text: string;
  link?: string;
}

/** One data row before validation: fields found, as text (NFC, trimmed). */
export interface RawRow {
  row: number;
  values: Partial<Record<Field, string>>;
}

/** What every format reader gives back; readers never throw on bad input. */
export interface ReadOutcome {
  rows: RawRow[];
  errors: RegistryError[];
  warnings?: RegistryError[];
  /** The errors concern the file or its header, not rows. */
  fatal?: boolean;
}
