import { IMPORT_CHUNK_CHARS, type ImportJob } from '../../core/protocol';
import { send } from '../../shared/messaging';

export const importFormat = (fileName: string): 'json' | 'csv' =>
  /\.csv$/i.test(fileName) ? 'csv' : 'json';

/**
 * Sends a file to the background in chunks below the message size limit, then lets the worker
 * parse, validate and import it: closing the popup after this returns does not stop the import.
 * `onSent` reports the share of the text sent so far (0–1).
 */
export async function uploadFile(file: File, onSent: (share: number) => void): Promise<ImportJob> {
  const text = await file.text();
  const { jobId } = await send('importBegin', {
    fileName: file.name.slice(0, 255),
    format: importFormat(file.name),
  });
  for (let start = 0; start < text.length; start += IMPORT_CHUNK_CHARS) {
    await send('importChunk', { jobId, text: text.slice(start, start + IMPORT_CHUNK_CHARS) });
    onSent(Math.min(1, (start + IMPORT_CHUNK_CHARS) / text.length));
  }
  return send('importCommit', { jobId });
}
