import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * After "Add fact" and the like, focus moves into the new row, so a keyboard user does not have
 * to find it. Rows carry `data-row={key}`; call `added(key)` when one is appended.
 */
export function useFocusAdded<T extends HTMLElement>() {
  const container = useRef<T>(null);
  const [pending, setPending] = useState<number | null>(null);
  useEffect(() => {
    if (pending === null) return;
    container.current
      ?.querySelector<HTMLElement>(`[data-row="${pending}"] :is(input, textarea, select)`)
      ?.focus();
    setPending(null);
  }, [pending]);
  return { container, added: setPending };
}
