import { useEffect, useState } from 'preact/hooks';
import {
  SETTINGS_LIMITS,
  UI_LANGUAGES,
  UNDERLINE_STYLES,
  type Settings,
  type UiLanguage,
  type UnderlineStyle,
} from '../../core/settings/settings';
import { Field } from '../components/field';
import { Switch } from '../components/switch';
import type { SaveSettings } from '../hooks/use-settings';
import { useT, type MessageKey } from '../i18n';
import { HistorySettings } from './history-settings';
import { PausedSites } from './paused-sites';

export interface SettingsViewProps {
  settings: Settings;
  save: SaveSettings;
}

const UNDERLINE_KEYS: Record<UnderlineStyle, MessageKey> = {
  dotted: 'underlineDotted',
  solid: 'underlineSolid',
  wavy: 'underlineWavy',
  none: 'underlineNone',
};

const LANGUAGE_KEYS: Record<UiLanguage, MessageKey> = {
  auto: 'languageAuto',
  en: 'languageEnglish',
  de: 'languageGerman',
};

export function SettingsView({ settings, save }: SettingsViewProps) {
  const t = useT();
  // The slider shows its value while dragging; storage is written once, when it is let go.
  const [delay, setDelay] = useState(settings.hoverDelayMs);
  useEffect(() => setDelay(settings.hoverDelayMs), [settings.hoverDelayMs]);
  return (
    <div class="view">
      <section class="card-block" aria-labelledby="reading-heading">
        <h2 id="reading-heading" class="section-title">
          {t('settingsReading')}
        </h2>
        <Field label={t('hoverDelay')} hint={t('hoverDelayHint')}>
          {(control) => (
            <div class="range-row">
              <input
                {...control}
                type="range"
                class="range"
                min={0}
                max={SETTINGS_LIMITS.maxHoverDelayMs}
                step={50}
                value={delay}
                aria-valuetext={t('milliseconds', delay)}
                onInput={(event) => setDelay(Number(event.currentTarget.value))}
                onChange={(event) => void save({ hoverDelayMs: Number(event.currentTarget.value) })}
              />
              <output class="range-value" for={control.id}>
                {t('milliseconds', delay)}
              </output>
            </div>
          )}
        </Field>
        <fieldset class="choice-group">
          <legend>{t('underlineStyle')}</legend>
          <div class="choices">
            {UNDERLINE_STYLES.map((style) => (
              <label key={style} class="choice">
                <input
                  type="radio"
                  name="underline"
                  value={style}
                  checked={settings.underlineStyle === style}
                  onChange={() => void save({ underlineStyle: style })}
                />
                <span class={`underline-sample underline-${style}`}>
                  {t(UNDERLINE_KEYS[style])}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <Switch
          label={t('discreetMode')}
          hint={t('discreetModeHint')}
          checked={settings.discreetMode}
          onChange={(discreetMode) => void save({ discreetMode })}
        />
      </section>
      <HistorySettings settings={settings} save={save} />
      <PausedSites settings={settings} save={save} />
      <section class="card-block" aria-labelledby="language-heading">
        <h2 id="language-heading" class="section-title">
          {t('settingsLanguage')}
        </h2>
        <Field label={t('uiLanguage')}>
          {(control) => (
            <select
              {...control}
              class="input"
              value={settings.uiLanguage}
              onChange={(event) =>
                void save({ uiLanguage: event.currentTarget.value as UiLanguage })
              }
            >
              {UI_LANGUAGES.map((language) => (
                <option key={language} value={language}>
                  {t(LANGUAGE_KEYS[language])}
                </option>
              ))}
            </select>
          )}
        </Field>
      </section>
    </div>
  );
}
