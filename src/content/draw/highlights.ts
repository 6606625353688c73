import type { UnderlineStyle } from '../../core/settings/settings';
/**
 * Draws mentions with the CSS Custom Highlight API: no element or attribute is added to the page,
 * so the page's layout and its frameworks are untouched (experience.md: "does not move by a pixel").
 * The registry is per document, so the page can read it; discreet mode therefore draws nothing.
 */
export const HIGHLIGHT_NAME = 'backstory-mention';

/** Styles that draw something; 'none' draws nothing at all (like discreet mode). */
export type DrawnStyle = Exclude<UnderlineStyle, 'none'>;

function styleText(style: DrawnStyle): string {
  // currentColor keeps the underline readable on light and dark pages alike.
  return `::highlight(${HIGHLIGHT_NAME}) {
  text-decoration: underline ${style} currentColor;
  text-decoration-thickness: 1px;
  text-underline-offset: 0.2em;
}`;
}

const sheets = new Map<Document | ShadowRoot, { sheet: CSSStyleSheet; style: DrawnStyle }>();

/** Adopts the highlight style into a document or open shadow root (page styles do not pierce it). */
function ensureStyle(root: Document | ShadowRoot, style: DrawnStyle): void {
  const known = sheets.get(root);
  // Rewriting a stylesheet restyles the whole page: only do it when the style really changed.
  if (known?.style === style) return;
  let sheet = known?.sheet;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
  sheet.replaceSync(styleText(style));
  sheets.set(root, { sheet, style });
}

export class HighlightPainter {
  private highlight: Highlight | null = null;

  constructor(private style: DrawnStyle = 'dotted') {}

  isSupported(): boolean {
    return typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS;
  }

  /** Replaces every drawn range with `ranges` (one registry entry, updated in place). */
  paint(ranges: Range[], roots: Iterable<Document | ShadowRoot>): void {
    if (!this.isSupported()) return;
    for (const root of roots) ensureStyle(root, this.style);
    if (!this.highlight) {
      this.highlight = new Highlight();
      CSS.highlights.set(HIGHLIGHT_NAME, this.highlight);
    }
    this.highlight.clear();
    for (const range of ranges) this.highlight.add(range);
  }

  setStyle(style: DrawnStyle): void {
    this.style = style;
    for (const root of sheets.keys()) ensureStyle(root, style);
  }

  clear(): void {
    if (!this.isSupported()) return;
    CSS.highlights.delete(HIGHLIGHT_NAME);
    this.highlight = null;
  }
}
