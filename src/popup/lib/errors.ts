/**
 * The reader sees the background's own message: it already says which entity and field, in words
 * meant for the reader (see core/pack/validate.ts).
 */
export const errorText = (reason: unknown): string =>
  reason instanceof Error ? reason.message : String(reason);
