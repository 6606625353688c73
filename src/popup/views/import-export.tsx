import { useState } from 'preact/hooks';
import { send } from '../../shared/messaging';
import { DropZone } from '../components/drop-zone';
import { ImportJobRow } from '../components/import-job-row';
import { ProgressBar } from '../components/progress-bar';
import type { ImportJobs } from '../hooks/use-import-jobs';
import { useT } from '../i18n';
import { downloadText } from '../lib/download';
import { errorText } from '../lib/errors';
import { uploadFile } from '../lib/upload';
import { PacksSection } from './packs-section';

export interface ImportExportProps {
  version: number;
  onChanged: () => void;
  imports: ImportJobs;
}

/** The file being sent to the background; after that the job's own progress takes over. */
interface Sending {
  fileName: string;
  share: number;
}

export function ImportExport({ version, onChanged, imports }: ImportExportProps) {
  const t = useT();
  const [sending, setSending] = useState<Sending | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

  const start = async (file: File) => {
    setError(null);
    setSending({ fileName: file.name, share: 0 });
    try {
      const job = await uploadFile(file, (share) => setSending({ fileName: file.name, share }));
      imports.watch(job);
    } catch (reason) {
      setError(errorText(reason));
      imports.watch();
    } finally {
      setSending(null);
    }
  };

  const exportPack = async (scope: 'all' | 'own') => {
    setError(null);
    setExporting(true);
    try {
      const { fileName, text } = await send('exportPack', { scope });
      downloadText(fileName, text);
    } catch (reason) {
      setError(errorText(reason));
    } finally {
      setExporting(false);
    }
  };

  return (
    <div class="view">
      <section class="card-block" aria-labelledby="import-heading">
        <h2 id="import-heading" class="section-title">
          {t('importHeading')}
        </h2>
        <DropZone disabled={sending !== null} onFile={(file) => void start(file)} />
        {sending && (
          <ProgressBar
            label={t('importSendingLabel', sending.fileName)}
            value={sending.share * 100}
            text={t('importSending')}
          />
        )}
        {error && (
          <p class="error-text" role="alert">
            {error}
          </p>
        )}
        {imports.jobs.length > 0 && (
          <ul class="jobs" aria-label={t('recentImports')}>
            {imports.jobs.map((job) => (
              <ImportJobRow key={job.id} job={job} />
            ))}
          </ul>
        )}
      </section>
      <section class="card-block" aria-labelledby="export-heading">
        <h2 id="export-heading" class="section-title">
          {t('exportHeading')}
        </h2>
        <p class="hint">{t('exportHint')}</p>
        <div class="button-row">
          <button
            type="button"
            class="button"
            disabled={exporting}
            onClick={() => void exportPack('all')}
          >
            {t('exportAll')}
          </button>
          <button
            type="button"
            class="button"
            disabled={exporting}
            onClick={() => void exportPack('own')}
          >
            {t('exportOwn')}
          </button>
        </div>
      </section>
      <PacksSection version={version} onChanged={onChanged} />
    </div>
  );
}
