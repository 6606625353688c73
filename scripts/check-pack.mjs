// Checks the seed knowledge pack (public/packs/tech-news-core.json) against pack-format.md and the
// seed list in seed-entities.md, plus the editorial rules for the seed pack: every fact dated and
// sourced over https, summaries in English and German, 1–2 https links per entity, no dangling ids.
//
// usage: node scripts/check-pack.mjs [path/to/pack.json]
// Exits 0 when the pack passes, 1 with one line per problem otherwise. No dependencies.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.resolve(process.argv[2] ?? path.join(root, 'public/packs/tech-news-core.json'));

/** seed-entities.md: display name, type, aliases (at least), follow-ups (at least). */
const REQUIRED = [
  ['Alibaba Group', 'organization', ['Alibaba', '阿里巴巴'], []],
  ['Alibaba Cloud', 'organization', ['Aliyun', '阿里云'], []],
  ['Joe Tsai', 'person', ['蔡崇信'], ['Tsai']],
  ['Jack Ma', 'person', ['马云'], ['Ma']],
  ['Eddie Wu', 'person', ['吴泳铭'], ['Wu']],
  ['Qwen', 'model', ['Tongyi Qianwen', '通义千问'], []],
  ['Qwen2.5-Max', 'model', [], []],
  ['Apple', 'organization', ['Apple Inc.', '苹果公司'], []],
  ['Apple Intelligence', 'product', [], []],
  ['Tim Cook', 'person', [], ['Cook']],
  ['iPhone', 'product', [], []],
  ['Baidu', 'organization', ['百度'], []],
  ['Robin Li', 'person', ['李彦宏'], ['Li']],
  ['ERNIE', 'model', ['Ernie Bot', '文心一言'], []],
  ['ByteDance', 'organization', ['字节跳动'], []],
  ['Doubao', 'model', ['豆包'], []],
  ['Tencent', 'organization', ['腾讯'], []],
  ['Hunyuan', 'model', ['混元'], []],
  ['Pony Ma', 'person', ['Ma Huateng', '马化腾'], ['Ma']],
  ['DeepSeek', 'organization', ['深度求索'], []],
  ['DeepSeek-V3', 'model', ['DeepSeek V3'], []],
  ['DeepSeek-R1', 'model', ['DeepSeek R1'], []],
  ['Liang Wenfeng', 'person', ['梁文锋'], ['Liang']],
  ['OpenAI', 'organization', [], []],
  ['ChatGPT', 'product', [], []],
  ['Sam Altman', 'person', [], ['Altman']],
  ['Google', 'organization', [], []],
  ['Gemini', 'model', [], []],
  ['Meta', 'organization', ['Meta Platforms'], []],
  ['Llama', 'model', ['Llama 3.1'], []],
  ['Chatbot Arena', 'product', ['LMArena'], []],
];

