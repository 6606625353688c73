import { Field } from '../../components/field';
import { useFocusAdded } from '../../hooks/use-focus-added';
import { useLang, useT } from '../../i18n';
import { newSummary } from './draft';
import { patchRow, type PartProps } from './editor-props';

function languageName(code: string, uiLang: string): string {
  try {
    return new Intl.DisplayNames([uiLang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A summary per language: English and German always, more on request. */
export function SummaryFields({ draft, update, errorFor, touch }: PartProps) {
  const t = useT();
  const uiLang = useLang();
  const rows = draft.summaries;
  const { container, added } = useFocusAdded<HTMLFieldSetElement>();
  const add = () => {
    const row = newSummary();
    update({ summaries: [...rows, row] });
    added(row.key);
  };
  return (
    <fieldset class="group" ref={container}>
      <legend>{t('fieldSummaries')}</legend>
      {rows.map((row) => (
        <div key={row.key} class="summary-row" data-row={row.key}>
          {!row.fixed && (
            <div class="row-tools">
              <Field
                label={t('fieldLanguageCode')}
                error={errorFor(`summaryLang.${row.key}`)}
                class="narrow"
              >
                {(control) => (
                  <input
                    {...control}
                    class="input"
                    value={row.lang}
                    placeholder="fr"
                    maxLength={12}
                    onInput={(event) =>
                      update({
                        summaries: patchRow(rows, row.key, { lang: event.currentTarget.value }),
                      })
                    }
                    onBlur={touch(`summaryLang.${row.key}`)}
                  />
                )}
              </Field>
              <button
                type="button"
                class="button subtle danger"
                aria-label={t('removeSummary', row.lang || '…')}
                onClick={() => update({ summaries: rows.filter((other) => other.key !== row.key) })}
              >
                {t('remove')}
              </button>
            </div>
          )}
          <Field
            label={t('fieldSummaryIn', row.lang ? languageName(row.lang, uiLang) : '…')}
            error={errorFor(`summary.${row.key}`)}
          >
            {(control) => (
              <textarea
                {...control}
                class="input"
                rows={3}
                value={row.text}
                onInput={(event) =>
                  update({
                    summaries: patchRow(rows, row.key, { text: event.currentTarget.value }),
                  })
                }
                onBlur={touch(`summary.${row.key}`)}
              />
            )}
          </Field>
        </div>
      ))}
      <button type="button" class="button subtle" onClick={add}>
        {t('addLanguage')}
      </button>
    </fieldset>
  );
}
