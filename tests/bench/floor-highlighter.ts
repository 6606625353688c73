import { readFileSync } from 'node:fs';

/** The registry name the floor highlighter draws under. */
export const FLOOR_HIGHLIGHT_NAME = 'bench-floor';

/**
 * The least any CSS-highlight annotator has to do on the page, as a page script (addInitScript):
 * the names are given (no knowledge base, no messages, no normalisation, no blocks across inline
 * elements, no rules), one TreeWalker pass finds them with one RegExp per text node, and every hit
 * becomes a Range in one highlight drawn with Backstory's own underline style sheet, attached at
 * document start as ours is. It runs in a task after DOMContentLoaded, inside the measured window,
 * so its added main-thread time is a floor for the "first full annotation" figure: script, the
 * Range objects and the browser rendering the underlines.
 */
export function floorHighlighterScript(names: string[]): string {
  const css = readFileSync('src/content/draw/highlights.css', 'utf8').replaceAll(
    'backstory-mention',
    FLOOR_HIGHLIGHT_NAME,
  );
  return `(() => {
    const names = ${JSON.stringify(names)};
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(${JSON.stringify(css)});
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const escape = (text) => text.replace(/[.*+?^\${}()|[\\]\\\\]/g, '\\\\$&');
    const pattern = new RegExp(
      names.map(escape).sort((a, b) => b.length - a.length).join('|'),
      'g',
    );
    const annotate = () => {
      const highlight = new Highlight();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.data;
        pattern.lastIndex = 0;
        for (let hit = pattern.exec(text); hit; hit = pattern.exec(text)) {
          const range = new Range();
          range.setStart(node, hit.index);
          range.setEnd(node, hit.index + hit[0].length);
          highlight.add(range);
        }
      }
      CSS.highlights.set('${FLOOR_HIGHLIGHT_NAME}', highlight);
    };
    document.addEventListener('DOMContentLoaded', () => setTimeout(annotate, 0));
  })();`;
}
