import type { KbStatus } from '../../core/protocol';
import type { BackstoryDb } from '../db/database';

export async function kbStatus(db: BackstoryDb): Promise<KbStatus> {
  const packs = await db.packs.toArray();
  const own = await db.userEntities.count();
  return {
    entities: packs.reduce((sum, pack) => sum + pack.entityCount, own),
    packs: packs.length,
    schemaVersion: db.verno,
  };
}
