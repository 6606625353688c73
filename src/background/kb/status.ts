import type { KbStatus } from '../../core/protocol';
import type { BackstoryDb } from '../db/database';

/** Counts what the reader can see: deleted own entities and hidden pack entities are left out. */
export async function kbStatus(db: BackstoryDb): Promise<KbStatus> {
  const [packs, own, edits] = await Promise.all([
    db.packs.toArray(),
    db.userEntities.filter((row) => !row.deleted).count(),
    db.edits.toArray(),
  ]);
  const livePacks = new Set(packs.map((pack) => pack.id));
  const hidden = edits.filter(
    (edit) => edit.hidden && livePacks.has(edit.ref.split('/')[1] ?? ''),
  ).length;
  return {
    entities: packs.reduce((sum, pack) => sum + pack.entityCount, own) - hidden,
    packs: packs.length,
    schemaVersion: db.verno,
  };
}
