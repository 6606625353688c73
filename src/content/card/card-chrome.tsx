import type { EntityType } from '../../core/pack/entity-types';
import type { CardStrings } from './card-i18n';
import { BackIcon, CloseIcon, EditIcon, HideIcon, PinIcon } from './icons';

/** The element `focus: true` moves to: the card's heading, so a screen reader starts at the name. */
export const TITLE_ID = 'bs-card-title';

interface CardHeaderProps {
  name: string;
  type: EntityType | null;
  strings: CardStrings;
  canGoBack: boolean;
  pinned: boolean;
  onBack: () => void;
  onTogglePin: () => void;
  onClose: () => void;
}

/**
 * Back (when the reader followed a fact), the entity's name and type, and two icon buttons that
 * act on the card itself: pin (keeps it open when the pointer leaves) and close.
 */
export function CardHeader(props: CardHeaderProps) {
  const { name, type, strings, pinned } = props;
  return (
    <div class="head">
      <div class="titles">
        {props.canGoBack && (
          <button type="button" class="back" onClick={props.onBack}>
            <BackIcon />
            {strings.back}
          </button>
        )}
        <h2 class="name" id={TITLE_ID} tabIndex={-1}>
          {name}
        </h2>
        {type && <p class="type">{strings.types[type]}</p>}
      </div>
      <button
        type="button"
        class="icon-button pin"
        aria-label={strings.pin}
        aria-pressed={pinned ? 'true' : 'false'}
        title={strings.pin}
        onClick={props.onTogglePin}
      >
        <PinIcon />
      </button>
      <button
        type="button"
        class="icon-button"
        aria-label={strings.close}
        title={strings.close}
        onClick={props.onClose}
      >
        <CloseIcon />
      </button>
    </div>
  );
}

interface CardActionsProps {
  strings: CardStrings;
  /** False when there is nothing to edit (the entry could not be loaded). */
  showEdit: boolean;
  /** "Not this one here" is about the mention, so it is offered only for the mention's entity. */
  showNotHere: boolean;
  onEdit: () => void;
  onNotHere: () => void;
}

export function CardActions(props: CardActionsProps) {
  const { strings } = props;
  return (
    <div class="foot">
      {props.showEdit && (
        <button type="button" class="action" onClick={props.onEdit}>
          <EditIcon />
          {strings.edit}
        </button>
      )}
      <span class="spacer" />
      {props.showNotHere && (
        <button type="button" class="action" onClick={props.onNotHere}>
          <HideIcon />
          {strings.notHere}
        </button>
      )}
    </div>
  );
}

/** Placeholder lines while the card's data is on its way (the name is already known). */
export function CardSkeleton({ strings }: { strings: CardStrings }) {
  return (
    <div role="status" aria-label={strings.loading}>
      <div class="bar" />
      <div class="bar" />
      <div class="bar mid" />
      <div class="bar short gap" />
    </div>
  );
}
