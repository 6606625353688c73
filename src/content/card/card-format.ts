/** Formatting of what the card shows beside the knowledge base's own text: dates and hosts. */

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * An as-of date at the precision the pack gave it: "1999", "Feb 2025", "13 Feb 2025" (in the
 * reader's locale). Anything that is not an ISO date is shown as it is.
 */
export function formatAsOf(asOf: string, locale: string): string {
  const match = ISO_DATE.exec(asOf);
  if (!match) return asOf;
  const [, year, month, day] = match;
  if (!month) return year!;
  // UTC on both sides: a local time zone west of Greenwich would turn 1 Feb into 31 Jan.
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day ?? 1)));
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', month: 'short', year: 'numeric' };
  if (day) options.day = 'numeric';
  return safeFormat(date, locale, options) ?? asOf;
}

/** A moment from the reading history as a calendar day in the reader's time zone. */
export function formatDay(at: number, locale: string): string {
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
  return safeFormat(new Date(at), locale, options) ?? new Date(at).toISOString().slice(0, 10);
}

function safeFormat(
  date: Date,
  locale: string,
  options: Intl.DateTimeFormatOptions,
): string | undefined {
  if (Number.isNaN(date.getTime())) return undefined;
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    // An odd navigator.language can make Intl throw a RangeError; English is the fallback.
    return new Intl.DateTimeFormat('en', options).format(date);
  }
}

/**
 * The URL when, and only when, it is an http(s) address. Checked again at render although packs
 * are validated on import: data written by an older version or another path must not become a
 * `javascript:` link either (experience.md: never a link to anything but http(s)).
 */
export function httpUrl(value: string | undefined): URL | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** "www.example.com" → "example.com": the short form readers recognise a source by. */
export function hostLabel(url: URL): string {
  return url.hostname.replace(/^www\./, '');
}

/**
 * True when the value already says the as-of date ("Born: 1964" as of 1964), so repeating it
 * would only be noise.
 */
export function asOfIsRedundant(value: string, asOf: string): boolean {
  return value.includes(asOf);
}
