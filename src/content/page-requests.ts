import type { CandidateEntity } from '../core/protocol';
import type { PageMention as ListedMention, PageMentionsReply } from '../core/protocol/page-events';
import type { PageMention } from './page-annotator';

/**
 * The popup's "On this page" list: every entity found, with how often, in order of first
 * appearance. Mentions whose text was removed since the last scan are not counted.
 */
export function listPageMentions(
  mentions: PageMention[],
  candidates: ReadonlyMap<string, CandidateEntity>,
): PageMentionsReply {
  const byEntity = new Map<string, ListedMention>();
  for (const mention of mentions) {
    if (mention.range.collapsed) continue;
    const id = mention.entityIds[0]!;
    const listed = byEntity.get(id);
    if (listed) listed.count += 1;
    else {
      const candidate = candidates.get(id);
      byEntity.set(id, {
        id,
        name: candidate?.name ?? mention.text,
        type: candidate?.type ?? 'other',
        count: 1,
      });
    }
  }
  return { mentions: [...byEntity.values()] };
}

/** The first live mention of an entity, scrolled into the middle of the viewport. */
export function revealFirstMention(mentions: PageMention[], entityId: string): PageMention | null {
  const mention = mentions.find((m) => !m.range.collapsed && m.entityIds.includes(entityId));
  if (!mention) return null;
  const element = mention.range.startContainer.parentElement;
  element?.scrollIntoView({ block: 'center', behavior: 'instant' });
  return mention;
}
