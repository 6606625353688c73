import { h } from 'preact';
import type { EntityCard } from '../../core/protocol';
import { CardHost } from './card-host';
import { cardStrings } from './card-i18n';
import { CardView, type CardViewActions, type CardViewState } from './card-view';
import type { Choice } from './chooser';
import { benchMark } from '../bench-marks';

export type CardAction = 'edit' | 'notHere';

interface Prefetched {
  at: number;
  card: Promise<EntityCard | null>;
  /** Set once the answer is in: the card then opens with its content in the very first render. */
  value?: EntityCard | null;
}

/** How long a prefetched card is trusted (the reader may edit the entity meanwhile). */
const PREFETCH_TTL_MS = 10_000;

export interface CardControllerDeps {
  fetchCard(id: string): Promise<EntityCard | null>;
  /** `notHere`: the card closes right after; `edit`: it stays. */
  onAction(action: CardAction, ctx: { entityId: string; mentionText: string }): void;
  /** A name the page already knows for an entity (its candidate), shown until the card arrives. */
  nameOf?(id: string): string | undefined;
  /** The card closed (Esc, ×, a click outside, "not this one here", or `close()`). */
  onClose?(): void;
}

export interface CardMention {
  /** Most specific first; more than one when the form is ambiguous. */
  entityIds: string[];
  text: string;
}

interface Step {
  id: string;
  fallbackName: string;
}

type Loaded = Pick<CardViewState, 'status' | 'card' | 'error'>;
const LOADING: Loaded = { status: 'loading', card: null, error: '' };

/** One opened card: the mention it belongs to and where the reader went from there. */
interface Session {
  mention: CardMention;
  /** Entities the reader opened through facts; [0] is the mention's chosen entity. */
  stack: Step[];
  choices: Choice[];
  chosenId: string;
  loaded: Loaded;
  pinned: boolean;
  /** Cards fetched in this session: Back and the chooser's names cost no second request. */
  cards: Map<string, Promise<EntityCard | null>>;
}

/**
 * The card's behaviour: what it shows (loading, the entity, an error), the navigation stack of
 * facts followed, the ambiguity chooser, pinning, Esc, and where the focus goes. Rendering lives
 * in CardView, the page-facing element and its placement in CardHost.
 */
export class CardController {
  private readonly strings = cardStrings();
  private readonly host = new CardHost({
    onEscape: () => this.close(),
    onPointerOutside: () => {
      if (!this.isPinned()) this.close();
    },
    onAnchorLost: () => this.close(),
  });
  private session: Session | null = null;
  /** Where the focus was before the card took it; restored on close. */
  private returnFocus: Element | null = null;
  private readonly actions: CardViewActions = {
    back: () => this.back(),
    close: () => this.close(),
    togglePin: () => this.togglePin(),
    openEntity: (id, name) =>
      this.navigate(() => this.session?.stack.push({ id, fallbackName: name })),
    choose: (id) => this.choose(id),
    edit: () => this.act('edit'),
    notHere: () => this.act('notHere'),
  };

  private readonly prefetched = new Map<string, Prefetched>();

  constructor(private readonly deps: CardControllerDeps) {}

  open(anchor: Range, mention: CardMention, options: { focus: boolean }): void {
    benchMark('intent-end');
    const ids = [...new Set(mention.entityIds)];
    const first = ids[0];
    if (!first) return;
    // A pinned card stays until Esc or ×; only an explicit keyboard request replaces it.
    if (this.session?.pinned && !options.focus) return;
    if (!this.host.hasFocus()) this.returnFocus = deepActiveElement();
    const nameOf = (id: string) => this.deps.nameOf?.(id) ?? mention.text;
    this.session = {
      mention,
      stack: [{ id: first, fallbackName: nameOf(first) }],
      choices: ids.length > 1 ? ids.map((id) => ({ id, name: nameOf(id) })) : [],
      chosenId: first,
      loaded: this.readyNow(first) ?? LOADING,
      pinned: false,
      cards: new Map(),
    };
    this.host.show(anchor, this.view());
    if (options.focus) this.host.focusTitle();
    void this.load();
    if (ids.length > 1) void this.loadChoices(this.session);
  }

  /** Closes the card; if it had the focus, the focus goes back where it was before. */
  close(): void {
    if (!this.session && !this.host.shown) return;
    const hadFocus = this.host.hasFocus();
    this.session = null;
    this.host.hide();
    const target = this.returnFocus;
    this.returnFocus = null;
    if (hadFocus && target?.isConnected && 'focus' in target) {
      (target as HTMLElement).focus({ preventScroll: true });
    }
    this.deps.onClose?.();
  }

  isOpen(): boolean {
    return this.session !== null;
  }

  isPinned(): boolean {
    return this.session?.pinned ?? false;
  }

  contains(target: EventTarget | null): boolean {
    return this.host.contains(target);
  }

