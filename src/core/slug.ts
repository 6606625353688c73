/** An entity id from a display name: lowercase ASCII, digits, dots and dashes (pack-format.md). */
export function slugify(name: string, maxLength = 100): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, maxLength)
    .replace(/[-.]+$/g, '');
}
