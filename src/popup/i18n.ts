import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { UiLanguage } from '../core/settings/settings';

// Type only: the keys are checked at compile time, the file itself is not bundled.
type EnglishMessages = typeof import('../../public/_locales/en/messages.json');
export type MessageKey = keyof EnglishMessages;

export type Translate = (key: MessageKey, ...substitutions: Array<string | number>) => string;

export interface Translator {
  t: Translate;
  /** The language the popup speaks, for `<html lang>` and number formatting. */
  lang: string;
}

interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const subs = (values: Array<string | number>) => values.map((value) => String(value));

/** The browser's own lookup: `_locales` chosen by the browser's language (`uiLanguage: auto`). */
export function browserTranslator(): Translator {
  return {
    t: (key, ...values) => browser.i18n.getMessage(key, subs(values)) || key,
    lang: browser.i18n.getUILanguage(),
  };
}

/** Applies substitutions as `i18n.getMessage` does: named placeholders, then `$1`…`$9`, `$$`. */
export function formatMessage(entry: MessageEntry, values: string[]): string {
  const placeholders = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );
  const named = entry.message.replace(
    /\$([a-z0-9_@]+)\$/gi,
    (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole,
  );
  return named.replace(/\$(\$|[1-9])/g, (_whole, what: string) =>
    what === '$' ? '$' : (values[Number(what) - 1] ?? ''),
  );
}

/**
 * The browser picks `_locales` by its own language and offers no way to ask for another, so a
 * chosen UI language is served from that locale's messages.json, read from the package itself.
 */
export async function loadTranslator(language: UiLanguage): Promise<Translator> {
  const fallback = browserTranslator();
  if (language === 'auto') return fallback;
  try {
    const response = await fetch(browser.runtime.getURL(`_locales/${language}/messages.json`));
    const messages = (await response.json()) as Record<string, MessageEntry | undefined>;
    return {
      t: (key, ...values) => {
        const entry = messages[key];
        return entry ? formatMessage(entry, subs(values)) : fallback.t(key, ...values);
      },
      lang: language,
    };
  } catch {
    return fallback;
  }
}

export const I18nContext = createContext<Translator>({ t: (key) => key, lang: 'en' });

/** The popup's translate function; every UI string goes through it. */
export const useT = (): Translate => useContext(I18nContext).t;

export const useLang = (): string => useContext(I18nContext).lang;

/** "1 pack" / "2 packs": English and German need only these two forms; both take the count as `$1`. */
export function plural(
  t: Translate,
  one: MessageKey,
  other: MessageKey,
  count: number,
  lang: string,
) {
  return t(count === 1 ? one : other, count.toLocaleString(lang));
}
