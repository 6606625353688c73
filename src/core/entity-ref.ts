/**
 * Stable references to entities across the runtimes. A pack entity is `p/<pack id>/<entity id>`,
 * an entity the reader created is `u/<entity id>`. Pack ids cannot contain "/", so refs are unique.
 */
export type EntityRef = string;

export const packRef = (packId: string, entityId: string): EntityRef => `p/${packId}/${entityId}`;
export const userRef = (entityId: string): EntityRef => `u/${entityId}`;

export type ParsedRef =
  { kind: 'pack'; packId: string; entityId: string } | { kind: 'user'; entityId: string };

export function parseRef(ref: string): ParsedRef | null {
  const pack = /^p\/([a-z0-9][a-z0-9-]{0,63})\/([a-z0-9][a-z0-9.-]{0,127})$/.exec(ref);
  if (pack) return { kind: 'pack', packId: pack[1]!, entityId: pack[2]! };
  const user = /^u\/([a-z0-9][a-z0-9.-]{0,127})$/.exec(ref);
  if (user) return { kind: 'user', entityId: user[1]! };
  return null;
}
