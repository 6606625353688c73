import { CardHost } from './card/card-host';
import { HighlightPainter } from './draw/highlights';
import { MentionIndex } from './hover/hit-test';
import { HoverController } from './hover/hover-controller';
import { PageAnnotator } from './page-annotator';
import { send } from '../shared/messaging';

// Entry file: wiring only.
const painter = new HighlightPainter();
const annotator = new PageAnnotator(painter, () => true);
const index = new MentionIndex();
const card = new CardHost();
const lang = navigator.language.split('-')[0] ?? 'en';

const hover = new HoverController(index, () => ({ openDelayMs: 300, closeDelayMs: 300 }), {
  isOverCard: (event) => event.composedPath().some((target) => card.contains(target)),
  close: () => card.hide(),
  open: (mention) => {
    const id = mention.entityIds[0]!;
    const fallbackName = annotator.nameOf(id) ?? '';
    card.show(mention.range, { card: null, fallbackName });
    send('getCard', { id, lang })
      .then((data) => card.show(mention.range, { card: data, fallbackName }))
      .catch((error: unknown) =>
        card.show(mention.range, { card: null, fallbackName, error: String(error) }),
      );
  },
});

async function start(): Promise<void> {
  await annotator.annotate();
  index.rebuild(annotator.mentions);
  hover.attach(window);
}

start().catch((error: unknown) => console.warn('Backstory could not annotate this page', error));
