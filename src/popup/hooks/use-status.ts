import { useEffect, useState } from 'preact/hooks';
import type { KbStatus } from '../../core/protocol';
import { send } from '../../shared/messaging';
import { errorText } from '../lib/errors';

/** The knowledge base's size; read again whenever `version` changes (after an edit or import). */
export function useStatus(version: number): { status: KbStatus | null; error: string | null } {
  const [status, setStatus] = useState<KbStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    send('getStatus', {})
      .then((next) => {
        if (!alive) return;
        setStatus(next);
        setError(null);
      })
      .catch((reason: unknown) => alive && setError(errorText(reason)));
    return () => {
      alive = false;
    };
  }, [version]);
  return { status, error };
}
