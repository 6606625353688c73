/**
 * User-timing marks for `npm run bench`, written only on pages that opt in with
 * `<html data-backstory-bench>`: the benchmark reads them from the page. They reveal nothing the
 * card's own element on the page does not already show.
 */
export function benchMark(name: 'intent-end' | 'card-visible'): void {
  if (document.documentElement.hasAttribute('data-backstory-bench'))
    performance.mark(`backstory:${name}`);
}
