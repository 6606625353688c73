import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { EntitySummary } from '../../core/protocol';
import type { EntityType } from '../../core/pack/entity-types';
import { send } from '../../shared/messaging';
import { errorText } from '../lib/errors';

export const PAGE_SIZE = 50;
/** Long enough to skip the keystrokes of a fast typist, short enough to feel instant. */
const DEBOUNCE_MS = 80;

export interface SearchFilters {
  query: string;
  type: EntityType | '';
  /** A pack id, "own", or "" for every source. */
  source: string;
}

export interface SearchState {
  items: EntitySummary[];
  total: number;
  loading: boolean;
  error: string | null;
  more: () => void;
}

/**
 * Search as you type. Every request carries a sequence number and only the newest one's answer is
 * shown: an answer to "ts" that arrives after the one to "tsai" must not replace it.
 * `version` changes after an edit, so the list is read again.
 */
export function useSearch(filters: SearchFilters, version: number): SearchState {
  const [items, setItems] = useState<EntitySummary[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  const fetchPage = useCallback(
    async (offset: number) => {
      const ticket = ++latest.current;
      setLoading(true);
      try {
        const result = await send('searchEntities', {
          query: filters.query.slice(0, 200),
          ...(filters.type ? { type: filters.type } : {}),
          ...(filters.source ? { source: filters.source } : {}),
          offset,
          limit: PAGE_SIZE,
        });
        if (ticket !== latest.current) return;
        setItems((previous) => (offset === 0 ? result.items : [...previous, ...result.items]));
        setTotal(result.total);
        setError(null);
      } catch (reason) {
        if (ticket === latest.current) setError(errorText(reason));
      } finally {
        if (ticket === latest.current) setLoading(false);
      }
    },
    [filters.query, filters.type, filters.source],
  );

  useEffect(() => {
    const timer = setTimeout(() => void fetchPage(0), DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      // A request already sent for the old filters is now stale.
      latest.current++;
    };
  }, [fetchPage, version]);

  const more = useCallback(() => void fetchPage(items.length), [fetchPage, items.length]);
  return { items, total, loading, error, more };
}
