import { openQuickConnection } from './quick-connection';
import { DB_NAME, SCHEMA_VERSION } from './schema-version';

/**
 * The quick read connection, opened while this module is evaluated: the worker's entry imports it
 * first, so it comes first in the worker's script and the browser opens the database while Dexie
 * and the rest of the script are evaluated.
 */
export const earlyConnection = openQuickConnection(DB_NAME, SCHEMA_VERSION);