  private view() {
    const session = this.session!;
    const state: CardViewState = {
      ...session.loaded,
      fallbackName: session.stack.at(-1)!.fallbackName,
      form: session.mention.text,
      choices: session.choices,
      chosenId: session.chosenId,
      depth: session.stack.length,
      pinned: session.pinned,
    };
    return h(CardView, { state, actions: this.actions, strings: this.strings });
  }

  private render(): void {
    if (this.session) this.host.update(this.view());
  }

  /**
   * Starts loading a card while the hover intent delay runs, so the card can show its content the
   * moment the delay ends (and a stopped worker wakes up meanwhile). Kept briefly: data can change.
   */
  prefetch(id: string): void {
    const known = this.prefetched.get(id);
    if (known && performance.now() - known.at < PREFETCH_TTL_MS) return;
    const card = this.deps.fetchCard(id);
    const entry: Prefetched = { at: performance.now(), card };
    card.then((value) => (entry.value = value)).catch(() => this.prefetched.delete(id));
    this.prefetched.set(id, entry);
    if (this.prefetched.size > 32) this.prefetched.delete(this.prefetched.keys().next().value!);
  }

  /** A prefetched card that has already arrived, as the loaded state; undefined otherwise. */
  private readyNow(id: string): Loaded | undefined {
    const early = this.prefetched.get(id);
    if (!early?.value || performance.now() - early.at >= PREFETCH_TTL_MS) return undefined;
    return { status: 'ready', card: early.value, error: '' };
  }

  /** Forgets prefetched cards (the knowledge base changed). */
  forgetPrefetched(): void {
    this.prefetched.clear();
  }

  private fetch(session: Session, id: string): Promise<EntityCard | null> {
    let card = session.cards.get(id);
    const early = this.prefetched.get(id);
    if (!card && early && performance.now() - early.at < PREFETCH_TTL_MS) card = early.card;
    if (!card) {
      card = this.deps.fetchCard(id);
      session.cards.set(id, card);
      // A failed request is not remembered: the next visit of this entity asks again.
      card.catch(() => session.cards.delete(id));
    }
    return card;
  }

  /** Loads the entity on top of the stack; an answer for a step the reader has left is dropped. */
  private async load(): Promise<void> {
    const session = this.session;
    if (!session) return;
    const step = session.stack.at(-1)!;
    const current = () => this.session === session && session.stack.at(-1) === step;
    if (session.loaded.status !== 'ready' || session.loaded.card?.id !== step.id) {
      session.loaded = LOADING;
      this.render();
    }
    let loaded: Loaded;
    try {
      const card = await this.fetch(session, step.id);
      loaded = card
        ? { status: 'ready', card, error: '' }
        : { status: 'error', card: null, error: this.strings.notFound };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      loaded = { status: 'error', card: null, error: `${this.strings.loadFailed} ${message}` };
    }
    if (!current()) return;
    // Opened with a prefetched card: the first render already showed exactly this.
    const unchanged = session.loaded.status === 'ready' && session.loaded.card === loaded.card;
    session.loaded = loaded;
    if (!unchanged) this.render();
    // The frame after this render is the one that paints the card's content.
    requestAnimationFrame(() => benchMark('card-visible'));
  }

  /** The chooser names every candidate by its card, so the reader sees real names, not the form. */
  private async loadChoices(session: Session): Promise<void> {
    await Promise.all(
      session.choices.map(async (choice, index) => {
        const card = await this.fetch(session, choice.id).catch(() => null);
        if (!card) return;
        session.choices = session.choices.map((c, i) =>
          i === index ? { id: c.id, name: card.name, type: card.type } : c,
        );
        if (session.stack.length === 1 && session.chosenId === choice.id) {
          session.stack[0] = { id: choice.id, fallbackName: card.name };
        }
        if (this.session === session) this.render();
      }),
    );
  }

  /**
   * Changes the stack and loads its new top. A click on a fact or Back removes the focused button
   * from the card, so the focus moves to the new heading instead of falling to the page.
   */
  private navigate(change: () => void): void {
    if (!this.session) return;
    const hadFocus = this.host.hasFocus();
    change();
    void this.load();
    if (hadFocus) this.host.focusTitle();
  }

  private back(): void {
    if ((this.session?.stack.length ?? 0) > 1) this.navigate(() => this.session!.stack.pop());
  }

  private choose(id: string): void {
    const session = this.session;
    if (!session || session.chosenId === id) return;
    const choice = session.choices.find((c) => c.id === id);
    if (!choice) return;
    session.chosenId = id;
    session.stack = [{ id, fallbackName: choice.name }];
    void this.load();
  }

  private togglePin(): void {
    if (!this.session) return;
    this.session.pinned = !this.session.pinned;
    this.render();
  }

  private act(action: CardAction): void {
    const session = this.session;
    if (!session) return;
    // Edit is about the entity shown; "not this one here" about the mention's entity.
    const entityId = action === 'edit' ? session.stack.at(-1)!.id : session.chosenId;
    this.deps.onAction(action, { entityId, mentionText: session.mention.text });
    if (action === 'notHere') this.close();
  }
}

/** The focused element, looking into open shadow roots (a page's web components). */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active && active !== document.body ? active : null;
}
