import type { RefObject } from 'preact';
import { ENTITY_TYPES } from '../../core/pack/entity-types';
import type { PackInfo } from '../../core/protocol';
import type { SearchFilters } from '../hooks/use-search';
import { useT } from '../i18n';
import { typeLabel } from '../lib/entity-types';

export interface SearchControlsProps {
  filters: SearchFilters;
  packs: PackInfo[];
  searchRef: RefObject<HTMLInputElement | null>;
  onChange: (filters: SearchFilters) => void;
  onNew: () => void;
}

export function SearchControls({
  filters,
  packs,
  searchRef,
  onChange,
  onNew,
}: SearchControlsProps) {
  const t = useT();
  const set = (patch: Partial<SearchFilters>) => onChange({ ...filters, ...patch });
  return (
    <div class="search" role="search">
      <div class="search-row">
        <input
          ref={searchRef}
          type="search"
          class="input search-input"
          aria-label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
          value={filters.query}
          maxLength={200}
          onInput={(event) => set({ query: event.currentTarget.value })}
        />
        <button type="button" class="button primary" onClick={onNew}>
          {t('newEntity')}
        </button>
      </div>
      <div class="filter-row">
        <select
          class="input"
          aria-label={t('filterTypeLabel')}
          value={filters.type}
          onChange={(event) => set({ type: event.currentTarget.value as SearchFilters['type'] })}
        >
          <option value="">{t('filterAllTypes')}</option>
          {ENTITY_TYPES.map((type) => (
            <option key={type} value={type}>
              {typeLabel(t, type)}
            </option>
          ))}
        </select>
        <select
          class="input"
          aria-label={t('filterSourceLabel')}
          value={filters.source}
          onChange={(event) => set({ source: event.currentTarget.value })}
        >
          <option value="">{t('filterAllSources')}</option>
          <option value="own">{t('filterOwn')}</option>
          {packs.map((pack) => (
            <option key={pack.id} value={pack.id}>
              {pack.title}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
