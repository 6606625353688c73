import type { Page } from 'playwright-core';
import { CHANNEL } from '../../../src/core/protocol/protocol';
import { IMPORT_CHUNK_CHARS } from '../../../src/core/protocol/schemas';

/** Calls a protocol message from an extension page and returns its result (throws its error). */
export async function call<T = unknown>(page: Page, name: string, params: unknown): Promise<T> {
  const reply = (await page.evaluate(
    ([channel, n, p]) => {
      const runtime = (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        }
      ).chrome.runtime;
      return runtime.sendMessage({ channel, name: n, params: p });
    },
    [CHANNEL, name, params] as const,
  )) as { result?: T; error?: string };
  if (reply.error) throw new Error(reply.error);
  return reply.result as T;
}

/** Uploads pack text the way the popup does (chunks), commits, and returns the job id. */
export async function startImport(page: Page, fileName: string, text: string): Promise<string> {
  const { jobId } = await call<{ jobId: string }>(page, 'importBegin', {
    fileName,
    format: 'json',
  });
  for (let i = 0; i < text.length; i += IMPORT_CHUNK_CHARS) {
    await call(page, 'importChunk', { jobId, text: text.slice(i, i + IMPORT_CHUNK_CHARS) });
  }
  await call(page, 'importCommit', { jobId });
  return jobId;
}

export interface JobView {
  id: string;
  status: string;
  done: number;
  total: number;
  message?: string;
}

export async function waitForJob(page: Page, jobId: string, timeoutMs = 60_000): Promise<JobView> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const job = (await call<JobView[]>(page, 'listImports', {})).find((j) => j.id === jobId);
    if (job && (job.status === 'done' || job.status === 'failed')) return job;
    await page.waitForTimeout(100);
  }
  throw new Error(`import ${jobId} did not finish`);
}
