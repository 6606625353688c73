import type { Settings } from '../../core/settings/settings';
import type { SaveSettings } from '../hooks/use-settings';
import { useT } from '../i18n';

/** The sites the reader paused Backstory on ("Pause on this site" in the first tab). */
export function PausedSites({ settings, save }: { settings: Settings; save: SaveSettings }) {
  const t = useT();
  const sites = settings.pausedSites;
  return (
    <section class="card-block" aria-labelledby="paused-heading">
      <h2 id="paused-heading" class="section-title">
        {t('settingsPausedSites')}
      </h2>
      {sites.length === 0 ? (
        <p class="empty">{t('pausedSitesNone')}</p>
      ) : (
        <ul class="plain-list">
          {sites.map((site) => (
            <li key={site} class="pack">
              <span class="row-name">{site}</span>
              <button
                type="button"
                class="button subtle"
                aria-label={t('resumeSiteNamed', site)}
                onClick={() => void save({ pausedSites: sites.filter((other) => other !== site) })}
              >
                {t('resumeSite')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
