/**
 * Elements that start a new block of text (matching.md rule 2: a name never spans two blocks).
 * Tag names, not computed styles: reading `display` for every element would force style work on
 * the whole page, and these tags are what news pages use for paragraphs, headings and cells.
 */
export const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'BUTTON',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LEGEND',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'BR',
  'IMG',
  'VIDEO',
  'AUDIO',
  'PICTURE',
  'OPTION',
  'SELECT',
  'TEXTAREA',
  'INPUT',
]);

/**
 * Looks a tag name up in an upper-case set, ignoring case (XHTML and SVG keep lower case), and
 * remembers the answer per name: a page has thousands of elements but a few dozen tag names, so
 * no string is made per element.
 */
export function tagSetLookup(tags: ReadonlySet<string>): (tagName: string) => boolean {
  const known = new Map<string, boolean>();
  return (tagName) => {
    let answer = known.get(tagName);
    if (answer === undefined) {
      answer = tags.has(tagName.toUpperCase());
      known.set(tagName, answer);
    }
    return answer;
  };
}

const isBlockTag = tagSetLookup(BLOCK_TAGS);

export const isBlockBoundary = (element: Element) =>
  isBlockTag(element.tagName) || element.shadowRoot !== null;
