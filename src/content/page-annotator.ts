import { createMatcher } from '../core/match/matcher';
import type { Matcher } from '../core/match/types';
import { textKeys } from '../core/match/keys';
import { joinKeys, unpackCandidates, type CandidateEntity } from '../core/protocol';
import { send } from '../shared/messaging';
import { HighlightPainter } from './draw/highlights';
import { collectBlocks } from './scan/collect-blocks';
import { rangeFor, type TextBlock } from './scan/text-block';

/** One mention on the page: a live DOM range (it collapses when its text is removed). */
export interface PageMention {
  range: Range;
  entityIds: string[];
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
 * new keys in one message, build a small matcher from the candidates that come back, draw.
 * Memory holds only this page's candidates, whatever the size of the knowledge base.
 */
export class PageAnnotator {
  mentions: PageMention[] = [];
  readonly candidates = new Map<string, CandidateEntity>();
  private readonly askedKeys = new Set<string>();
  private matcher: Matcher | null = null;
  private roots: Array<Document | ShadowRoot> = [document];

  constructor(
    readonly painter: HighlightPainter,
    private drawing: () => boolean,
  ) {}

  async annotate(): Promise<void> {
    const scanned = await scanAll();
    this.roots = scanned.map((entry) => entry.root);
    const newKeys = new Set<string>();
    for (const { blocks } of scanned) {
      for (const block of blocks) {
        for (const key of textKeys(block.text)) if (!this.askedKeys.has(key)) newKeys.add(key);
      }
    }
    if (newKeys.size > 0) await this.fetchCandidates([...newKeys]);
    this.mentions = this.findMentions(scanned);
    this.redraw();
  }

  redraw(): void {
    if (this.drawing())
      this.painter.paint(
        this.mentions.map((m) => m.range),
        this.roots,
      );
    else this.painter.clear();
  }

  nameOf(entityId: string): string | undefined {
    return this.candidates.get(entityId)?.name;
  }

  private async fetchCandidates(keys: string[]): Promise<void> {
    const { packed } = await send('lookupCandidates', { keys: joinKeys(keys) });
    const found = unpackCandidates(packed);
    keys.forEach((key) => this.askedKeys.add(key));
    for (const candidate of found) this.candidates.set(candidate.id, candidate);
    this.matcher = createMatcher(
      [...this.candidates.values()].flatMap((candidate) => candidate.forms),
    );
  }

  private findMentions(scanned: RootBlocks[]): PageMention[] {
    if (!this.matcher) return [];
    const flat = scanned.flatMap(({ root, blocks }) => blocks.map((block) => ({ root, block })));
    return this.matcher.findMentions(flat.map(({ block }) => block.text)).map((mention) => {
      const { root, block } = flat[mention.block]!;
      return {
        range: rangeFor(block, mention.start, mention.end),
        entityIds: mention.entityIds,
        root,
      };
    });
  }
}
