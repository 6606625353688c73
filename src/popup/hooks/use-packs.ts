import { useEffect, useState } from 'preact/hooks';
import type { PackInfo } from '../../core/protocol';
import { send } from '../../shared/messaging';

/** The installed packs; read again whenever `version` changes. */
export function usePacks(version: number): PackInfo[] {
  const [packs, setPacks] = useState<PackInfo[]>([]);
  useEffect(() => {
    let alive = true;
    send('listPacks', {})
      .then((list) => alive && setPacks(list))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [version]);
  return packs;
}
