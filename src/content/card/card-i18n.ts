import type { EntityType } from '../../core/pack/entity-types';

/**
 * The card's few UI strings. The popup uses _locales; the content script keeps this tiny table
 * instead, since `browser.i18n` cannot format dates and pulling the popup's catalogue into every
 * page would cost more than these lines.
 */
export interface CardStrings {
  /** BCP 47 tag for Intl date formatting. */
  locale: string;
  close: string;
  back: string;
  pin: string;
  edit: string;
  notHere: string;
  facts: string;
  links: string;
  note: string;
  loading: string;
  notFound: string;
  loadFailed: string;
  ownEntry: string;
  fromPack: (title: string) => string;
  asOf: (date: string) => string;
  source: (host: string) => string;
  seenOn: (count: number) => string;
  last: string;
  firstTime: (name: string) => string;
  which: (form: string) => string;
  opensInNewTab: string;
  types: Record<EntityType, string>;
}

const EN: Omit<CardStrings, 'locale'> = {
  close: 'Close',
  back: 'Back',
  pin: 'Pin',
  edit: 'Edit',
  notHere: 'Not this one here',
  facts: 'Key facts',
  links: 'Links',
  note: 'Your note',
  loading: 'Loading…',
  notFound: 'This entry is no longer in your knowledge base.',
  loadFailed: 'Could not load this card:',
  ownEntry: 'Your entry',
  fromPack: (title) => `From ${title}`,
  asOf: (date) => `as of ${date}`,
  source: (host) => `Source: ${host}`,
  seenOn: (count) => `Seen on ${count} pages`,
  last: 'last:',
  firstTime: (name) => `First time you meet ${name}`,
  which: (form) => `Which “${form}”?`,
  opensInNewTab: '(opens in a new tab)',
  types: {
    organization: 'Organization',
    person: 'Person',
    product: 'Product',
    model: 'Model',
    place: 'Place',
    event: 'Event',
    other: 'Other',
  },
};

const DE: Omit<CardStrings, 'locale'> = {
  close: 'Schließen',
  back: 'Zurück',
  pin: 'Anheften',
  edit: 'Bearbeiten',
  notHere: 'Hier nicht gemeint',
  facts: 'Eckdaten',
  links: 'Links',
  note: 'Ihre Notiz',
  loading: 'Wird geladen…',
  notFound: 'Dieser Eintrag ist nicht mehr in Ihrer Wissensbasis.',
  loadFailed: 'Die Karte konnte nicht geladen werden:',
  ownEntry: 'Ihr Eintrag',
  fromPack: (title) => `Aus ${title}`,
  asOf: (date) => `Stand ${date}`,
  source: (host) => `Quelle: ${host}`,
  seenOn: (count) => `Auf ${count} Seiten gesehen`,
  last: 'zuletzt:',
  firstTime: (name) => `Erste Begegnung mit ${name}`,
  which: (form) => `Welches „${form}“?`,
  opensInNewTab: '(öffnet in neuem Tab)',
  types: {
    organization: 'Organisation',
    person: 'Person',
    product: 'Produkt',
    model: 'Modell',
    place: 'Ort',
    event: 'Ereignis',
    other: 'Sonstiges',
  },
};

/** German for a German browser, English otherwise (experience.md: English and German UI). */
export function cardStrings(language: string = navigator.language): CardStrings {
  const tag = language || 'en';
  if (/^de\b/i.test(tag)) return { ...DE, locale: tag };
  return { ...EN, locale: /^en\b/i.test(tag) ? tag : 'en' };
}
