import { useEffect, useState } from 'preact/hooks';
import type { KbStatus } from '../core/protocol';
import { send } from '../shared/messaging';

export function App() {
  const [status, setStatus] = useState<KbStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    send('getStatus', {})
      .then(setStatus)
      .catch((reason: unknown) =>
        setError(reason instanceof Error ? reason.message : String(reason)),
      );
  }, []);
  return (
    <main class="popup">
      <h1>Backstory</h1>
      {error && <p role="alert">{error}</p>}
      {status && (
        <p data-testid="kb-status">
          {status.entities} entities in {status.packs} packs
        </p>
      )}
    </main>
  );
}