const TYPES = ['organization', 'person', 'product', 'model', 'place', 'event', 'other'];
const SUMMARY_LANGS = ['en', 'de'];
const LIMITS = {
  summary: 600,
  name: 200,
  title: 200,
  form: 1000,
  forms: 64,
  facts: 64,
  value: 500,
};
const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const FULL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MARKUP = /<\s*[a-z!/]|&[a-z#0-9]+;/i;

const problems = [];
const problem = (where, what) => problems.push(`${where}: ${what}`);

function isHttps(url) {
  try {
    return typeof url === 'string' && new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

const isText = (value) => typeof value === 'string' && value.trim() !== '';

function checkPlainText(where, value) {
  if (MARKUP.test(value)) problem(where, `looks like markup; packs hold plain text only`);
}

let pack;
try {
  pack = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.error(`check-pack: cannot read ${file}: ${error.message}`);
  process.exit(1);
}

// ---- header
if (pack.format !== 'backstory-pack') problem('pack', `format must be "backstory-pack"`);
if (pack.version !== 1) problem('pack', `version must be 1`);
if (pack.id !== 'tech-news-core') problem('pack', `id must be "tech-news-core"`);
if (!isText(pack.title) || pack.title.length > LIMITS.title)
  problem('pack', `title must be 1–200 chars`);
if (pack.updated !== undefined && !FULL_DATE.test(pack.updated)) {
  problem('pack', `updated must be an ISO date (YYYY-MM-DD)`);
}
const entities = Array.isArray(pack.entities) ? pack.entities : [];
if (!Array.isArray(pack.entities) || entities.length === 0)
  problem('pack', 'entities must be a list');

// ---- ids
const byId = new Map();
entities.forEach((e, i) => {
  const where = `entity ${i + 1}${typeof e?.id === 'string' ? ` (${e.id})` : ''}`;
  if (typeof e?.id !== 'string' || !/^[a-z0-9][a-z0-9.-]{0,127}$/.test(e.id)) {
    problem(where, 'id must be lowercase letters, digits, dots and dashes');
  } else if (byId.has(e.id)) {
    problem(where, `id "${e.id}" is used twice`);
  } else {
    byId.set(e.id, e);
  }
});

// ---- each entity
const fullFormOwners = new Map(); // lowercased full form -> ids
const followupsById = new Map();
let factCount = 0;

entities.forEach((e, i) => {
  const where = `entity ${i + 1} (${e?.id ?? '?'})`;
  if (typeof e !== 'object' || e === null) return problem(where, 'must be an object');

  if (!isText(e.name) || e.name.length > LIMITS.name) problem(where, 'name must be 1–200 chars');
  if (!TYPES.includes(e.type)) problem(where, `type must be one of ${TYPES.join(', ')}`);

  for (const key of ['aliases', 'followups', 'exact', 'related', 'tags']) {
    if (e[key] === undefined) continue;
    if (!Array.isArray(e[key]) || !e[key].every(isText)) {
      problem(where, `${key} must be a list of non-empty strings`);
      e[key] = [];
    } else if (new Set(e[key]).size !== e[key].length) {
      problem(where, `${key} lists the same item twice`);
    }
  }
  const aliases = e.aliases ?? [];
  const followups = e.followups ?? [];
  const forms = [e.name, ...aliases, ...followups].filter(isText);
  if (forms.length > LIMITS.forms) problem(where, `more than ${LIMITS.forms} forms`);
  for (const form of forms) {
    if (form.length > LIMITS.form) problem(where, `form "${form.slice(0, 40)}…" is too long`);
    if (form !== form.trim()) problem(where, `form "${form}" has surrounding spaces`);
  }
  const full = [e.name, ...aliases].filter(isText);
  for (const form of full) {
    const key = form.normalize('NFC').toLowerCase();
    if (aliases.includes(form) && form === e.name)
      problem(where, `alias "${form}" repeats the name`);
    fullFormOwners.set(key, [...(fullFormOwners.get(key) ?? []), e.id]);
  }
  followupsById.set(e.id, followups);
  for (const form of e.exact ?? []) {
    if (!forms.includes(form)) problem(where, `exact form "${form}" is not one of its forms`);
  }
  if (e.wikidata !== undefined && !/^Q\d+$/.test(e.wikidata))
    problem(where, 'wikidata must be Q + digits');

  // summary
  const summary = e.summary ?? {};
  for (const lang of SUMMARY_LANGS) {
    const text = summary[lang];
    if (!isText(text)) problem(where, `summary.${lang} is missing`);
    else {
      if (text.length > LIMITS.summary) {
        problem(where, `summary.${lang} is ${text.length} chars; at most ${LIMITS.summary}`);
      }
      checkPlainText(`${where} summary.${lang}`, text);
    }
  }

  // facts
  const facts = Array.isArray(e.facts) ? e.facts : [];
  if (e.facts !== undefined && !Array.isArray(e.facts)) problem(where, 'facts must be a list');
  if (facts.length > LIMITS.facts) problem(where, `more than ${LIMITS.facts} facts`);
  factCount += facts.length;
  facts.forEach((fact, j) => {
    const at = `${where} fact ${j + 1}`;
    const label = fact?.label;
    if (typeof label !== 'object' || label === null) problem(at, 'label must be { en, de }');
    else {
      for (const lang of SUMMARY_LANGS) {
        if (!isText(label[lang])) problem(at, `label.${lang} is missing`);
        else checkPlainText(`${at} label.${lang}`, label[lang]);
      }
    }
    if (!isText(fact?.value) || fact.value.length > LIMITS.value)
      problem(at, 'value must be 1–500 chars');
    else checkPlainText(`${at} value`, fact.value);
    if (typeof fact?.asOf !== 'string' || !ISO_DATE.test(fact.asOf)) {
      problem(at, 'asOf must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)');
    }
    if (!isHttps(fact?.source)) problem(at, 'source must be an https URL');
    if (fact?.entity !== undefined && !byId.has(fact.entity)) {
      problem(at, `entity "${fact.entity}" is not in the pack`);
    }
  });

  // links
  const links = Array.isArray(e.links) ? e.links : [];
  if (links.length < 1 || links.length > 2)
    problem(where, `has ${links.length} links; 1–2 expected`);
  links.forEach((link, j) => {
    if (!isText(link?.label)) problem(`${where} link ${j + 1}`, 'label is missing');
    if (!isHttps(link?.url)) problem(`${where} link ${j + 1}`, 'url must be https');
  });

  // related
  for (const id of e.related ?? []) {
    if (id === e.id) problem(where, 'related lists the entity itself');
    else if (!byId.has(id)) problem(where, `related id "${id}" is not in the pack`);
  }
});

// ---- forms shared between entities (an ambiguous full form makes the reader pick every time)
for (const [form, ids] of fullFormOwners) {
  if (new Set(ids).size > 1) problem(`form "${form}"`, `is a full form of ${ids.join(' and ')}`);
}
for (const [id, followups] of followupsById) {
  for (const form of followups) {
    const owners = fullFormOwners.get(form.normalize('NFC').toLowerCase());
    if (owners)
      problem(`entity ${id}`, `follow-up "${form}" is a full form of ${owners.join(', ')}`);
  }
}

// ---- the seed list
const byName = new Map(entities.map((e) => [e.name, e]));
for (const [name, type, aliases, followups] of REQUIRED) {
  const e = byName.get(name);
  if (!e) {
    problem('seed list', `no entity named exactly "${name}"`);
    continue;
  }
  if (e.type !== type) problem(`entity ${e.id}`, `type is "${e.type}", seed list says "${type}"`);
  for (const alias of aliases) {
    if (!(e.aliases ?? []).includes(alias)) problem(`entity ${e.id}`, `missing alias "${alias}"`);
  }
  for (const followup of followups) {
    if (!(e.followups ?? []).includes(followup)) {
      problem(`entity ${e.id}`, `missing follow-up "${followup}"`);
    }
  }
}

if (problems.length > 0) {
  console.error(
    `check-pack: ${path.relative(process.cwd(), file)} has ${problems.length} problem(s):`,
  );
  for (const line of problems) console.error(`  - ${line}`);
  process.exit(1);
}
console.log(
  `check-pack: ${path.relative(process.cwd(), file)} OK: ${entities.length} entities, ${factCount} facts`,
);
