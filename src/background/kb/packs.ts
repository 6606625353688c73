import type { PackInfo } from '../../core/protocol';
import type { BackstoryDb } from '../db/database';

export async function listPacks(db: BackstoryDb): Promise<PackInfo[]> {
  return (await db.packs.toArray()).map(
    ({ id, title, updated, source, importedAt, entityCount }) => ({
      id,
      title,
      ...(updated ? { updated } : {}),
      source,
      importedAt,
      entityCount,
    }),
  );
}
