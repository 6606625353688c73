/** Letters that NFKD does not decompose into ASCII. */
const LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ı: 'i',
};

/** An id from a name: "Zoë Café" → "zoe-cafe"; at most 128 characters, like a pack id. */
export function slugify(name: string, maxLength = 128): string {
  return name
    .toLowerCase()
    .replace(/[ßæœøłđı]/g, (c) => LETTERS[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}
