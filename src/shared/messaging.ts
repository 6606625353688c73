import browser from 'webextension-polyfill';
import {
  CHANNEL,
  type MessageName,
  type Params,
  type Reply,
  type Result,
} from '../core/protocol/protocol';

/** An error the background reported, carried across the message boundary by its message. */
export class BackgroundError extends Error {
  override name = 'BackgroundError';
}

// Chrome reports this while a stopped service worker is being restarted or the extension reloads;
// one retry covers the restart, anything else is a real failure.
const NOT_READY = /Receiving end does not exist|Could not establish connection/i;

async function sendOnce(name: MessageName, params: unknown): Promise<unknown> {
  return browser.runtime.sendMessage({ channel: CHANNEL, name, params });
}

/** Sends a typed request to the background and returns its result, or throws its error. */
export async function send<N extends MessageName>(name: N, params: Params<N>): Promise<Result<N>> {
  let reply: unknown;
  try {
    reply = await sendOnce(name, params);
  } catch (error) {
    if (!(error instanceof Error) || !NOT_READY.test(error.message)) throw error;
    reply = await sendOnce(name, params);
  }
  if (typeof reply !== 'object' || reply === null) {
    throw new BackgroundError(`Backstory's background did not answer "${name}".`);
  }
  const typed = reply as Reply<N>;
  if ('error' in typed) throw new BackgroundError(typed.error);
  return typed.result;
}
