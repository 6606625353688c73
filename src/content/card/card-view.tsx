import type { EntityCard } from '../../core/protocol';
import { CardActions, CardHeader, CardSkeleton } from './card-chrome';
import type { CardStrings } from './card-i18n';
import { HistoryLine, LinksList, NoteBlock, Origin } from './card-sections';
import { Chooser, type Choice } from './chooser';
import { FactsList } from './facts-list';

/** What the card shows at one moment; the controller owns it and renders it anew on each change. */
export interface CardViewState {
  status: 'loading' | 'ready' | 'error';
  /** The entity's data once loaded. */
  card: EntityCard | null;
  /** The name shown while loading or after an error: the page's candidate name or the fact value. */
  fallbackName: string;
  error: string;
  /** The mention's text as on the page, for the chooser's question. */
  form: string;
  /** Two or more when the form is ambiguous; shown for the mention's own entity only. */
  choices: Choice[];
  chosenId: string;
  /** How many entities deep the reader followed facts; 1 is the mention's entity. */
  depth: number;
  pinned: boolean;
}

export interface CardViewActions {
  back(): void;
  close(): void;
  togglePin(): void;
  openEntity(id: string, name: string): void;
  choose(id: string): void;
  edit(): void;
  notHere(): void;
}

export interface CardViewProps {
  state: CardViewState;
  actions: CardViewActions;
  strings: CardStrings;
}

/**
 * The card. Every text from the knowledge base is rendered as a Preact text node (escaped), never
 * as HTML; the dialog's accessible name is always the name it shows.
 */
export function CardView({ state, actions, strings }: CardViewProps) {
  const { card, status } = state;
  const name = (status === 'ready' && card?.name) || state.fallbackName;
  const atRoot = state.depth === 1;
  return (
    <div class="card" role="dialog" aria-label={name}>
      <CardHeader
        name={name}
        type={status === 'ready' && card ? card.type : null}
        strings={strings}
        canGoBack={!atRoot}
        pinned={state.pinned}
        onBack={actions.back}
        onTogglePin={actions.togglePin}
        onClose={actions.close}
      />
      <div class="body">
        {atRoot && state.choices.length > 1 && (
          <Chooser
            form={state.form}
            choices={state.choices}
            chosenId={state.chosenId}
            strings={strings}
            onChoose={actions.choose}
          />
        )}
        {status === 'loading' && <CardSkeleton strings={strings} />}
        {status === 'error' && (
          <p class="error" role="alert">
            {state.error}
          </p>
        )}
        {status === 'ready' && card && (
          <CardBody card={card} strings={strings} onOpenEntity={actions.openEntity} />
        )}
      </div>
      <CardActions
        strings={strings}
        showEdit={status !== 'error'}
        showNotHere={atRoot}
        onEdit={actions.edit}
        onNotHere={actions.notHere}
      />
    </div>
  );
}

interface CardBodyProps {
  card: EntityCard;
  strings: CardStrings;
  onOpenEntity: (id: string, name: string) => void;
}

function CardBody({ card, strings, onOpenEntity }: CardBodyProps) {
  return (
    <>
      {card.summary && <p class="summary">{card.summary}</p>}
      <FactsList facts={card.facts} strings={strings} onOpenEntity={onOpenEntity} />
      <LinksList card={card} strings={strings} />
      <NoteBlock card={card} strings={strings} />
      <div class="aside">
        <HistoryLine card={card} strings={strings} />
        <Origin card={card} strings={strings} />
      </div>
    </>
  );
}
