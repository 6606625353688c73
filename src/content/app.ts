import browser from 'webextension-polyfill';
import { isKbChanged } from '../core/protocol/events';
import { isPausedOn } from '../core/settings/paused';
import type { Settings } from '../core/settings/settings';
import { send } from '../shared/messaging';
import { loadSettings, onSettingsChanged } from '../shared/settings-store';
import { CardHost } from './card/card-host';
import { HighlightPainter } from './draw/highlights';
import { MentionIndex } from './hover/hit-test';
import { HoverController } from './hover/hover-controller';
import { PageAnnotator, type PageMention } from './page-annotator';
import { PageObserver } from './page-observer';
import { Sightings } from './sightings';

const CLOSE_DELAY_MS = 300;

/**
 * The content script's life on one page: annotate when Backstory is not paused here, keep the
 * annotation current as the page changes, and show a card on hover.
 */
export class ContentApp {
  private settings!: Settings;
  private active = false;
  private running: Promise<void> | null = null;
  private dirty = false;
  private readonly painter = new HighlightPainter();
  private readonly annotator = new PageAnnotator();
  private readonly index = new MentionIndex();
  private readonly card = new CardHost();
  private readonly sightings = new Sightings();
  private readonly observer = new PageObserver(() => void this.refresh());
  private readonly hover = new HoverController(
    this.index,
    () => ({ openDelayMs: this.settings.hoverDelayMs, closeDelayMs: CLOSE_DELAY_MS }),
    {
      isOverCard: (event) => event.composedPath().some((target) => this.card.contains(target)),
      close: () => this.card.hide(),
      open: (mention) => this.openCard(mention),
    },
  );

  async start(): Promise<void> {
    this.settings = await loadSettings();
    onSettingsChanged((settings) => this.applySettings(settings));
    browser.runtime.onMessage.addListener((message: unknown) => {
      if (isKbChanged(message) && this.active) {
        this.annotator.reset();
        void this.refresh();
      }
      return undefined;
    });
    // Single-page apps: a new URL is a new visit; the DOM changes it brings trigger the rescan.
    window.addEventListener('popstate', () => this.observer.schedule());
    if (this.shouldRun()) await this.activate();
  }

  get mentions(): PageMention[] {
    return this.annotator.mentions;
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
    this.card.hide();
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

  private openCard(mention: PageMention): void {
    const id = mention.entityIds[0]!;
    const fallbackName = this.annotator.nameOf(id) ?? mention.text;
    const lang = (browser.i18n?.getUILanguage?.() ?? navigator.language).split('-')[0] || 'en';
    this.card.show(mention.range, { card: null, fallbackName });
    send('getCard', { id, lang })
      .then((data) => this.card.show(mention.range, { card: data, fallbackName }))
      .catch((error: unknown) =>
        this.card.show(mention.range, { card: null, fallbackName, error: String(error) }),
      );
  }
}
