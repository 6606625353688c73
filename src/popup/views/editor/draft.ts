import type { EntityType } from '../../../core/pack/entity-types';
import type { Fact, PackEntity } from '../../../core/pack/schema';

/** Row keys stay stable while rows are added and removed, so inputs keep focus and errors. */
let nextKey = 1;
const key = () => nextKey++;

export interface SummaryDraft {
  key: number;
  lang: string;
  text: string;
  /** en and de are always offered; added languages can be renamed and removed. */
  fixed: boolean;
}

export interface FactDraft {
  key: number;
  labelEn: string;
  labelDe: string;
  /** Labels in languages the editor does not show; kept as they are. */
  otherLabels: Record<string, string>;
  /** The pack gave the label as plain text rather than per language. */
  plainLabel: boolean;
  value: string;
  asOf: string;
  source: string;
  /** The entity the value names (set by packs; not edited here, but kept). */
  entity?: string;
}

export interface LinkDraft {
  key: number;
  label: string;
  url: string;
}

/** The editor's working copy: what the reader types, before it is an entity. */
export interface Draft {
  name: string;
  type: EntityType;
  /** One form per line. */
  aliases: string;
  followups: string;
  summaries: SummaryDraft[];
  facts: FactDraft[];
  links: LinkDraft[];
  note: string;
}

export const FIXED_LANGUAGES = ['en', 'de'] as const;

export const newSummary = (lang = ''): SummaryDraft => ({
  key: key(),
  lang,
  text: '',
  fixed: false,
});
export const newLink = (): LinkDraft => ({ key: key(), label: '', url: '' });
export const newFact = (): FactDraft => ({
  key: key(),
  labelEn: '',
  labelDe: '',
  otherLabels: {},
  plainLabel: false,
  value: '',
  asOf: '',
  source: '',
});

function factDraft(fact: Fact): FactDraft {
  const plain = typeof fact.label === 'string';
  const { en = '', de = '', ...otherLabels } = plain ? {} : (fact.label as Record<string, string>);
  return {
    ...newFact(),
    labelEn: plain ? (fact.label as string) : en,
    labelDe: de,
    otherLabels,
    plainLabel: plain,
    value: fact.value,
    asOf: fact.asOf ?? '',
    source: fact.source ?? '',
    ...(fact.entity ? { entity: fact.entity } : {}),
  };
}

export function toDraft(entity: PackEntity | null, name = ''): Draft {
  const summary = entity?.summary ?? {};
  const others = Object.keys(summary).filter((lang) => !FIXED_LANGUAGES.some((f) => f === lang));
  return {
    name: entity?.name ?? name,
    type: entity?.type ?? 'other',
    aliases: (entity?.aliases ?? []).join('\n'),
    followups: (entity?.followups ?? []).join('\n'),
    summaries: [
      ...FIXED_LANGUAGES.map((lang) => ({
        key: key(),
        lang,
        text: summary[lang] ?? '',
        fixed: true,
      })),
      ...others.map((lang) => ({ ...newSummary(lang), text: summary[lang] ?? '' })),
    ],
    facts: (entity?.facts ?? []).map(factDraft),
    links: (entity?.links ?? []).map((link) => ({ key: key(), ...link })),
    note: entity?.note ?? '',
  };
}
