import type { RowReader } from './row-reader';

/** Dexie stores version n as IndexedDB version n × 10. */
const DEXIE_VERSION_FACTOR = 10;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function readerOf(connection: IDBDatabase): RowReader {
  return {
    all: (store) => request(connection.transaction(store, 'readonly').objectStore(store).getAll()),
    many: (store, keys) =>
      new Promise((resolve, reject) => {
        const transaction = connection.transaction(store, 'readonly');
        const rows = transaction.objectStore(store);
        const requests = keys.map((key) => rows.get(key));
        transaction.oncomplete = () => resolve(requests.map((req) => req.result));
        transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB read failed'));
        transaction.onabort = () =>
          reject(transaction.error ?? new Error('IndexedDB read aborted'));
      }),
  };
}

/**
 * A second, read-only connection to the knowledge base for a page asking a freshly started worker
 * for candidates (storage.md, "The quick read connection"). Dexie lives in the knowledge base's
 * script, which such a worker does not load before it answers (architecture.md, "Two worker
 * scripts"), and once open it spends several milliseconds of not-yet-compiled code checking the
 * schema; this connection is opened by the worker's first statement, so the lookup's reads go out
 * while the rest of the worker starts.
 *
 * It never creates, upgrades or writes anything: schema and data are Dexie's. It resolves to
 * undefined when the database is missing or at another version than the code's (Dexie is about to
 * create or upgrade it), and closes itself when Dexie asks for a version change; readers then fall
 * back to Dexie (row-reader.ts, preferReader).
 */
export function openQuickConnection(
  name: string,
  schemaVersion: number,
): Promise<RowReader | undefined> {
  return new Promise((resolve) => {
    let opening: IDBOpenDBRequest;
    try {
      opening = indexedDB.open(name);
    } catch {
      resolve(undefined);
      return;
    }
    // No database yet: abort, so that the database is not created here but by Dexie.
    opening.onupgradeneeded = () => opening.transaction?.abort();
    opening.onerror = (event) => {
      event.preventDefault();
      resolve(undefined);
    };
    opening.onsuccess = () => {
      const connection = opening.result;
      connection.onversionchange = () => connection.close();
      if (connection.version !== schemaVersion * DEXIE_VERSION_FACTOR) {
        connection.close();
        resolve(undefined);
        return;
      }
      resolve(readerOf(connection));
    };
  });
}
