import { useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../../shared/messaging';
import type { Notify } from '../app';
import { usePacks } from '../hooks/use-packs';
import { useSearch, type SearchFilters } from '../hooks/use-search';
import { useT } from '../i18n';
import { errorText } from '../lib/errors';
import { EntityEditor } from './entity-editor';
import { SearchControls } from './search-controls';
import { SearchResults } from './search-results';

export interface KnowledgeBaseProps {
  version: number;
  onChanged: () => void;
  notify: Notify;
  /** Start with the editor open: `?edit=<ref>`, or `?new=<text>` for a new entity of that name. */
  initial: Editing;
}

/** What the editor is open on: an entity by ref, or a new one with an optional name. */
export type Editing = { id: string } | { id: null; name: string } | null;

export function KnowledgeBase({ version, onChanged, notify, initial }: KnowledgeBaseProps) {
  const t = useT();
  const [filters, setFilters] = useState<SearchFilters>({ query: '', type: '', source: '' });
  const [editing, setEditing] = useState<Editing>(initial);
  const packs = usePacks(version);
  const search = useSearch(filters, version);
  const searchBox = useRef<HTMLInputElement>(null);
  const wasEditing = useRef(editing !== null);

  // Back from the editor, the reader continues where they were: in the search box.
  useEffect(() => {
    if (wasEditing.current && editing === null) searchBox.current?.focus();
    wasEditing.current = editing !== null;
  }, [editing]);

  const deleted = (id: string, name: string) => {
    setEditing(null);
    onChanged();
    notify(t('deletedToast', name), {
      label: t('undo'),
      run: () => {
        send('restoreEntity', { id })
          .then(() => {
            onChanged();
            notify(t('restoredToast', name));
          })
          .catch((reason: unknown) => notify(errorText(reason)));
      },
    });
  };

  if (editing) {
    return (
      <EntityEditor
        key={editing.id ?? 'new'}
        id={editing.id}
        initialName={editing.id === null ? editing.name : ''}
        onClose={() => setEditing(null)}
        onSaved={(name) => {
          setEditing(null);
          onChanged();
          notify(t('savedToast', name));
        }}
        onDeleted={deleted}
        packTitles={new Map(packs.map((pack) => [pack.id, pack.title]))}
      />
    );
  }
  return (
    <section class="view" aria-labelledby="kb-heading">
      <h2 id="kb-heading" class="visually-hidden">
        {t('tabKnowledgeBase')}
      </h2>
      <SearchControls
        filters={filters}
        packs={packs}
        searchRef={searchBox}
        onChange={setFilters}
        onNew={() => setEditing({ id: null, name: filters.query.trim() })}
      />
      <SearchResults search={search} packs={packs} onOpen={(id) => setEditing({ id })} />
    </section>
  );
}
