import { useState } from 'preact/hooks';
import type { Settings } from '../../core/settings/settings';
import { send } from '../../shared/messaging';
import { ConfirmButton } from '../components/confirm-button';
import { Switch } from '../components/switch';
import type { SaveSettings } from '../hooks/use-settings';
import { plural, useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';

export function HistorySettings({ settings, save }: { settings: Settings; save: SaveSettings }) {
  const t = useT();
  const lang = useLang();
  const [result, setResult] = useState<string | null>(null);
  const clear = () => {
    send('clearHistory', {})
      .then(({ cleared }) =>
        setResult(plural(t, 'historyClearedOne', 'historyClearedOther', cleared, lang)),
      )
      .catch((reason: unknown) => setResult(errorText(reason)));
  };
  return (
    <section class="card-block" aria-labelledby="history-heading">
      <h2 id="history-heading" class="section-title">
        {t('settingsHistory')}
      </h2>
      <Switch
        label={t('historyEnabled')}
        hint={t('historyEnabledHint')}
        checked={settings.historyEnabled}
        onChange={(historyEnabled) => void save({ historyEnabled })}
      />
      <div class="button-row">
        <ConfirmButton
          label={t('clearHistory')}
          name={t('clearHistory')}
          question={t('clearHistoryQuestion')}
          onConfirm={clear}
        />
      </div>
      <p class="hint" role="status">
        {result}
      </p>
    </section>
  );
}
