import type { PackEntity } from '../pack/schema';

/** What the editor sends: an entity without its id (the background assigns or keeps it). */
export type EntityInput = Omit<PackEntity, 'id'>;
