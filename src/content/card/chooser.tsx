import type { EntityType } from '../../core/pack/entity-types';
import type { CardStrings } from './card-i18n';

export interface Choice {
  id: string;
  name: string;
  type?: EntityType;
}

interface ChooserProps {
  /** The form as it reads on the page, e.g. "Mercury". */
  form: string;
  choices: Choice[];
  chosenId: string;
  strings: CardStrings;
  onChoose: (id: string) => void;
}

const STEP: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };

/**
 * The reader picks which entity an ambiguous form means here (matching.md rule 11). A radio group
 * with a roving tab stop, as ARIA's radio pattern has it: Tab enters at the chosen entry, the arrow
 * keys move and choose.
 */
export function Chooser({ form, choices, chosenId, strings, onChoose }: ChooserProps) {
  const labelId = 'bs-chooser-label';
  const onKeyDown = (event: KeyboardEvent) => {
    const step = STEP[event.key];
    if (!step) return;
    event.preventDefault();
    const at = choices.findIndex((choice) => choice.id === chosenId);
    const next = choices[(at + step + choices.length) % choices.length]!;
    onChoose(next.id);
    // The group re-renders with the new choice checked; move the focus along with it.
    const group = event.currentTarget as HTMLElement;
    queueMicrotask(() =>
      group.querySelector<HTMLElement>(`[data-choice="${CSS.escape(next.id)}"]`)?.focus(),
    );
  };
  return (
    <div class="chooser">
      <p class="chooser-label" id={labelId}>
        {strings.which(form)}
      </p>
      <div role="radiogroup" aria-labelledby={labelId} onKeyDown={onKeyDown}>
        {choices.map((choice) => {
          const checked = choice.id === chosenId;
          return (
            <button
              type="button"
              role="radio"
              class="choice"
              key={choice.id}
              data-choice={choice.id}
              aria-checked={checked ? 'true' : 'false'}
              tabIndex={checked ? 0 : -1}
              onClick={() => onChoose(choice.id)}
            >
              <span class="radio" aria-hidden="true" />
              <span class="choice-name">{choice.name}</span>
              {/* The radio's name is the entity's name alone; the type is a visual hint. */}
              {choice.type && (
                <span class="choice-type" aria-hidden="true">
                  {strings.types[choice.type]}
                </span>
              )}
            </button>
          );
        })}
      </div>
    </div>
  );
}
