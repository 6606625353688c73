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
    for (const id of entityIds) {
      if (this.recorded.has(id)) continue;
      this.recorded.add(id);
      send('recordSighting', {
        id,
        url: url.slice(0, 2048),
        title: document.title.slice(0, 300),
      }).catch(() => {
        // History is a convenience: a page must never break because it could not be recorded.
      });
    }
  }
}
