import type { PackEntity } from '../../src/core/pack/schema';
import { serveTexts } from './bench-server';
import { prng } from './generate-pack';

const PAGE_TEXT_CHARS = 200_000;
/** Share of word slots that hold a name (the brief: 1–2 % of words). */
const NAME_RATE = 0.015;
/** Distinct generated entities named on the page; a tenth of the name slots take seed names. */
const GENERATED_NAMES = 150;
const SEED_NAMES = [
  'Alibaba',
  'DeepSeek',
  'OpenAI',
  'Nvidia',
  'Tencent',
  'Baidu',
  'ByteDance',
  'Huawei',
  'Anthropic',
  'Sam Altman',
  'Qwen',
  'Jack Ma',
];

// prettier-ignore
const EN_WORDS = [
  'the', 'company', 'said', 'on', 'Tuesday', 'that', 'its', 'new', 'model', 'would', 'be',
  'released', 'to', 'developers', 'in', 'the', 'coming', 'weeks', 'according', 'people',
  'familiar', 'with', 'plans', 'analysts', 'expect', 'revenue', 'growth', 'of', 'about',
  'percent', 'this', 'year', 'while', 'costs', 'for', 'training', 'and', 'inference', 'keep',
  'rising', 'regulators', 'in', 'Brussels', 'and', 'Washington', 'have', 'asked', 'questions',
  'about', 'chips', 'exports', 'data', 'centres', 'and', 'the', 'supply', 'of', 'power', 'a',
  'spokesperson', 'declined', 'to', 'comment', 'investors', 'welcomed', 'the', 'results',
  'shares', 'rose', 'after', 'hours', 'market', 'share', 'cloud', 'customers', 'startup',
  'funding', 'round', 'valuation', 'billion', 'benchmark', 'open', 'weights', 'license',
];
// prettier-ignore
const DE_WORDS = [
  'das', 'Unternehmen', 'teilte', 'am', 'Dienstag', 'mit', 'dass', 'sein', 'neues', 'Modell',
  'in', 'den', 'kommenden', 'Wochen', 'für', 'Entwickler', 'erscheinen', 'soll', 'nach',
  'Angaben', 'von', 'Insidern', 'erwarten', 'Analysten', 'ein', 'Umsatzwachstum', 'um', 'etwa',
  'Prozent', 'während', 'die', 'Kosten', 'für', 'Training', 'und', 'Betrieb', 'weiter',
  'steigen', 'Behörden', 'in', 'Brüssel', 'und', 'Berlin', 'stellen', 'Fragen', 'zu', 'Chips',
  'Exporten', 'Rechenzentren', 'und', 'der', 'Stromversorgung', 'ein', 'Sprecher', 'wollte',
  'sich', 'nicht', 'äußern', 'Anleger', 'begrüßten', 'die', 'Zahlen', 'Aktie', 'stieg',
  'nachbörslich', 'Marktanteil', 'Kunden', 'Gründer', 'Finanzierungsrunde', 'Bewertung',
  'Milliarden', 'Größe', 'offene', 'Gewichte', 'Lizenz', 'Straße', 'Öffentlichkeit', 'über',
];

/**
 * An empty deferred script that the server answers only after `LATE_MS`: DOMContentLoaded, and
 * so the content script (document_idle), wait for it while the page parses, lays out and paints.
 * Everything on the main thread after DOMContentLoaded is then the extension's doing; the bare
 * page shows what is left of the page's own work in that window (≈ 0).
 */
const LATE_SCRIPT = '/late.js';
export const LATE_MS = 1500;

export interface BenchPage {
  html: string;
  /** Characters of text in the body (what a TreeWalker reading every text node would see). */
  textChars: number;
  words: number;
  /** Name occurrences written into the page. */
  mentions: number;
  /** The distinct names written into the page, as written. */
  names: string[];
  /** Names of generated entities that are not on the page, for the insertion test. */
  spare: string[];
}

