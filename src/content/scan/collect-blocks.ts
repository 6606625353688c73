import { isBlockBoundary } from './block-tags';
import { isExcluded } from './exclusions';
import { BlockBuilder, type TextBlock } from './text-block';
import { endSliceIfDue } from './yield';

export interface ScanResult {
  blocks: TextBlock[];
  /** Open shadow roots found under the scanned root; scanned as their own roots (rule 9). */
  shadowRoots: ShadowRoot[];
}

function nearestBlock(node: Node, root: Node, cache: Map<Node, Node>): Node {
  const start = node.parentNode;
  for (let current = start; current && current !== root; current = current.parentNode) {
    const known = cache.get(current);
    if (known) return known;
    if (current.nodeType === Node.ELEMENT_NODE && isBlockBoundary(current as Element)) {
      if (start) cache.set(start, current);
      return current;
    }
  }
  return root;
}

function skipChildren(walker: TreeWalker): Node | null {
  for (let node: Node | null = walker.currentNode; node; node = walker.parentNode()) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (node === walker.root) return null;
  }
  return null;
}

/**
 * Walks `root` once in document order and returns its text blocks. Runs in time slices: a huge
 * page is scanned across many short tasks instead of one long one.
 */
export async function collectBlocks(root: Node): Promise<ScanResult> {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  const blocks: TextBlock[] = [];
  const shadowRoots: ShadowRoot[] = [];
  const builder = new BlockBuilder();
  const cache = new Map<Node, Node>();
  let owner: Node | null = null;
  const flush = () => {
    const block = builder.take();
    if (block) blocks.push(block);
    owner = null;
  };
  let count = 0;
  let node: Node | null = walker.nextNode();
  while (node) {
    // Checking the clock every few nodes keeps slices short even where blocks are long.
    if (++count % 16 === 0) await endSliceIfDue();
    // nodeType rather than instanceof: Firefox wraps page nodes for content scripts (Xrays).
    if (node.nodeType === Node.ELEMENT_NODE) {
      const element = node as Element;
      if (isExcluded(element)) {
        flush();
        node = skipChildren(walker);
        continue;
      }
      if (element.shadowRoot) shadowRoots.push(element.shadowRoot);
      if (isBlockBoundary(element)) flush();
    } else if (node.nodeType === Node.TEXT_NODE) {
      const block = nearestBlock(node, root, cache);
      if (block !== owner) flush();
      owner = block;
      builder.add(node as Text);
    }
    node = walker.nextNode();
  }
  flush();
  return { blocks, shadowRoots };
}
