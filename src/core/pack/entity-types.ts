/** The entity types a pack may use (pack-format.md). */
export const ENTITY_TYPES = [
  'organization',
  'person',
  'product',
  'model',
  'place',
  'event',
  'other',
] as const;

export type EntityType = (typeof ENTITY_TYPES)[number];
