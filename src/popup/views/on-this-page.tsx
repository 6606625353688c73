import browser from 'webextension-polyfill';
import { revealMention, type PageMention } from '../../core/protocol/page-events';
import { isPausedOn } from '../../core/settings/paused';
import type { Settings } from '../../core/settings/settings';
import { Switch } from '../components/switch';
import { usePageMentions } from '../hooks/use-page-mentions';
import type { PageTab } from '../hooks/use-page-tab';
import type { SaveSettings } from '../hooks/use-settings';
import { plural, useLang, useT, type MessageKey } from '../i18n';
import { typeLabel } from '../lib/entity-types';

export interface OnThisPageProps {
  tab: PageTab | null | undefined;
  /** Whether this view is shown; the page is asked for its names only then. */
  active: boolean;
  inTab: boolean;
  settings: Settings;
  saveSettings: SaveSettings;
}

/** Pausing "this site" pauses it and its subdomains; resuming removes whatever paused it. */
function withoutSite(pausedSites: string[], host: string): string[] {
  return pausedSites.filter(
    (site) => !isPausedOn({ globalPause: false, pausedSites: [site] }, host),
  );
}

export function OnThisPage({ tab, active, inTab, settings, saveSettings }: OnThisPageProps) {
  const t = useT();
  const host = tab?.hostname ?? null;
  const sitePaused = host !== null && isPausedOn({ ...settings, globalPause: false }, host);
  const paused = settings.globalPause || sitePaused;
  const found = usePageMentions(tab, active);

  const reveal = async (mention: PageMention) => {
    if (!tab) return;
    await browser.tabs
      .sendMessage(tab.id, revealMention(mention.id), { frameId: 0 })
      .catch(() => {});
    // The popup would cover the card it just opened; in a full tab, show the page instead.
    if (inTab) await browser.tabs.update(tab.id, { active: true });
    else window.close();
  };

  const setSitePaused = (pause: boolean) => {
    if (host === null) return;
    const rest = withoutSite(settings.pausedSites, host);
    void saveSettings({ pausedSites: pause ? [...rest, host] : rest });
  };

  return (
    <section class="view" aria-labelledby="page-heading">
      <h2 id="page-heading" class="visually-hidden">
        {t('tabOnThisPage')}
      </h2>
      <div class="card-block">
        {host !== null && (
          <Switch label={t('pauseSite', host)} checked={sitePaused} onChange={setSitePaused} />
        )}
        <Switch
          label={t('pauseEverywhere')}
          hint={t('pauseEverywhereHint')}
          checked={settings.globalPause}
          onChange={(globalPause) => void saveSettings({ globalPause })}
        />
      </div>
      <MentionList state={found} paused={paused} inTab={inTab} onReveal={reveal} />
    </section>
  );
}

interface MentionListProps {
  state: ReturnType<typeof usePageMentions>;
  paused: boolean;
  inTab: boolean;
  onReveal: (mention: PageMention) => void;
}

function MentionList({ state, paused, inTab, onReveal }: MentionListProps) {
  const t = useT();
  const lang = useLang();
  const note = (key: MessageKey) => <p class="empty">{t(key)}</p>;
  if (state.state === 'loading') return note('loading');
  if (state.state === 'unsupported') return note(inTab ? 'pageNoneInTab' : 'pageUnsupported');
  if (state.state === 'not-running') return note('pageNotRunning');
  // A paused page is cleared by its content script; the answer may still be on its way.
  if (paused) return note('pagePaused');
  if (state.mentions.length === 0) return note('pageNoMentions');
  return (
    <>
      <h3 class="section-title">{t('pageFoundHeading', state.mentions.length)}</h3>
      <ul class="list" aria-label={t('pageFoundHeading', state.mentions.length)}>
        {state.mentions.map((mention) => (
          <li key={mention.id}>
            <button type="button" class="row" onClick={() => onReveal(mention)}>
              <span class="row-main">
                <span class="row-name">{mention.name}</span>
                <span class="row-meta">{typeLabel(t, mention.type)}</span>
              </span>
              <span class="count" aria-hidden="true">
                {mention.count}
              </span>
              <span class="visually-hidden">
                {plural(t, 'mentionCountOne', 'mentionCountOther', mention.count, lang)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
