import type { Pack, PackEntity } from '../../src/core/pack/schema';

/** A small deterministic PRNG, so every run benchmarks the same pack and page. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'sto',
  'vex',
  'dar',
  'qui',
  'nor',
  'bel',
  'tam',
  'zu',
  'fen',
  'gri',
  'hol',
  'pax',
  'ul',
  'wen',
  'yor',
  'sic',
];
const TYPES = ['organization', 'person', 'product', 'model'] as const;

export function generatedName(index: number): string {
  // Unique by construction: the index is spelled in syllables (base 20), capitalised like a name.
  let n = index;
  let word = '';
  do {
    word += SYLLABLES[n % 20];
    n = Math.floor(n / 20);
  } while (n > 0);
  return word[0]!.toUpperCase() + word.slice(1);
}

export function generateEntities(count: number, seed = 7): PackEntity[] {
  const random = prng(seed);
  return Array.from({ length: count }, (_, i): PackEntity => {
    const name = generatedName(i + 1000);
    const type = TYPES[i % TYPES.length]!;
    return {
      id: `gen-${i}`,
      name: type === 'person' ? `${name} ${generatedName(i + 7)}` : `${name} Labs`,
      type,
      aliases: random() < 0.5 ? [name] : [],
      followups: [],
      exact: [],
      summary: {
        en: `${name} is a generated ${type} used to measure Backstory with a large knowledge base.`,
        de: `${name} ist ein erzeugter Eintrag, mit dem Backstory bei großer Wissensbasis gemessen wird.`,
      },
      facts: [
        {
          label: { en: 'Founded', de: 'Gegründet' },
          value: String(1950 + (i % 70)),
          asOf: '2025-01',
        },
      ],
      links: [{ label: 'Website', url: `https://example.org/${i}` }],
      related: [],
      tags: ['generated'],
    };
  });
}

export function generatePack(count: number): Pack {
  return {
    format: 'backstory-pack',
    version: 1,
    id: 'bench',
    title: 'Benchmark pack',
    updated: '2025-01-01',
    entities: generateEntities(count),
  };
}
