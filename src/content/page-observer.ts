import { OWN_UI_ATTRIBUTE } from './scan/exclusions';

/** Rescans wait this long after the last change, but never longer than MAX_WAIT (rule 10: < 1 s). */
const QUIET_MS = 100;
const MAX_WAIT_MS = 500;

function isOwnUi(node: Node): boolean {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return element?.closest(`[${OWN_UI_ATTRIBUTE}]`) != null;
}

/** True when a record can change the page's text (our own card's changes never count). */
function touchesText(record: MutationRecord): boolean {
  if (isOwnUi(record.target)) return false;
  if (record.type === 'characterData') return true;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.some(
    (node) =>
      !isOwnUi(node) && (node.nodeType === Node.TEXT_NODE || (node.textContent ?? '') !== ''),
  );
}

/**
 * Watches the document and its open shadow roots for text that appears, changes or goes away
 * (live tickers, infinite scroll, single-page apps) and asks for a rescan, debounced.
 */
export class PageObserver {
  private readonly observer = new MutationObserver((records) => {
    if (records.some(touchesText)) this.schedule();
  });
  private readonly observed = new WeakSet<Node>();
  private quietTimer = 0;
  private maxTimer = 0;

  constructor(private readonly onChange: () => void) {}

  observe(root: Document | ShadowRoot): void {
    if (this.observed.has(root)) return;
    this.observed.add(root);
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  /** Forces a rescan soon (navigation, a settings or knowledge-base change). */
  schedule(): void {
    clearTimeout(this.quietTimer);
    this.quietTimer = window.setTimeout(this.fire, QUIET_MS);
    if (!this.maxTimer) this.maxTimer = window.setTimeout(this.fire, MAX_WAIT_MS);
  }

  disconnect(): void {
    this.observer.disconnect();
    clearTimeout(this.quietTimer);
    clearTimeout(this.maxTimer);
  }

  private fire = () => {
    clearTimeout(this.quietTimer);
    clearTimeout(this.maxTimer);
    this.maxTimer = 0;
    this.onChange();
  };
}