/**
 * A deterministic ~200 KB news page: sections of English and German filler prose, with ~1.5 % of
 * the word slots holding a name: generated entities of the benchmark pack (their full name, or the
 * bare name where the entity has it as an alias) and a tenth from the seed pack.
 */
export function buildNewsPage(entities: PackEntity[], seed = 11): BenchPage {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const chosen = new Set<number>();
  while (chosen.size < GENERATED_NAMES + 5) chosen.add(Math.floor(random() * entities.length));
  const indices = [...chosen];
  const spokenAs = (entity: PackEntity) => [entity.name, ...entity.aliases];
  const pool = indices.slice(0, GENERATED_NAMES).map((i) => spokenAs(entities[i]!));
  const spare = indices.slice(GENERATED_NAMES).map((i) => entities[i]!.name);

  const names = new Set<string>();
  let textChars = 0;
  let words = 0;
  let mentions = 0;
  const text = (value: string) => {
    textChars += value.length;
    return value;
  };
  const sentence = (vocabulary: readonly string[]) => {
    const length = 8 + Math.floor(random() * 14);
    const parts: string[] = [];
    for (let w = 0; w < length; w++) {
      words++;
      if (random() < NAME_RATE) {
        mentions++;
        const name = random() < 0.1 ? pick(SEED_NAMES) : pick(pick(pool));
        names.add(name);
        // News pages link many names; a link splits the block into several text nodes.
        parts.push(random() < 0.2 ? `<a href="#n">${text(name)}</a>` : text(name));
      } else {
        const word = pick(vocabulary);
        const shown = w === 0 ? word[0]!.toUpperCase() + word.slice(1) : word;
        parts.push(random() < 0.02 ? `<em>${text(shown)}</em>` : text(shown));
      }
      if (w < length - 1) parts.push(text(random() < 0.08 ? ', ' : ' '));
    }
    return parts.join('') + text('.');
  };

  const heading = (vocabulary: readonly string[]) => {
    const title = Array.from({ length: 4 + Math.floor(random() * 4) }, () => pick(vocabulary));
    return title.join(' ').replace(/^./, (first) => first.toUpperCase());
  };

  const body: string[] = [];
  body.push(
    `<header><nav>${['World', 'Business', 'Technology', 'Science', 'Opinion'].map((s) => `<a href="#s">${text(s)}</a>`).join(' ')}</nav></header>`,
    `<main><article><h1>${text('Chips, models and money: the week in technology')}</h1>`,
  );
  for (let section = 0; textChars < PAGE_TEXT_CHARS; section++) {
    const german = section % 3 === 2;
    const vocabulary = german ? DE_WORDS : EN_WORDS;
    body.push(`<section${german ? ' lang="de"' : ''}><h2>${text(heading(vocabulary))}</h2>`);
    const paragraphs = 5 + Math.floor(random() * 5);
    for (let p = 0; p < paragraphs; p++) {
      const sentences = 2 + Math.floor(random() * 5);
      const parts: string[] = [];
      for (let s = 0; s < sentences; s++)
        parts.push((s > 0 ? text(' ') : '') + sentence(vocabulary));
      body.push(`<p>${parts.join('')}</p>`);
    }
    body.push('</section>');
  }
  body.push('</article></main>', `<footer><p>${text('© 2025 The Bench Times')}</p></footer>`);
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The Bench Times</title>' +
    '<style>body{font:17px/1.5 Georgia,serif;max-width:42em;margin:2em auto}</style>' +
    `<script defer src="${LATE_SCRIPT}"></script></head>` +
    `<body>${body.join('\n')}</body></html>`;
  return { html, textChars, words, mentions, names: [...names], spare };
}

/** The news pages, with `LATE_SCRIPT` answered after `LATE_MS`. */
export const serveNews = (texts: Record<string, { body: string; type: string }>) =>
  serveTexts({
    ...texts,
    [LATE_SCRIPT]: { body: '// late on purpose', type: 'text/javascript', delayMs: LATE_MS },
  });
