import { useEffect, useState } from 'preact/hooks';
import { useT } from '../i18n';

export interface DropZoneProps {
  disabled: boolean;
  onFile: (file: File) => void;
}

/**
 * A file chooser that also takes a dropped file. The real control is the native file input,
 * visually hidden inside its label, so keyboard and screen reader users get the browser's own.
 */
export function DropZone({ disabled, onFile }: DropZoneProps) {
  const t = useT();
  const [over, setOver] = useState(false);
  // A file dropped beside the zone would make the browser open it in place of Backstory.
  useEffect(() => {
    const keep = (event: DragEvent) => event.preventDefault();
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
    };
  }, []);
  const take = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file && !disabled) onFile(file);
  };
  return (
    <div
      class={`drop-zone${over ? ' over' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        take(event.dataTransfer?.files);
      }}
    >
      <p class="drop-hint">{t('dropHint')}</p>
      <label class={`button primary file-button${disabled ? ' disabled' : ''}`}>
        {t('chooseFile')}
        <input
          type="file"
          class="visually-hidden"
          accept=".json,.csv,application/json,text/csv"
          disabled={disabled}
          onChange={(event) => {
            take(event.currentTarget.files);
            // Choosing the same file again must start another import.
            event.currentTarget.value = '';
          }}
        />
      </label>
      <p class="hint">{t('importFormats')}</p>
    </div>
  );
}
