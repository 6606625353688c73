import type { UnderlineStyle } from '../../core/settings/settings';
import HIGHLIGHT_CSS from './highlights.css?raw';

/**
 * Draws mentions with the CSS Custom Highlight API: no element or attribute is added to the page,
 * so the page's layout and its frameworks are untouched (experience.md: "does not move by a pixel").
 * The registry is per document, so the page can read it; discreet mode therefore draws nothing.
 *
 * The look comes from highlights.css, which the browser injects before the page is first styled
 * (manifest content_scripts.css): one highlight name per underline style, so switching styles
 * moves the ranges to another name instead of restyling the page.
 */
export const HIGHLIGHT_NAME = 'backstory-mention';

/** Styles that draw something; 'none' draws nothing at all (like discreet mode). */
export type DrawnStyle = Exclude<UnderlineStyle, 'none'>;

export const highlightNameFor = (style: DrawnStyle): string =>
  style === 'dotted' ? HIGHLIGHT_NAME : `${HIGHLIGHT_NAME}-${style}`;

const styledShadowRoots = new WeakSet<ShadowRoot>();

/** The document's styles do not reach into a shadow root: it adopts the same rules itself. */
function styleShadowRoot(root: ShadowRoot): void {
  if (styledShadowRoots.has(root)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(HIGHLIGHT_CSS);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  styledShadowRoots.add(root);
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
    for (const root of roots) if (root !== document) styleShadowRoot(root as ShadowRoot);
    if (!this.highlight) {
      this.highlight = new Highlight();
      CSS.highlights.set(highlightNameFor(this.style), this.highlight);
    }
    this.highlight.clear();
    for (const range of ranges) this.highlight.add(range);
  }

  setStyle(style: DrawnStyle): void {
    if (style === this.style) return;
    if (this.highlight && this.isSupported()) {
      CSS.highlights.delete(highlightNameFor(this.style));
      CSS.highlights.set(highlightNameFor(style), this.highlight);
    }
    this.style = style;
  }

  clear(): void {
    if (!this.isSupported()) return;
    CSS.highlights.delete(highlightNameFor(this.style));
    this.highlight = null;
  }
}
