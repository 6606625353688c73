import { CHANNEL } from './protocol';

/** Sent by the background to every tab when the knowledge base changed: annotate again. */
export const KB_CHANGED = { channel: CHANNEL, event: 'kbChanged' } as const;

export const isKbChanged = (message: unknown): boolean =>
  typeof message === 'object' &&
  message !== null &&
  (message as { channel?: unknown }).channel === CHANNEL &&
  (message as { event?: unknown }).event === KB_CHANGED.event;
