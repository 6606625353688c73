import type { PackInfo } from '../../core/protocol';
import type { SearchState } from '../hooks/use-search';
import { useLang, useT } from '../i18n';
import { typeLabel } from '../lib/entity-types';

export interface SearchResultsProps {
  search: SearchState;
  packs: PackInfo[];
  onOpen: (id: string) => void;
}

export function SearchResults({ search, packs, onOpen }: SearchResultsProps) {
  const t = useT();
  const lang = useLang();
  const titles = new Map(packs.map((pack) => [pack.id, pack.title]));
  const { items, total, loading, error } = search;
  return (
    <>
      <p class="result-count" role="status">
        {error ??
          (loading && items.length === 0
            ? t('loading')
            : t('resultCount', total.toLocaleString(lang)))}
      </p>
      {items.length > 0 && (
        <ul class="list" aria-label={t('resultsLabel')} aria-busy={loading}>
          {items.map((item) => (
            <li key={item.id}>
              <button type="button" class="row" onClick={() => onOpen(item.id)}>
                <span class="row-main">
                  <span class="row-name">{item.name}</span>
                  <span class="row-meta">
                    {typeLabel(t, item.type)} ·{' '}
                    {item.packId === null
                      ? t('sourceOwn')
                      : (titles.get(item.packId) ?? item.packId)}
                    {item.edited && ` · ${t('editedMark')}`}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {!loading && !error && total === 0 && <p class="empty">{t('noResults')}</p>}
      {items.length < total && (
        <button type="button" class="button more" disabled={loading} onClick={search.more}>
          {t('showMore', items.length.toLocaleString(lang), total.toLocaleString(lang))}
        </button>
      )}
    </>
  );
}
