export * from './csv';
export * from './entity-types';
export * from './limits';
export * from './schema';
export * from './validate';
