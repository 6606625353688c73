import { CHANNEL } from './protocol';

/**
 * Messages from the popup to the content script of the active tab (`tabs.sendMessage`). They are
 * events rather than protocol requests: the background is not involved, and a tab without our
 * content script (a chrome:// page, the web store) simply has no one to answer.
 */

/** One entity found on the page, as the popup's "On this page" list shows it. */
export interface PageMention {
  /** The entity's ref (`p/<pack>/<id>` or `u/<id>`). */
  id: string;
  name: string;
  type: string;
  /** How many times it is mentioned on the page. */
  count: number;
}

/** The content script's reply to PAGE_MENTIONS: mentions in order of first appearance. */
export interface PageMentionsReply {
  mentions: PageMention[];
}

export const PAGE_MENTIONS = { channel: CHANNEL, event: 'pageMentions' } as const;
export type PageMentionsRequest = typeof PAGE_MENTIONS;

export interface RevealMentionRequest {
  channel: typeof CHANNEL;
  event: 'revealMention';
  /** Ref of the entity whose first mention the page scrolls to and opens the card for. */
  id: string;
}

export const revealMention = (id: string): RevealMentionRequest => ({
  channel: CHANNEL,
  event: 'revealMention',
  id,
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const isEvent = (message: unknown, event: string): message is Record<string, unknown> =>
  isRecord(message) && message.channel === CHANNEL && message.event === event;

export const isPageMentionsRequest = (message: unknown): message is PageMentionsRequest =>
  isEvent(message, PAGE_MENTIONS.event);

export const isRevealMentionRequest = (message: unknown): message is RevealMentionRequest =>
  isEvent(message, 'revealMention') && typeof message.id === 'string';

const isPageMention = (value: unknown): value is PageMention =>
  isRecord(value) &&
  typeof value.id === 'string' &&
  typeof value.name === 'string' &&
  typeof value.type === 'string' &&
  typeof value.count === 'number' &&
  Number.isFinite(value.count);

/** The popup checks the reply: the tab is a page, and whatever answers there is not trusted blindly. */
export const isPageMentionsReply = (value: unknown): value is PageMentionsReply =>
  isRecord(value) && Array.isArray(value.mentions) && value.mentions.every(isPageMention);
