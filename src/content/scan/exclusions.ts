import { tagSetLookup } from './block-tags';

/** Elements whose text is never annotated (matching.md rule 8): form fields, code, scripts. */
const SKIPPED_TAGS = new Set([
  'INPUT',
  'TEXTAREA',
  'SELECT',
  'OPTION',
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'CANVAS',
]);

/** The attribute our own UI host carries, so the scanner never annotates the card itself. */
export const OWN_UI_ATTRIBUTE = 'data-backstory-ui';

/** True when nothing inside `element` may be annotated. */
const isSkippedTag = tagSetLookup(SKIPPED_TAGS);

export function isExcluded(element: Element): boolean {
  if (isSkippedTag(element.tagName)) return true;
  if (element.hasAttribute(OWN_UI_ATTRIBUTE)) return true;
  // isContentEditable is inherited, so this also covers every descendant of an editable region.
  return (element as HTMLElement).isContentEditable === true;
}
