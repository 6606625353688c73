// IndexedDB for Node: the database tests run Dexie against fake-indexeddb.
import 'fake-indexeddb/auto';
