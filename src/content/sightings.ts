import { send } from '../shared/messaging';

/**
 * Reading history: one sighting per entity per page visit. A visit is a URL; a single-page app
 * that navigates to a new URL starts a new visit. The background drops sightings from private
 * windows and when the reader turned history off.
 */
export class Sightings {
  private visit = '';
  private recorded = new Set<string>();

  record(entityIds: Iterable<string>): void {
    const url = location.href;
    if (url !== this.visit) {
      this.visit = url;
      this.recorded = new Set();
    }
    if (!/^https?:/.test(url)) return;
    const ids = [...new Set(entityIds)].filter((id) => !this.recorded.has(id)).slice(0, 1000);
    if (ids.length === 0) return;
    ids.forEach((id) => this.recorded.add(id));
    // One message for the whole page, not one per entity.
    send('recordSightings', {
      ids,
      url: url.slice(0, 2048),
      title: document.title.slice(0, 300),
    }).catch(() => {
      // History is a convenience: a page must never break because it could not be recorded.
    });
  }
}
