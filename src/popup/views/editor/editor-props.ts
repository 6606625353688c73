import type { Draft } from './draft';

/** What every part of the editor form gets: the draft, a way to change it, and its errors. */
export interface PartProps {
  draft: Draft;
  update: (patch: Partial<Draft>) => void;
  /** The message to show for a field key, once the reader touched it or tried to save. */
  errorFor: (field: string) => string | undefined;
  /** Marks a field as touched (on blur), so its message shows from then on. */
  touch: (field: string) => () => void;
}

/** Replaces the row with `key` in a list of rows by a patched copy. */
export function patchRow<Row extends { key: number }>(
  rows: Row[],
  key: number,
  patch: Partial<Row>,
) {
  return rows.map((row) => (row.key === key ? { ...row, ...patch } : row));
}
