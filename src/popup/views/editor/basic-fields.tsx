import { ENTITY_TYPES, type EntityType } from '../../../core/pack/entity-types';
import { Field } from '../../components/field';
import { useT } from '../../i18n';
import { typeLabel } from '../../lib/entity-types';
import type { PartProps } from './editor-props';

/** A list field grows with its lines, up to a point, so a long alias list is seen at a glance. */
const rowsFor = (text: string) => Math.min(6, Math.max(2, text.split('\n').length + 1));

/** Name, type and the forms the matcher looks for. */
export function BasicFields({ draft, update, errorFor, touch }: PartProps) {
  const t = useT();
  return (
    <>
      <div class="field-pair">
        <Field label={t('fieldName')} error={errorFor('name')} class="grow">
          {(control) => (
            <input
              {...control}
              class="input"
              value={draft.name}
              required
              onInput={(event) => update({ name: event.currentTarget.value })}
              onBlur={touch('name')}
            />
          )}
        </Field>
        <Field label={t('fieldType')} error={errorFor('type')}>
          {(control) => (
            <select
              {...control}
              class="input"
              value={draft.type}
              onChange={(event) => update({ type: event.currentTarget.value as EntityType })}
            >
              {ENTITY_TYPES.map((type) => (
                <option key={type} value={type}>
                  {typeLabel(t, type)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={t('fieldAliases')} hint={t('fieldAliasesHint')} error={errorFor('aliases')}>
        {(control) => (
          <textarea
            {...control}
            class="input"
            rows={rowsFor(draft.aliases)}
            value={draft.aliases}
            onInput={(event) => update({ aliases: event.currentTarget.value })}
            onBlur={touch('aliases')}
          />
        )}
      </Field>
      <Field
        label={t('fieldFollowups')}
        hint={t('fieldFollowupsHint')}
        error={errorFor('followups')}
      >
        {(control) => (
          <textarea
            {...control}
            class="input"
            rows={rowsFor(draft.followups)}
            value={draft.followups}
            onInput={(event) => update({ followups: event.currentTarget.value })}
            onBlur={touch('followups')}
          />
        )}
      </Field>
    </>
  );
}
