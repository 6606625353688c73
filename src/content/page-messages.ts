import browser from 'webextension-polyfill';
import { commandOf, isKbChanged, type CommandName } from '../core/protocol/events';
import {
  isPageMentionsRequest,
  isRevealMentionRequest,
  type PageMentionsReply,
} from '../core/protocol/page-events';

/** What the content script does for messages from the background and the popup. */
export interface PageMessageTarget {
  knowledgeBaseChanged(): void;
  listMentions(): PageMentionsReply;
  revealMention(entityId: string): void;
  runCommand(command: CommandName): void;
}

/**
 * One listener for every message a tab receives. Replies are real Promises (Chrome's native
 * `browser` namespace ignores other return values); messages meant for no one here get undefined.
 */
export function listenToPageMessages(target: PageMessageTarget): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (isKbChanged(message)) target.knowledgeBaseChanged();
    else if (isPageMentionsRequest(message)) return Promise.resolve(target.listMentions());
    else if (isRevealMentionRequest(message)) {
      target.revealMention(message.id);
      return Promise.resolve({ revealed: true });
    } else {
      const command = commandOf(message);
      if (command) target.runCommand(command);
    }
    return undefined;
  });
}
