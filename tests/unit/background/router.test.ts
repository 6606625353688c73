import { describe, expect, it, vi } from 'vitest';
import { CHANNEL, paramSchemas } from '../../../src/core/protocol';
import {
  createRouter,
  type Handlers,
  type SenderInfo,
} from '../../../src/background/messaging/router';

const identity = { id: 'backstory-id', baseUrl: 'chrome-extension://backstory-id/' };
const contentScript: SenderInfo = {
  id: 'backstory-id',
  url: 'https://news.example/article',
  tab: { id: 3 },
};
const popup: SenderInfo = {
  id: 'backstory-id',
  url: 'chrome-extension://backstory-id/src/popup/index.html',
};
const otherExtension: SenderInfo = {
  id: 'someone-else',
  url: 'chrome-extension://someone-else/page.html',
};

function setup() {
  const state = { packs: 1 };
  const handlers: Handlers = {
    getStatus: vi.fn(async () => ({ entities: 5, packs: state.packs, schemaVersion: 1 })),
    lookupCandidates: vi.fn(async () => []),
    getCard: vi.fn(async () => null),
    removePack: vi.fn(async () => {
      state.packs = 0;
      return { removed: true };
    }),
  } as unknown as Handlers;
  return { state, handlers, route: createRouter(handlers, paramSchemas, identity) };
}

const message = (name: string, params: unknown) => ({ channel: CHANNEL, name, params });

describe('message router', () => {
  it('answers a well-formed request from our content script with {result}', async () => {
    const { route } = setup();
    await expect(route(message('getStatus', {}), contentScript)).resolves.toEqual({
      result: { entities: 5, packs: 1, schemaVersion: 1 },
    });
  });

  it('ignores messages that are not on our channel, leaving them to other listeners', () => {
    const { route } = setup();
    expect(route({ hello: 'world' }, contentScript)).toBeUndefined();
    expect(route('text', contentScript)).toBeUndefined();
  });

  it('refuses malformed parameters with a message naming the field, and runs no handler', async () => {
    const { route, handlers } = setup();
    const reply = await route(message('lookupCandidates', { hashes: ['Alibaba'] }), contentScript);
    expect(reply).toEqual({ error: expect.stringMatching(/lookupCandidates.*malformed.*hashes/) });
    expect(handlers.lookupCandidates).not.toHaveBeenCalled();
    // A page's words travel only as base-36 hashes; anything else is refused, not parsed.
    const words = await route(
      message('lookupCandidates', { hashes: 'Alibaba Group' }),
      contentScript,
    );
    expect(words).toEqual({ error: expect.stringMatching(/lookupCandidates.*malformed.*hashes/) });
    expect(handlers.lookupCandidates).not.toHaveBeenCalled();
  });

  it('refuses unexpected extra fields (strict schemas)', async () => {
    const { route } = setup();
    const reply = await route(
      message('getCard', { id: 'p/x/y', lang: 'en', html: '<b>' }),
      contentScript,
    );
    expect(reply).toEqual({ error: expect.stringContaining('malformed') });
  });

  it('refuses an unknown message name', async () => {
    const { route } = setup();
    await expect(route(message('dropDatabase', {}), popup)).resolves.toEqual({
      error: expect.stringContaining('unknown message "dropDatabase"'),
    });
  });

  it('refuses any message from another extension, and nothing is changed', async () => {
    const { route, state } = setup();
    const reply = await route(message('removePack', { id: 'tech-news-core' }), otherExtension);
    expect(reply).toEqual({ error: expect.stringContaining('outside Backstory') });
    expect(state.packs).toBe(1);
  });

  it('refuses a mutating call from a content script, and nothing is changed', async () => {
    const { route, state, handlers } = setup();
    const reply = await route(message('removePack', { id: 'tech-news-core' }), contentScript);
    expect(reply).toEqual({ error: expect.stringContaining("only from Backstory's own pages") });
    expect(handlers.removePack).not.toHaveBeenCalled();
    expect(state.packs).toBe(1);
  });

  it('accepts the same mutating call from the popup', async () => {
    const { route, state } = setup();
    await expect(route(message('removePack', { id: 'tech-news-core' }), popup)).resolves.toEqual({
      result: { removed: true },
    });
    expect(state.packs).toBe(0);
  });

  it('carries a handler error across the boundary as {error} with its message', async () => {
    const { route, handlers } = setup();
    vi.mocked(handlers.getStatus).mockRejectedValueOnce(new Error('The disk is full.'));
    await expect(route(message('getStatus', {}), popup)).resolves.toEqual({
      error: 'The disk is full.',
    });
  });

  it('always returns a native Promise (Chrome ignores other thenables)', () => {
    const { route } = setup();
    expect(route(message('getStatus', {}), popup)).toBeInstanceOf(Promise);
  });
});
