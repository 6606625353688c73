import { parseCsvPack } from '../../core/pack/csv';
import type { Pack } from '../../core/pack/schema';
import { parsePack, PackError } from '../../core/pack/validate';
import type { ImportJob } from '../../core/protocol';
import { slugify } from '../../core/slug';
import type { BackstoryDb } from '../db/database';
import { keepWorkerAlive } from '../keep-alive';
import { importPack } from './import-pack';

/** Text received so far per job. Lost if the worker stops mid-upload; the job then reads "failed". */
const uploads = new Map<
  string,
  { format: 'json' | 'csv'; parts: string[]; chars: number; lastChunkAt: number }
>();
/** An upload that received nothing for this long was abandoned (the popup closed mid-upload). */
const UPLOAD_IDLE_MS = 30_000;
const MAX_CHARS = 64 * 1024 * 1024;

const toJob = (row: ImportJob): ImportJob => ({ ...row });

export async function beginImport(
  db: BackstoryDb,
  fileName: string,
  format: 'json' | 'csv',
): Promise<string> {
  const id = `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  uploads.set(id, { format, parts: [], chars: 0, lastChunkAt: Date.now() });
  await db.importJobs.put({
    id,
    fileName,
    status: 'uploading',
    done: 0,
    total: 0,
    startedAt: Date.now(),
  });
  return id;
}

export function receiveChunk(jobId: string, text: string): number {
  const upload = uploads.get(jobId);
  if (!upload) throw new Error('This import is no longer running; please choose the file again.');
  upload.chars += text.length;
  if (upload.chars > MAX_CHARS) {
    uploads.delete(jobId);
    throw new PackError('This file was refused: it is larger than 64 MiB.');
  }
  upload.parts.push(text);
  upload.lastChunkAt = Date.now();
  return upload.chars;
}

function readerMessage(error: unknown): string {
  if (error instanceof PackError) return error.message;
  const name = error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError' || /quota/i.test(String(error))) {
    return 'There is not enough disk space to import this pack. Nothing was changed.';
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `The import failed and nothing was changed (${detail}).`;
}

function parseUpload(fileName: string, format: 'json' | 'csv', text: string): Pack {
  if (format === 'json') return parsePack(text);
  const base = fileName.replace(/\.[^.]*$/, '');
  return parseCsvPack(text, { id: slugify(base, 64) || 'csv-import', title: base || 'CSV import' });
}

/**
 * Parses, validates and imports an uploaded file in the background, so closing the popup does not
 * stop it. Progress is written to the job row, which the popup reads when it (re)opens.
 */
export async function commitImport(
  db: BackstoryDb,
  jobId: string,
  onDone: () => void = () => {},
): Promise<ImportJob> {
  const upload = uploads.get(jobId);
  const job = await db.importJobs.get(jobId);
  if (!upload || !job)
    throw new Error('This import is no longer running; please choose the file again.');
  uploads.delete(jobId);
  await db.importJobs.update(jobId, { status: 'running' });
  void runImport(db, job.id, job.fileName, upload.format, upload.parts.join('')).then(onDone);
  return toJob({ ...job, status: 'running' });
}

async function runImport(
  db: BackstoryDb,
  jobId: string,
  fileName: string,
  format: 'json' | 'csv',
  text: string,
): Promise<void> {
  const release = keepWorkerAlive();
  try {
    const pack = parseUpload(fileName, format, text);
    let lastWrite = 0;
    await db.importJobs.update(jobId, { total: pack.entities.length, packId: pack.id });
    await importPack(
      db,
      pack,
      fileName,
      ({ done, total }) => {
        if (Date.now() - lastWrite < 250) return;
        lastWrite = Date.now();
        void db.importJobs.update(jobId, { done, total });
      },
      jobId,
    );
  } catch (error) {
    await db.importJobs.update(jobId, {
      status: 'failed',
      message: readerMessage(error),
      finishedAt: Date.now(),
    });
  } finally {
    release();
  }
}

/**
 * Jobs that were running when the worker stopped can never finish: say so (nothing was changed).
 * Returns how many there were, so start-up looks for their orphan rows only when there are any.
 */
export async function failInterruptedJobs(db: BackstoryDb): Promise<number> {
  const open = await db.importJobs
    .filter((job) => job.status === 'uploading' || job.status === 'running')
    .toArray();
  for (const job of open) {
    await db.importJobs.update(job.id, {
      status: 'failed',
      message:
        'The import was interrupted because the browser stopped Backstory in the background. Nothing was changed; please import the file again.',
      finishedAt: Date.now(),
    });
  }
  return open.length;
}

/** Fails uploads that stopped arriving, so a reopened popup does not wait on them forever. */
async function failAbandonedUploads(db: BackstoryDb): Promise<void> {
  const uploading = await db.importJobs.filter((job) => job.status === 'uploading').toArray();
  for (const job of uploading) {
    const upload = uploads.get(job.id);
    if (upload && Date.now() - upload.lastChunkAt < UPLOAD_IDLE_MS) continue;
    uploads.delete(job.id);
    await db.importJobs.update(job.id, {
      status: 'failed',
      message:
        'The file stopped arriving (was the popup closed while it was being sent?). Nothing was changed; please import it again.',
      finishedAt: Date.now(),
    });
  }
}

export async function listImports(db: BackstoryDb): Promise<ImportJob[]> {
  await failAbandonedUploads(db);
  return (await db.importJobs.orderBy('startedAt').reverse().limit(5).toArray()).map(toJob);
}
