import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { EditableEntity } from '../../core/protocol';
import { send } from '../../shared/messaging';
import { Field } from '../components/field';
import { useT } from '../i18n';
import { errorText } from '../lib/errors';
import { BasicFields } from './editor/basic-fields';
import { toDraft, type Draft } from './editor/draft';
import { FactFields } from './editor/fact-fields';
import { LinkFields } from './editor/link-fields';
import { SummaryFields } from './editor/summary-fields';
import { checkDraft } from './editor/validate';

export interface EntityEditorProps {
  /** The entity's ref, or null for a new entity. */
  id: string | null;
  initialName: string;
  onClose: () => void;
  onSaved: (name: string) => void;
  onDeleted: (id: string, name: string) => void;
  /** Pack titles by id, to say where a pack entity comes from. */
  packTitles: ReadonlyMap<string, string>;
}

export function EntityEditor(props: EntityEditorProps) {
  const { id, initialName, onClose, onSaved, onDeleted, packTitles } = props;
  const t = useT();
  const [stored, setStored] = useState<EditableEntity | null>(null);
  const [draft, setDraft] = useState<Draft>(() => toDraft(null, initialName));
  const [loading, setLoading] = useState(id !== null);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (id === null) return;
    send('getEntity', { id })
      .then((found) => {
        if (!found) setFailure(t('entityGone'));
        else {
          setStored(found);
          setDraft(toDraft(found.entity));
        }
      })
      .catch((reason: unknown) => setFailure(errorText(reason)))
      .finally(() => setLoading(false));
    // Read once per entity: a language switch must not reload it over the reader's changes.
  }, [id]);

  // Focus starts in the editor: on the name for a new entity, else on the heading.
  useEffect(() => {
    if (loading) return;
    if (id === null) form.current?.querySelector<HTMLInputElement>('input')?.focus();
    else heading.current?.focus();
  }, [loading, id]);

  const checked = useMemo(() => checkDraft(t, draft, stored?.entity ?? null), [t, draft, stored]);
  const errorFor = (field: string) =>
    submitted || touched.has(field) ? checked.errors[field] : undefined;
  const parts = {
    draft,
    update: (patch: Partial<Draft>) => setDraft((previous) => ({ ...previous, ...patch })),
    errorFor,
    touch: (field: string) => () =>
      setTouched((previous) => (previous.has(field) ? previous : new Set(previous).add(field))),
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setSubmitted(true);
    setFailure(null);
    if (!checked.input) {
      // After this render the messages are shown; take the reader to the first one.
      setTimeout(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    try {
      await send('saveEntity', { ...(id ? { id } : {}), entity: checked.input });
      onSaved(checked.input.name);
    } catch (reason) {
      setFailure(errorText(reason));
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!id) return;
    setBusy(true);
    try {
      await send('deleteEntity', { id });
      onDeleted(id, stored?.entity.name ?? draft.name);
    } catch (reason) {
      setFailure(errorText(reason));
      setBusy(false);
    }
  };

  const invalid = submitted && !checked.input;
  const title = id === null ? t('editorNewTitle') : t('editorEditTitle');
  return (
    <form class="editor" ref={form} noValidate aria-labelledby="editor-heading" onSubmit={save}>
      <div class="editor-head">
        <h2 id="editor-heading" ref={heading} tabIndex={-1}>
          {title}
        </h2>
        {stored && (
          <p class="row-meta">
            {stored.packId === null
              ? t('sourceOwn')
              : t('sourcePack', packTitles.get(stored.packId) ?? stored.packId)}
            {stored.edited && ` · ${t('editedMark')}`}
          </p>
        )}
      </div>
      {loading ? (
        <p class="empty">{t('loading')}</p>
      ) : (
        <>
          <BasicFields {...parts} />
          <SummaryFields {...parts} />
          <FactFields {...parts} />
          <LinkFields {...parts} />
          <Field label={t('fieldNote')} hint={t('fieldNoteHint')} error={errorFor('note')}>
            {(control) => (
              <textarea
                {...control}
                class="input"
                rows={3}
                value={draft.note}
                onInput={(event) => parts.update({ note: event.currentTarget.value })}
                onBlur={parts.touch('note')}
              />
            )}
          </Field>
        </>
      )}
      {(invalid || failure) && (
        <p class="form-error" role="alert">
          {failure ?? t('fixMarkedFields')}
        </p>
      )}
      <div class="editor-actions">
        <button type="submit" class="button primary" disabled={busy || loading}>
          {t('save')}
        </button>
        <button type="button" class="button" onClick={onClose}>
          {t('cancel')}
        </button>
        {id !== null && stored && (
          <button
            type="button"
            class="button subtle danger push-end"
            disabled={busy}
            onClick={remove}
          >
            {t('delete')}
          </button>
        )}
      </div>
    </form>
  );
}
