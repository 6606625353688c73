import * as v from 'valibot';
import {
  accessRules,
  CHANNEL,
  type MessageName,
  type Params,
  type Reply,
  type Result,
} from '../../core/protocol/protocol';

/** What the router needs to know about the extension itself, injected so it is testable in Node. */
export interface ExtensionIdentity {
  /** `runtime.id` */
  id: string;
  /** `runtime.getURL('')`, e.g. `chrome-extension://<id>/` */
  baseUrl: string;
}

/** The part of `runtime.MessageSender` the router looks at. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; incognito?: boolean };
  frameId?: number;
}

export interface RequestContext {
  sender: SenderInfo;
  fromExtensionPage: boolean;
}

/** Handlers for some of the protocol's messages. */
export type HandlerSet<M extends MessageName> = {
  [N in M]: (params: Params<N>, context: RequestContext) => Promise<Result<N>>;
};
export type Handlers = HandlerSet<MessageName>;

/** The params schema of each message a router answers. */
export type SchemaSet<M extends MessageName> = {
  [N in M]: v.GenericSchema<unknown, Params<N>>;
};

export class RefusedMessageError extends Error {}

export function isOurs(
  message: unknown,
): message is { channel: string; name: unknown; params: unknown } {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { channel?: unknown }).channel === CHANNEL
  );
}

function hasHandler<M extends MessageName>(handlers: HandlerSet<M>, name: unknown): name is M {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(handlers, name);
}

function describeIssues(issues: v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/**
 * Builds the `runtime.onMessage` listener. It is an `async` function on purpose: Chrome's native
 * `browser` namespace only waits for real Promises (a Dexie promise would reply `undefined`).
 * Messages without our channel tag get `undefined` back, which leaves them to other listeners.
 */
export function createRouter<M extends MessageName>(
  handlers: HandlerSet<M>,
  schemas: SchemaSet<M>,
  identity: ExtensionIdentity,
) {
  async function route(name: M, params: unknown, sender: SenderInfo): Promise<Reply> {
    if (sender.id !== identity.id) {
      throw new RefusedMessageError(`Refused "${name}": it came from outside Backstory.`);
    }
    const fromExtensionPage =
      typeof sender.url === 'string' && sender.url.startsWith(identity.baseUrl);
    if (accessRules[name] === 'extension' && !fromExtensionPage) {
      throw new RefusedMessageError(
        `Refused "${name}": it changes the knowledge base and is accepted only from Backstory's own pages.`,
      );
    }
    const parsed = v.safeParse(schemas[name], params);
    if (!parsed.success) {
      throw new RefusedMessageError(
        `Refused "${name}": malformed parameters (${describeIssues(parsed.issues)}).`,
      );
    }
    const handler = handlers[name] as (p: unknown, c: RequestContext) => Promise<unknown>;
    const result = await handler(parsed.output, { sender, fromExtensionPage });
    return { result } as Reply;
  }

  return function onMessage(message: unknown, sender: SenderInfo): Promise<Reply> | undefined {
    if (!isOurs(message)) return undefined;
    const { name, params } = message;
    if (!hasHandler(handlers, name)) {
      return Promise.resolve({ error: `Refused: unknown message "${String(name)}".` });
    }
    return route(name, params, sender).catch((error: unknown) => ({
      error: error instanceof Error ? error.message : String(error),
    }));
  };
}
