import { parsePack } from '../../core/pack/validate';
import type { BackstoryDb } from '../db/database';
import { importPack } from './import-pack';

export const SEED_PACK_ID = 'tech-news-core';
export const SEED_PATH = 'packs/tech-news-core.json';

/**
 * Installs the seed pack on first run and upgrades it when the extension ships a newer one.
 * Pack imports never touch the reader's edits, notes or own entities, so an upgrade is safe.
 * `version` is the extension version the seed came with; a reader who removed the seed pack
 * (`declined`) does not get it back.
 */
export async function ensureSeed(
  db: BackstoryDb,
  loadSeedText: () => Promise<string>,
  version: string,
  declined: boolean,
): Promise<'installed' | 'upgraded' | 'current' | 'declined'> {
  if (declined) return 'declined';
  const installed = await db.packs.get(SEED_PACK_ID);
  const source = `seed ${version}`;
  if (installed && installed.source === source) return 'current';
  if (installed && !installed.source.startsWith('seed')) return 'current';
  await importPack(db, parsePack(await loadSeedText()), source);
  return installed ? 'upgraded' : 'installed';
}
