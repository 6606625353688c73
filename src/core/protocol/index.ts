export * from './protocol';
export * from './schemas';
export * from './events';
export * from './candidates-wire';
