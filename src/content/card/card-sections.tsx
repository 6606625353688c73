import type { EntityCard } from '../../core/protocol';
import { formatDay } from './card-format';
import type { CardStrings } from './card-i18n';
import { ExternalIcon } from './icons';
import { SafeLink } from './safe-link';

interface SectionProps {
  card: EntityCard;
  strings: CardStrings;
}

/** The entity's links as chips; a label whose URL is not http(s) stays plain text. */
export function LinksList({ card, strings }: SectionProps) {
  if (card.links.length === 0) return null;
  return (
    <section aria-label={strings.links}>
      <ul class="links">
        {card.links.map((link, index) => (
          <li key={index}>
            <SafeLink
              url={link.url}
              class="chip"
              linkOnly={
                <>
                  <ExternalIcon />
                  <span class="sr-only">{strings.opensInNewTab}</span>
                </>
              }
            >
              {link.label}
            </SafeLink>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The reader's own note, kept apart from the pack's text by its tint. */
export function NoteBlock({ card, strings }: SectionProps) {
  if (!card.note.trim()) return null;
  return (
    <section aria-label={strings.note}>
      <p class="note">{card.note}</p>
    </section>
  );
}

/** "Seen on N pages · last: <title>, <date>" from the local reading history. */
export function HistoryLine({ card, strings }: SectionProps) {
  const { count, last } = card.history;
  if (count <= 1 || !last) return <p class="history">{strings.firstTime(card.name)}</p>;
  // The newest sighting is usually this very page (it is recorded on arrival): naming it again
  // would tell the reader nothing, so the line then stops at the count.
  if (samePage(last.url)) return <p class="history">{strings.seenOn(count)}</p>;
  const title = last.title.trim() || last.url;
  return (
    <p class="history">
      {strings.seenOn(count)} · {strings.last} <SafeLink url={last.url}>{title}</SafeLink>,{' '}
      {formatDay(last.at, strings.locale)}
    </p>
  );
}

function samePage(url: string): boolean {
  const strip = (value: string) => value.split('#')[0];
  return strip(url) === strip(location.href);
}

/** Where the entry comes from: the reader's own, or a pack by its title. */
export function Origin({ card, strings }: SectionProps) {
  const text = card.own ? strings.ownEntry : card.packTitle ? strings.fromPack(card.packTitle) : '';
  return text ? <p class="origin">{text}</p> : null;
}
