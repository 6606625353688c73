import type { ImportJob } from '../../core/protocol';
import { plural, useLang, useT } from '../i18n';
import { ProgressBar } from './progress-bar';

/** One import: its file, how far it got, and the background's message if it was refused. */
export function ImportJobRow({ job }: { job: ImportJob }) {
  const t = useT();
  const lang = useLang();
  const n = (value: number) => value.toLocaleString(lang);
  const share = job.status === 'done' ? 100 : job.total > 0 ? (job.done / job.total) * 100 : 0;
  const state =
    job.status === 'done'
      ? t('importDone', plural(t, 'entityCountOne', 'entityCountOther', job.total, lang))
      : job.status === 'failed'
        ? t('importFailed')
        : job.total > 0
          ? t('importProgress', n(job.done), n(job.total))
          : job.status === 'uploading'
            ? t('importSending')
            : t('importChecking');
  return (
    <li class={`job job-${job.status}`}>
      <div class="job-head">
        <span class="row-name">{job.fileName}</span>
        <span class="row-meta">{state}</span>
      </div>
      {job.status !== 'failed' && (
        <ProgressBar label={t('importProgressLabel', job.fileName)} value={share} text={state} />
      )}
      {job.message && <p class="error-text">{job.message}</p>}
    </li>
  );
}
