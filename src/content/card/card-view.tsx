import type { EntityCard } from '../../core/protocol';

export interface CardViewProps {
  card: EntityCard | null;
  /** Shown while the card's data is on its way or when it could not be loaded. */
  fallbackName: string;
  error?: string;
}

/** The card's content. Only plain text from the knowledge base is rendered (Preact escapes it). */
export function CardView({ card, fallbackName, error }: CardViewProps) {
  const name = card?.name ?? fallbackName;
  return (
    <div class="card" role="dialog" aria-label={name}>
      <header>
        <h2 class="name">{name}</h2>
        {card && <span class="type">{card.type}</span>}
      </header>
      {card?.summary && <p class="summary">{card.summary}</p>}
      {error && <p class="error">{error}</p>}
    </div>
  );
}
