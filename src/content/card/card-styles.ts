/** The card's stylesheet, inside the closed shadow root; page CSS cannot reach it. */
export const CARD_CSS = `
:host { all: initial; }
.card {
  box-sizing: border-box;
  width: min(360px, calc(100vw - 16px));
  max-height: min(70vh, 520px);
  overflow: auto;
  padding: 14px 16px;
  border-radius: 10px;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: #1d2330;
  background: #ffffff;
  border: 1px solid #d5d9e2;
  box-shadow: 0 8px 28px rgba(20, 27, 45, 0.18);
  text-align: left;
}
header { display: flex; align-items: baseline; gap: 8px; margin-bottom: 6px; }
.name { font-size: 16px; font-weight: 650; margin: 0; }
.type { font-size: 12px; color: #5b6475; text-transform: capitalize; }
.summary { margin: 0; }
.error { margin: 6px 0 0; color: #a3261b; }
@media (prefers-color-scheme: dark) {
  .card { color: #e7eaf0; background: #1e2330; border-color: #3a4255; box-shadow: 0 8px 28px rgba(0, 0, 0, 0.5); }
  .type { color: #a6afc2; }
  .error { color: #ff8b7e; }
}
`;
