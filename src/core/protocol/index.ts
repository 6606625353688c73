export * from './protocol';
export * from './schemas';
