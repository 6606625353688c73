import { useState } from 'preact/hooks';
import { send } from '../../shared/messaging';
import { ConfirmButton } from '../components/confirm-button';
import { usePacks } from '../hooks/use-packs';
import { plural, useLang, useT } from '../i18n';
import { errorText } from '../lib/errors';

export interface PacksSectionProps {
  version: number;
  onChanged: () => void;
}

/** The installed packs, each removable (the reader's own entities and notes are not touched). */
export function PacksSection({ version, onChanged }: PacksSectionProps) {
  const t = useT();
  const lang = useLang();
  const packs = usePacks(version);
  const [error, setError] = useState<string | null>(null);
  const remove = (id: string) => {
    setError(null);
    send('removePack', { id })
      .then(onChanged)
      .catch((reason: unknown) => setError(errorText(reason)));
  };
  return (
    <section class="card-block" aria-labelledby="packs-heading">
      <h2 id="packs-heading" class="section-title">
        {t('packsHeading')}
      </h2>
      {packs.length === 0 && <p class="empty">{t('packsNone')}</p>}
      <ul class="plain-list">
        {packs.map((pack) => (
          <li key={pack.id} class="pack">
            <div class="row-main">
              <span class="row-name">{pack.title}</span>
              <span class="row-meta">
                {plural(t, 'entityCountOne', 'entityCountOther', pack.entityCount, lang)}
                {pack.updated && ` · ${t('packUpdated', pack.updated)}`}
              </span>
            </div>
            <ConfirmButton
              label={t('remove')}
              name={t('removePackNamed', pack.title)}
              question={t('removePackQuestion')}
              onConfirm={() => remove(pack.id)}
            />
          </li>
        ))}
      </ul>
      {error && (
        <p class="error-text" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
