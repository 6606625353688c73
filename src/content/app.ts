import browser from 'webextension-polyfill';
import type { CommandName } from '../core/protocol/events';
import type { PageMentionsReply } from '../core/protocol/page-events';
import { isPausedOn } from '../core/settings/paused';
import type { Settings } from '../core/settings/settings';
import { send } from '../shared/messaging';
import { loadSettings, onSettingsChanged, saveSettings } from '../shared/settings-store';
import { CardController } from './card/card-controller';
import { HighlightPainter } from './draw/highlights';
import { MentionIndex } from './hover/hit-test';
import { HoverController } from './hover/hover-controller';
import { PageAnnotator, type PageMention } from './page-annotator';
import { PageObserver } from './page-observer';
import { Sightings } from './sightings';
import { mentionForSelection, stepMention } from './keyboard-nav';
import { listenToPageMessages, type PageMessageTarget } from './page-messages';
import { listPageMentions, revealFirstMention } from './page-requests';

const CLOSE_DELAY_MS = 300;

/**
 * The content script's life on one page: annotate when Backstory is not paused here, keep the
 * annotation current as the page changes, and show a card on hover.
 */
export class ContentApp implements PageMessageTarget {
  private settings!: Settings;
  private active = false;
  /** The mention the keyboard last opened, where "next" and "previous" continue from. */
  private keyboardMention: PageMention | null = null;
  private running: Promise<void> | null = null;
  private dirty = false;
  private readonly painter = new HighlightPainter();
  private readonly annotator = new PageAnnotator();
  private readonly index = new MentionIndex();
  private readonly card = new CardController({
    // The summary in the browser's UI language (experience.md).
    fetchCard: (id) => {
      const lang = (browser.i18n?.getUILanguage?.() ?? navigator.language).split('-')[0] || 'en';
      return send('getCard', { id, lang });
    },
    nameOf: (id) => this.annotator.nameOf(id),
    // Closed by Esc, ×, a click or "not this one here": the next hover starts afresh.
    onClose: () => this.hover.reset(),
    onAction: (action, { entityId, mentionText }) => {
      if (action === 'edit') {
        void send('openEditor', { id: entityId }).catch(() => {});
        return;
      }
      const host = location.hostname;
      const forms = this.settings.suppressedForms[host] ?? [];
      void saveSettings({
        suppressedForms: { ...this.settings.suppressedForms, [host]: [...forms, mentionText] },
      });
    },
  });
  private readonly sightings = new Sightings();
  private readonly observer = new PageObserver(() => void this.refresh());
  private readonly hover = new HoverController(
    this.index,
    () => ({ openDelayMs: this.settings.hoverDelayMs, closeDelayMs: CLOSE_DELAY_MS }),
    {
      // Asked a frame after dispatch, when composedPath() is already empty; the target stays,
      // retargeted to the card's host for anything inside its shadow root.
      isOverCard: (event) => this.card.contains(event.target),
      // A pinned card stays when the pointer leaves; only Esc or its close button end it.
      close: () => {
        if (!this.card.isPinned()) this.card.close();
      },
      open: (mention) => this.openCard(mention),
      prefetch: (mention) => this.card.prefetch(mention.entityIds[0]!),
    },
  );

  async start(): Promise<void> {
    this.settings = await loadSettings();
    onSettingsChanged((settings) => this.applySettings(settings));
    listenToPageMessages(this);
    // Single-page apps: a new URL is a new visit; the DOM changes it brings trigger the rescan.
    window.addEventListener('popstate', () => this.observer.schedule());
    if (this.shouldRun()) await this.activate();
  }

  knowledgeBaseChanged(): void {
    this.card.forgetPrefetched();
    if (!this.active) return;
    this.annotator.reset();
    void this.refresh();
  }

  listMentions(): PageMentionsReply {
    return listPageMentions(this.annotator.mentions, this.annotator.candidates);
  }

  revealMention(entityId: string): void {
    const mention = revealFirstMention(this.annotator.mentions, entityId);
    // Let the page scroll and lay out before the card measures where the mention is.
    if (mention) requestAnimationFrame(() => this.openCard(mention, true));
  }

  /** Keyboard commands: open the card for the selection, or step through the page's mentions. */
  runCommand(command: CommandName): void {
    const mentions = this.annotator.mentions;
    const target =
      command === 'open-card'
        ? mentionForSelection(mentions, getSelection())
        : stepMention(mentions, this.keyboardMention, command === 'next-mention' ? 1 : -1);
    if (!target) return;
    this.keyboardMention = target;
    target.range.startContainer.parentElement?.scrollIntoView({ block: 'nearest' });
    requestAnimationFrame(() => this.openCard(target, true));
  }

  private shouldRun(): boolean {
    return !isPausedOn(this.settings, location.hostname);
  }

  private async activate(): Promise<void> {
    this.active = true;
    this.hover.attach(window);
    await this.refresh();
  }

  private deactivate(): void {
    this.active = false;
    this.hover.detach(window);
    this.observer.disconnect();
    this.card.close();
    this.painter.clear();
    this.annotator.mentions = [];
    this.index.rebuild([]);
  }

  private applySettings(settings: Settings): void {
    const previous = this.settings;
    this.settings = settings;
    const run = this.shouldRun();
    if (run && !this.active) void this.activate();
    else if (!run && this.active) this.deactivate();
    else if (run && previous.suppressedForms !== settings.suppressedForms) void this.refresh();
    else if (run) this.draw();
  }

  /** Rescans the page; a change arriving meanwhile triggers one more pass afterwards. */
  private refresh(): Promise<void> {
    if (this.running) {
      this.dirty = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.dirty = false;
        const suppressed = new Set(
          (this.settings.suppressedForms[location.hostname] ?? []).map((f) => f.toLowerCase()),
        );
        const mentions = await this.annotator.annotate(suppressed);
        if (!this.active) return;
        this.annotator.roots.forEach((root) => this.observer.observe(root));
        this.index.rebuild(mentions);
        this.hover.recheck();
        this.draw();
        this.sightings.record(mentions.map((mention) => mention.entityIds[0]!));
      } while (this.dirty && this.active);
    })()
      .catch((error: unknown) => console.warn('Backstory could not annotate this page', error))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private draw(): void {
    const style = this.settings.underlineStyle;
    if (this.settings.discreetMode || style === 'none') {
      this.painter.clear();
      return;
    }
    this.painter.setStyle(style);
    this.painter.paint(
      this.annotator.mentions.map((mention) => mention.range),
      this.annotator.roots,
    );
  }

  private openCard(mention: PageMention, focus = false): void {
    this.card.open(mention.range, mention, { focus });
  }
}
