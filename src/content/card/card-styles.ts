/**
 * The card's stylesheet, inside the closed shadow root where page CSS cannot reach. Sizes are in
 * px on purpose: CSS px scale with page zoom, so the card keeps its proportions at 50–200 %, while
 * rem would follow the page's root font size (which sites set to anything). Colours are variables
 * on `.card`, not `:host`, so a page's rule on our host element cannot restyle them.
 */
export const CARD_CSS = `
:host { all: initial; }
.card {
  --bg: #ffffff; --fg: #1f2328; --muted: #5d6672; --faint: #8a929c;
  --line: #e6e8eb; --border: rgba(27, 31, 36, 0.13); --hover: rgba(27, 31, 36, 0.055);
  --accent: #1a5fb4; --accent-soft: rgba(26, 95, 180, 0.09); --focus: #3b82f6;
  --note-bg: #fbf6e6; --note-edge: #e2c35b; --skeleton: #eceef1; --danger: #b42318;
  --shadow: 0 1px 2px rgba(16, 24, 40, 0.06), 0 12px 32px -8px rgba(16, 24, 40, 0.24);
  color-scheme: light;
  box-sizing: border-box;
  display: flex;
  flex-direction: column;
  width: min(360px, calc(100vw - 16px));
  max-height: min(60vh, var(--bs-avail-h, 60vh));
  overflow: hidden;
  border: 1px solid var(--border);
  border-radius: 12px;
  background: var(--bg);
  color: var(--fg);
  box-shadow: var(--shadow);
  font: 400 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  text-align: left;
  /* break-word, not anywhere: it must not shrink buttons' min-content and split their labels. */
  overflow-wrap: break-word;
  -webkit-font-smoothing: antialiased;
  animation: bs-in 120ms ease-out;
}
@media (prefers-color-scheme: dark) {
  .card {
    --bg: #1d2128; --fg: #e6e9ee; --muted: #a3abb7; --faint: #7d8591;
    --line: #2e343e; --border: rgba(255, 255, 255, 0.12); --hover: rgba(255, 255, 255, 0.07);
    --accent: #8cb8ff; --accent-soft: rgba(140, 184, 255, 0.12); --focus: #8cb8ff;
    --note-bg: #2b2719; --note-edge: #8a7431; --skeleton: #2c323c; --danger: #ff8e80;
    --shadow: 0 1px 2px rgba(0, 0, 0, 0.3), 0 14px 36px -8px rgba(0, 0, 0, 0.6);
    color-scheme: dark;
  }
}
@keyframes bs-in { from { opacity: 0; } to { opacity: 1; } }
@media (prefers-reduced-motion: reduce) { .card, .bar { animation: none; } }
*, *::before, *::after { box-sizing: border-box; }
h2, p, dl, dd, ul { margin: 0; padding: 0; }
ul { list-style: none; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; text-underline-offset: 2px; }
button {
  font: inherit; color: inherit; background: none; border: 0; margin: 0; padding: 0;
  cursor: pointer; text-align: inherit;
}
:focus { outline: none; }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; border-radius: 6px; }
svg { display: block; flex: none; }

.head { display: flex; align-items: flex-start; gap: 8px; padding: 12px 10px 0 16px; }
.titles { flex: 1; min-width: 0; padding-top: 2px; }
.back {
  display: inline-flex; align-items: center; gap: 4px; margin: 0 0 6px -6px; padding: 2px 8px 2px 4px;
  border-radius: 999px; color: var(--muted); font-size: 12.5px;
}
.back:hover { background: var(--hover); color: var(--fg); }
.name { font-size: 17px; line-height: 1.3; font-weight: 650; letter-spacing: -0.01em; }
.name:focus-visible { outline-offset: 3px; }
.type {
  margin-top: 2px; color: var(--muted); font-size: 11.5px; font-weight: 600;
  letter-spacing: 0.06em; text-transform: uppercase;
}
.icon-button {
  display: grid; place-items: center; width: 28px; height: 28px; border-radius: 8px; color: var(--muted);
}
.icon-button:hover { background: var(--hover); color: var(--fg); }
.icon-button[aria-pressed="true"] { background: var(--accent-soft); color: var(--accent); }
.icon-button[aria-pressed="true"] path { fill: currentColor; }
.head .pin { margin-right: -4px; }

.body {
  flex: 1 1 auto; min-height: 0; overflow: auto; padding: 10px 16px 14px;
  overscroll-behavior: contain; scrollbar-width: thin; scrollbar-color: var(--line) transparent;
}
.body > * + * { margin-top: 12px; }
.summary { color: var(--fg); }
/* No column gap: each row's rule must run unbroken under label and value. */
.facts { display: grid; grid-template-columns: minmax(84px, 34%) minmax(0, 1fr); border-top: 1px solid var(--line); }
.fact { display: contents; }
.fact dt, .fact dd { padding: 6px 0; border-bottom: 1px solid var(--line); }
.fact dt { padding-right: 12px; color: var(--muted); font-size: 13px; line-height: 1.5; }
.fact dd { min-width: 0; }
.entity-link { display: inline; color: var(--accent); font-weight: 550; border-radius: 4px; text-align: left; }
.entity-link svg { display: inline-block; margin-left: 2px; vertical-align: -1px; }
.entity-link:hover { text-decoration: underline; text-underline-offset: 2px; }
.meta { display: flex; flex-wrap: wrap; column-gap: 10px; margin-top: 1px; color: var(--faint); font-size: 12px; }
.meta > * { white-space: nowrap; }
.meta a { display: inline-flex; align-items: center; gap: 3px; color: inherit; }
.meta a:hover { color: var(--accent); }
.links { display: flex; flex-wrap: wrap; gap: 6px; }
.chip {
  display: inline-flex; align-items: center; gap: 4px; padding: 3px 10px; border-radius: 999px;
  background: var(--accent-soft); color: var(--accent); font-size: 13px; font-weight: 550;
}
.chip:hover { text-decoration: none; filter: brightness(0.96); }
span.chip { background: var(--hover); color: var(--muted); }
.note {
  padding: 8px 10px; border-left: 3px solid var(--note-edge); border-radius: 4px 8px 8px 4px;
  background: var(--note-bg); white-space: pre-line;
}
.aside { display: grid; gap: 2px; }
.history, .origin { color: var(--muted); font-size: 12.5px; }
.history a { color: inherit; text-decoration: underline; text-decoration-color: var(--faint); text-underline-offset: 2px; }
.error { color: var(--danger); }

.chooser { padding: 8px; border: 1px solid var(--line); border-radius: 10px; }
.chooser-label { margin: 0 4px 4px; color: var(--muted); font-size: 12.5px; font-weight: 550; }
.choice {
  display: flex; align-items: center; gap: 8px; width: 100%; padding: 5px 6px; border-radius: 7px;
}
.choice:hover { background: var(--hover); }
.choice[aria-checked="true"] { background: var(--accent-soft); }
.radio {
  flex: none; width: 14px; height: 14px; border: 1.5px solid var(--faint); border-radius: 50%;
}
.choice[aria-checked="true"] .radio { border: 4.5px solid var(--accent); }
.choice-name { flex: 1; min-width: 0; font-weight: 550; }
.choice-type { color: var(--faint); font-size: 12px; }

.foot {
  display: flex; flex-wrap: wrap; align-items: center; gap: 4px; padding: 8px 10px;
  border-top: 1px solid var(--line);
}
.action {
  display: inline-flex; align-items: center; gap: 5px; padding: 4px 8px; border-radius: 7px;
  color: var(--muted); font-size: 13px; font-weight: 550; white-space: nowrap;
}
.action:hover { background: var(--hover); color: var(--fg); }
.spacer { flex: 1; }

.bar {
  height: 10px; border-radius: 5px; background: var(--skeleton);
  animation: bs-pulse 1.2s ease-in-out infinite alternate;
}
.bar + .bar { margin-top: 8px; }
.bar.short { width: 35%; }
.bar.mid { width: 70%; }
.bar.gap { margin-top: 18px; }
@keyframes bs-pulse { from { opacity: 1; } to { opacity: 0.45; } }
.sr-only {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap;
}
`;
