import type { MatchForm } from '../../../src/core/match/types';

export interface SeedEntity {
  id: string;
  full: string[];
  followups?: string[];
  exact?: string[];
}

/** Modelled on design/seed-entities.md; ids are the display names so expectations read plainly. */
export const SEED: SeedEntity[] = [
  { id: 'Alibaba Group', full: ['Alibaba Group', 'Alibaba', '阿里巴巴'] },
  { id: 'Alibaba Cloud', full: ['Alibaba Cloud', 'Aliyun', '阿里云'] },
  { id: 'Joe Tsai', full: ['Joe Tsai', '蔡崇信'], followups: ['Tsai'] },
  { id: 'Jack Ma', full: ['Jack Ma', '马云'], followups: ['Ma'] },
  { id: 'Pony Ma', full: ['Pony Ma', 'Ma Huateng', '马化腾'], followups: ['Ma'] },
  { id: 'Eddie Wu', full: ['Eddie Wu', '吴泳铭'], followups: ['Wu'] },
  { id: 'Qwen', full: ['Qwen', 'Tongyi Qianwen', '通义千问'] },
  { id: 'Qwen2.5-Max', full: ['Qwen2.5-Max'] },
  { id: 'Apple', full: ['Apple', 'Apple Inc.', '苹果公司'] },
  { id: 'Apple Intelligence', full: ['Apple Intelligence'] },
  { id: 'Tim Cook', full: ['Tim Cook'], followups: ['Cook'] },
  { id: 'iPhone', full: ['iPhone'] },
  { id: 'Baidu', full: ['Baidu', '百度'] },
  { id: 'Robin Li', full: ['Robin Li', '李彦宏'], followups: ['Li'] },
  { id: 'ERNIE', full: ['ERNIE', 'Ernie Bot', '文心一言'], exact: ['ERNIE'] },
  { id: 'ByteDance', full: ['ByteDance', '字节跳动'] },
  { id: 'Doubao', full: ['Doubao', '豆包'] },
  { id: 'Tencent', full: ['Tencent', '腾讯'] },
  { id: 'Hunyuan', full: ['Hunyuan', '混元'] },
  { id: 'DeepSeek', full: ['DeepSeek', '深度求索'] },
  { id: 'DeepSeek-V3', full: ['DeepSeek-V3', 'DeepSeek V3'] },
  { id: 'DeepSeek-R1', full: ['DeepSeek-R1', 'DeepSeek R1'] },
  { id: 'Liang Wenfeng', full: ['Liang Wenfeng', '梁文锋'], followups: ['Liang'] },
  { id: 'OpenAI', full: ['OpenAI'] },
  { id: 'ChatGPT', full: ['ChatGPT'] },
  { id: 'Sam Altman', full: ['Sam Altman'], followups: ['Altman'] },
  { id: 'Google', full: ['Google'] },
  { id: 'Gemini', full: ['Gemini'] },
  { id: 'Meta', full: ['Meta', 'Meta Platforms'] },
  { id: 'Llama', full: ['Llama', 'Llama 3.1'] },
  { id: 'Chatbot Arena', full: ['Chatbot Arena', 'LMArena'] },
  // Beyond the seed: a name ending in s (the lone apostrophe), names with non-ASCII edges, kana.
  { id: 'Databricks', full: ['Databricks'] },
  { id: 'Nestlé', full: ['Nestlé'] },
  { id: 'Ökoworld', full: ['Ökoworld'] },
  { id: 'SoftBank', full: ['SoftBank', 'ソフトバンク'] },
];

/** The match forms of these entities, as the background would send them (rank 0 throughout). */
export function formsOf(seed: readonly SeedEntity[]): MatchForm[] {
  const base = { kind: 'full' as const, exact: false, rank: 0 };
  return seed.flatMap(({ id, full, followups = [], exact = [] }) => [
    ...full.map((form) => ({ ...base, form, entityId: id, exact: exact.includes(form) })),
    ...followups.map((form) => ({ ...base, form, entityId: id, kind: 'followup' as const })),
  ]);
}
