import type { PageMention } from '../page-annotator';

interface CaretPoint {
  node: Node;
  offset: number;
}

type CaretPositionFn = (
  x: number,
  y: number,
  options?: { shadowRoots?: ShadowRoot[] },
) => CaretPosition | null;

/** The text position under a point, looking into the open shadow roots we annotate. */
function caretAt(x: number, y: number, shadowRoots: ShadowRoot[]): CaretPoint | null {
  const doc = document as Document & { caretPositionFromPoint?: CaretPositionFn };
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y, { shadowRoots });
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

function rectsContain(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

function textNodesOf(range: Range): Node[] {
  const { startContainer: first, endContainer: last } = range;
  if (first === last) return [first];
  const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  walker.currentNode = first;
  const nodes: Node[] = [first];
  for (let node = walker.nextNode(); node && nodes.length < 64; node = walker.nextNode()) {
    nodes.push(node);
    if (node === last) break;
  }
  return nodes;
}

/**
 * Finds the mention under the pointer (architecture.md step 4): one caret lookup, then only the
 * mentions of that text node are compared, so the cost does not grow with the page's mentions.
 */
export class MentionIndex {
  private byNode = new Map<Node, PageMention[]>();
  private shadowRoots: ShadowRoot[] = [];

  rebuild(mentions: PageMention[]): void {
    this.byNode.clear();
    const roots = new Set<ShadowRoot>();
    for (const mention of mentions) {
      // Every text node the mention covers: "<a>Liang</a> <em>Wenfeng</em>" spans three.
      for (const node of textNodesOf(mention.range)) {
        const list = this.byNode.get(node) ?? [];
        list.push(mention);
        this.byNode.set(node, list);
      }
      if (mention.root instanceof ShadowRoot) roots.add(mention.root);
    }
    this.shadowRoots = [...roots];
  }

  at(x: number, y: number): PageMention | null {
    const caret = caretAt(x, y, this.shadowRoots);
    if (!caret) return null;
    for (const mention of this.byNode.get(caret.node) ?? []) {
      if (mention.range.collapsed) continue;
      if (rectsContain(mention.range, x, y)) return mention;
    }
    return null;
  }
}
