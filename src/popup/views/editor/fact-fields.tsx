import { Field } from '../../components/field';
import { useFocusAdded } from '../../hooks/use-focus-added';
import { useT, type MessageKey } from '../../i18n';
import { newFact, type FactDraft } from './draft';
import { patchRow, type PartProps } from './editor-props';

type TextKey = 'labelEn' | 'labelDe' | 'value' | 'asOf' | 'source';

/** Which error a text input shows: both label inputs show the label's message. */
const ERROR_OF: Record<TextKey, string> = {
  labelEn: 'label',
  labelDe: 'label',
  value: 'value',
  asOf: 'asOf',
  source: 'source',
};

const INPUTS: ReadonlyArray<{
  field: TextKey;
  label: MessageKey;
  wide?: boolean;
  url?: boolean;
}> = [
  { field: 'labelEn', label: 'fieldFactLabelEn' },
  { field: 'labelDe', label: 'fieldFactLabelDe' },
  { field: 'value', label: 'fieldFactValue', wide: true },
  { field: 'asOf', label: 'fieldFactAsOf' },
  { field: 'source', label: 'fieldFactSource', url: true },
];

/** Key facts: a label per language, the value, when it was true and where it comes from. */
export function FactFields({ draft, update, errorFor, touch }: PartProps) {
  const t = useT();
  const rows = draft.facts;
  const { container, added } = useFocusAdded<HTMLFieldSetElement>();
  const set = (row: FactDraft, patch: Partial<FactDraft>) =>
    update({ facts: patchRow(rows, row.key, patch) });
  const add = () => {
    const row = newFact();
    update({ facts: [...rows, row] });
    added(row.key);
  };
  return (
    <fieldset class="group" ref={container}>
      <legend>{t('fieldFacts')}</legend>
      {rows.map((row, index) => (
        <fieldset key={row.key} class="subgroup" data-row={row.key}>
          <legend>{t('factN', index + 1)}</legend>
          <div class="grid">
            {INPUTS.map(({ field, label, wide, url }) => {
              const errorKey = `fact.${row.key}.${ERROR_OF[field]}`;
              // One message for the label, shown once, under the English label.
              const error = field === 'labelDe' ? undefined : errorFor(errorKey);
              return (
                <Field
                  key={field}
                  label={t(label)}
                  error={error}
                  class={wide ? 'span-2' : undefined}
                >
                  {(control) => (
                    <input
                      {...control}
                      class="input"
                      inputMode={url ? 'url' : undefined}
                      value={row[field]}
                      placeholder={field === 'asOf' ? '2025-02' : undefined}
                      onInput={(event) => set(row, { [field]: event.currentTarget.value })}
                      onBlur={touch(errorKey)}
                    />
                  )}
                </Field>
              );
            })}
          </div>
          <button
            type="button"
            class="button subtle danger"
            aria-label={t('removeFactN', index + 1)}
            onClick={() => update({ facts: rows.filter((other) => other.key !== row.key) })}
          >
            {t('remove')}
          </button>
        </fieldset>
      ))}
      <button type="button" class="button subtle" onClick={add}>
        {t('addFact')}
      </button>
    </fieldset>
  );
}
