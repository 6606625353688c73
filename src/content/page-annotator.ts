import { createMatcher } from '../core/match/matcher';
import { scanKeyHashes } from '../core/match/keys';
import type { Matcher } from '../core/match/types';
import { joinHashes, unpackCandidates } from '../core/protocol/candidates-wire';
import type { CandidateEntity } from '../core/protocol/protocol';
import { send } from '../shared/messaging';
import { collectBlocks } from './scan/collect-blocks';
import { KeyRecord } from './scan/key-record';
import { rangeFor, type TextBlock } from './scan/text-block';
import { endSliceIfDue } from './scan/yield';

/** One mention on the page: a live DOM range (it collapses when its text is removed). */
export interface PageMention {
  range: Range;
  /** Most specific first; more than one when the form is ambiguous (rule 11). */
  entityIds: string[];
  /** The mention's normalised text, e.g. "Alibabas". */
  text: string;
  root: Document | ShadowRoot;
}

interface RootBlocks {
  root: Document | ShadowRoot;
  blocks: TextBlock[];
}

async function scanAll(): Promise<RootBlocks[]> {
  const result: RootBlocks[] = [];
  const queue: Array<Document | ShadowRoot> = [document];
  while (queue.length > 0) {
    const root = queue.shift()!;
    const scan = await collectBlocks(
      root === document ? (document.body ?? document.documentElement) : root,
    );
    result.push({ root, blocks: scan.blocks });
    queue.push(...scan.shadowRoots);
  }
  return result;
}

/**
 * The page's side of spotting (architecture.md "Data flow for one page"): scan, send the page's
 * new keys in one message, build a small matcher from the candidates that come back, find mentions.
 * Memory holds only this page's candidates, whatever the size of the knowledge base.
 */
export class PageAnnotator {
  mentions: PageMention[] = [];
  roots: Array<Document | ShadowRoot> = [document];
  readonly candidates = new Map<string, CandidateEntity>();
  /** Hashes of the keys already asked for (`scanKeyHashes`). */
  private askedKeys = new Set<number>();
  private matcher: Matcher | null = null;

  /** Forgets the candidates, so the next scan asks the background afresh (the KB changed). */
  reset(): void {
    this.candidates.clear();
    this.askedKeys = new Set();
    this.matcher = null;
  }

  /** Scans the whole page and returns its mentions, leaving out forms the reader suppressed here. */
  async annotate(suppressed: ReadonlySet<string>): Promise<PageMention[]> {
    const scanned = await scanAll();
    this.roots = scanned.map((entry) => entry.root);
    const newKeys = new Set<number>();
    const keys = new KeyRecord();
    const collect = (hash: number, index: number) => {
      keys.add(hash, index);
      if (!this.askedKeys.has(hash)) newKeys.add(hash);
    };
    for (const { blocks } of scanned) {
      for (const block of blocks) {
        keys.startBlock();
        scanKeyHashes(block.text, collect);
        await endSliceIfDue();
      }
    }
    if (newKeys.size > 0) await this.fetchCandidates([...newKeys]);
    this.mentions = await this.findMentions(scanned, keys, suppressed);
    return this.mentions;
  }

  nameOf(entityId: string): string | undefined {
    return this.candidates.get(entityId)?.name;
  }

  private async fetchCandidates(keys: number[]): Promise<void> {
    const { packed } = await send('lookupCandidates', { hashes: joinHashes(keys) });
    keys.forEach((key) => this.askedKeys.add(key));
    for (const candidate of unpackCandidates(packed)) this.candidates.set(candidate.id, candidate);
    this.matcher = createMatcher(
      [...this.candidates.values()].flatMap((candidate) => candidate.forms),
    );
  }

  private async findMentions(
    scanned: RootBlocks[],
    keys: KeyRecord,
    suppressed: ReadonlySet<string>,
  ): Promise<PageMention[]> {
    if (!this.matcher) return [];
    const session = this.matcher.session();
    const mentions: PageMention[] = [];
    let blockIndex = 0;
    for (const { root, blocks } of scanned) {
      for (const block of blocks) {
        const replay = keys.replay(blockIndex);
        for (const mention of session.feed(block.text, blockIndex++, replay)) {
          const text = block.text.slice(mention.start, mention.end);
          if (suppressed.has(text.toLowerCase())) continue;
          const range = rangeFor(block, mention.start, mention.end);
          mentions.push({ range, entityIds: mention.entityIds, text, root });
        }
        await endSliceIfDue();
      }
    }
    return mentions;
  }
}
