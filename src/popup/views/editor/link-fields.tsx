import { Field } from '../../components/field';
import { useFocusAdded } from '../../hooks/use-focus-added';
import { useT } from '../../i18n';
import { newLink, type LinkDraft } from './draft';
import { patchRow, type PartProps } from './editor-props';

/** Links shown on the card; only http(s) addresses are accepted. */
export function LinkFields({ draft, update, errorFor, touch }: PartProps) {
  const t = useT();
  const rows = draft.links;
  const { container, added } = useFocusAdded<HTMLFieldSetElement>();
  const set = (row: LinkDraft, patch: Partial<LinkDraft>) =>
    update({ links: patchRow(rows, row.key, patch) });
  const add = () => {
    const row = newLink();
    update({ links: [...rows, row] });
    added(row.key);
  };
  return (
    <fieldset class="group" ref={container}>
      <legend>{t('fieldLinks')}</legend>
      {rows.map((row, index) => (
        <fieldset key={row.key} class="subgroup" data-row={row.key}>
          <legend>{t('linkN', index + 1)}</legend>
          <div class="grid">
            <Field label={t('fieldLinkLabel')} error={errorFor(`link.${row.key}.label`)}>
              {(control) => (
                <input
                  {...control}
                  class="input"
                  value={row.label}
                  onInput={(event) => set(row, { label: event.currentTarget.value })}
                  onBlur={touch(`link.${row.key}.label`)}
                />
              )}
            </Field>
            <Field label={t('fieldLinkUrl')} error={errorFor(`link.${row.key}.url`)}>
              {(control) => (
                <input
                  {...control}
                  class="input"
                  type="url"
                  value={row.url}
                  placeholder="https://"
                  onInput={(event) => set(row, { url: event.currentTarget.value })}
                  onBlur={touch(`link.${row.key}.url`)}
                />
              )}
            </Field>
          </div>
          <button
            type="button"
            class="button subtle danger"
            aria-label={t('removeLinkN', index + 1)}
            onClick={() => update({ links: rows.filter((other) => other.key !== row.key) })}
          >
            {t('remove')}
          </button>
        </fieldset>
      ))}
      <button type="button" class="button subtle" onClick={add}>
        {t('addLink')}
      </button>
    </fieldset>
  );
}
