import type { CardFact } from '../../core/protocol';
import { asOfIsRedundant, formatAsOf, hostLabel, httpUrl } from './card-format';
import type { CardStrings } from './card-i18n';
import { ChevronIcon, ExternalIcon } from './icons';
import { SafeLink } from './safe-link';

interface FactsListProps {
  facts: CardFact[];
  strings: CardStrings;
  /** Opens the entity a fact names in this card (a step deeper in its navigation stack). */
  onOpenEntity: (id: string, name: string) => void;
}

/** Key facts as a two-column list: label, then the value with its as-of date and source. */
export function FactsList({ facts, strings, onOpenEntity }: FactsListProps) {
  if (facts.length === 0) return null;
  return (
    <section aria-label={strings.facts}>
      <dl class="facts">
        {facts.map((fact, index) => (
          <div class="fact" key={index}>
            <dt>{fact.label}</dt>
            <dd>
              {fact.entity ? (
                <button
                  type="button"
                  class="entity-link"
                  onClick={() => onOpenEntity(fact.entity!, fact.value)}
                >
                  {fact.value}
                  <ChevronIcon />
                </button>
              ) : (
                fact.value
              )}
              <FactMeta fact={fact} strings={strings} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function FactMeta({ fact, strings }: { fact: CardFact; strings: CardStrings }) {
  const asOf =
    fact.asOf && !asOfIsRedundant(fact.value, fact.asOf)
      ? strings.asOf(formatAsOf(fact.asOf, strings.locale))
      : null;
  const source = httpUrl(fact.source);
  if (!asOf && !source) return null;
  return (
    <span class="meta">
      {asOf && <span>{asOf}</span>}
      {source && (
        <SafeLink
          url={source.href}
          label={strings.source(hostLabel(source))}
          linkOnly={<ExternalIcon />}
        >
          {hostLabel(source)}
        </SafeLink>
      )}
    </span>
  );
}
