export const DB_NAME = 'backstory';

/** The last version database.ts declares (a unit test keeps the two together). */
export const SCHEMA_VERSION = 3;
