import { ContentApp } from './app';

// Entry file: wiring only.
new ContentApp()
  .start()
  .catch((error: unknown) => console.warn('Backstory could not start on this page', error));
