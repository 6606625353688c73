import * as v from 'valibot';
import { PACK_LIMITS } from '../../../core/pack/limits';
import { entityInputSchema, type PackEntity } from '../../../core/pack/schema';
import type { EntityInput } from '../../../core/protocol';
import type { Translate } from '../../i18n';
import type { Draft } from './draft';
import { toInput, type DraftInput } from './to-input';

/**
 * Error messages by the editor's field keys: `name`, `type`, `aliases`, `followups`, `note`,
 * `summary.<row>`, `summaryLang.<row>`, `fact.<row>.<label|value|asOf|source>`,
 * `link.<row>.<label|url>`.
 */
export type FieldErrors = Record<string, string>;

export interface Checked {
  /** The entity to save, or null while any field is invalid. */
  input: EntityInput | null;
  errors: FieldErrors;
}

const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;
type Issue = v.BaseIssue<unknown>;

/** The schema's words are English and meant for pack authors; the editor says it in the UI's language. */
function issueText(t: Translate, issue: Issue, field: string): string {
  switch (issue.type) {
    case 'non_empty':
      return t('errorRequired');
    case 'max_length':
      return typeof issue.input === 'string'
        ? t('errorTooLong', String(issue.requirement))
        : t('errorTooMany', String(issue.requirement));
    case 'check':
      return field === 'aliases'
        ? t('errorTooManyForms', PACK_LIMITS.maxFormsPerEntity)
        : t('errorHttpUrl');
    case 'regex':
      return field.endsWith('asOf') ? t('errorDate') : t('errorLanguage');
    case 'picklist':
      return t('errorType');
    default:
      return issue.message;
  }
}

/** The editor field an issue belongs to, from its path in the entity. */
function fieldOf(issue: Issue, rows: DraftInput['rows']): string {
  const [first, second, third] = (issue.path ?? []).map((item) => String(item.key));
  if (first === 'summary' && second !== undefined) {
    const row = rows.summaries.get(second);
    return issue.path?.[1]?.origin === 'key' ? `summaryLang.${row}` : `summary.${row}`;
  }
  if (first === 'facts' && second !== undefined) {
    return `fact.${rows.facts[Number(second)]}.${third ?? 'value'}`;
  }
  if (first === 'links' && second !== undefined) {
    return `link.${rows.links[Number(second)]}.${third ?? 'url'}`;
  }
  // A check on the whole entity is the form count: name, aliases and follow-ups together.
  return first ?? 'aliases';
}

/** What the schema cannot see: the draft rows it never receives. */
function draftErrors(t: Translate, draft: Draft, errors: FieldErrors) {
  const seen = new Set<string>();
  for (const row of draft.summaries) {
    const lang = row.lang.trim();
    if (!row.fixed && !LANG.test(lang)) errors[`summaryLang.${row.key}`] = t('errorLanguage');
    else if (seen.has(lang)) errors[`summaryLang.${row.key}`] = t('errorDuplicateLanguage');
    seen.add(lang);
  }
  for (const fact of draft.facts) {
    const labelled =
      fact.labelEn.trim() || fact.labelDe.trim() || Object.keys(fact.otherLabels).length > 0;
    const blank = !labelled && !fact.value.trim() && !fact.asOf.trim() && !fact.source.trim();
    if (!labelled && !blank) errors[`fact.${fact.key}.label`] = t('errorLabelRequired');
  }
}

/** Validates the draft with the very schema the background applies, and words the issues. */
export function checkDraft(t: Translate, draft: Draft, original: PackEntity | null): Checked {
  const { input, rows } = toInput(draft, original);
  const errors: FieldErrors = {};
  draftErrors(t, draft, errors);
  const result = v.safeParse(entityInputSchema, input);
  if (!result.success) {
    for (const issue of result.issues) {
      const field = fieldOf(issue, rows);
      const line = field === 'aliases' || field === 'followups' ? issue.path?.[1]?.key : undefined;
      const text = issueText(t, issue, field);
      errors[field] ??= typeof line === 'number' ? t('errorOnLine', line + 1, text) : text;
    }
  }
  const valid = result.success && Object.keys(errors).length === 0;
  return { input: valid ? result.output : null, errors };
}
