import { CHANNEL } from './protocol';

/** Sent by the background to every tab when the knowledge base changed: annotate again. */
export const KB_CHANGED = { channel: CHANNEL, event: 'kbChanged' } as const;

export const isKbChanged = (message: unknown): boolean =>
  typeof message === 'object' &&
  message !== null &&
  (message as { channel?: unknown }).channel === CHANNEL &&
  (message as { event?: unknown }).event === KB_CHANGED.event;

/** Keyboard commands (manifest `commands`), relayed by the background to the active tab. */
export const COMMANDS = ['open-card', 'next-mention', 'previous-mention'] as const;
export type CommandName = (typeof COMMANDS)[number];

export const commandMessage = (command: CommandName) =>
  ({ channel: CHANNEL, event: 'command', command }) as const;

export function commandOf(message: unknown): CommandName | null {
  if (typeof message !== 'object' || message === null) return null;
  const { channel, event, command } = message as {
    channel?: unknown;
    event?: unknown;
    command?: unknown;
  };
  if (channel !== CHANNEL || event !== 'command') return null;
  return (COMMANDS as readonly unknown[]).includes(command) ? (command as CommandName) : null;
}
