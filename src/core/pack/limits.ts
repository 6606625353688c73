/** Limits from pack-format.md, plus bounds on every other field so that no string is unbounded. */
export const PACK_LIMITS = {
  maxBytes: 64 * 1024 * 1024,
  maxEntities: 200_000,
  maxFormsPerEntity: 64,
  maxFormLength: 1_000,
  maxSummaryLength: 600,
  maxNameLength: 200,
  maxTitleLength: 200,
  maxFacts: 64,
  maxFactValueLength: 500,
  maxLabelLength: 200,
  maxLinks: 32,
  maxUrlLength: 2_048,
  maxListItems: 256,
  maxListItemLength: 200,
  maxNoteLength: 5_000,
} as const;
