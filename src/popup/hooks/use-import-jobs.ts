import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ImportJob } from '../../core/protocol';
import { send } from '../../shared/messaging';

const POLL_MS = 300;

export interface ImportJobs {
  /** The most recent jobs, newest first. */
  jobs: ImportJob[];
  /** Starts watching again, e.g. after the popup began an import. */
  watch: (job?: ImportJob) => void;
}

const isOpen = (job: ImportJob) => job.status === 'uploading' || job.status === 'running';

/**
 * The recent import jobs, read from the background. The import runs in the worker and its
 * progress lives in the database, so a popup opened again mid-import picks the job up here.
 * Polls while a job is open; `onFinished` runs once per job that finished while we watched.
 */
export function useImportJobs(onFinished: (job: ImportJob) => void): ImportJobs {
  const [jobs, setJobs] = useState<ImportJob[]>([]);
  const [polling, setPolling] = useState(true);
  const seenOpen = useRef(new Set<string>());
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => {
    if (!polling) return;
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const list = await send('listImports', {});
        if (!alive) return;
        setJobs(list);
        for (const job of list) {
          if (isOpen(job)) seenOpen.current.add(job.id);
          else if (seenOpen.current.delete(job.id)) finished.current(job);
        }
        if (!list.some(isOpen)) {
          setPolling(false);
          return;
        }
      } catch {
        // The worker may be restarting; the next tick asks again.
      }
      if (alive) timer = setTimeout(() => void tick(), POLL_MS);
    };
    void tick();
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [polling]);

  const watch = useCallback((job?: ImportJob) => {
    if (job) {
      seenOpen.current.add(job.id);
      setJobs((list) => [job, ...list.filter((other) => other.id !== job.id)]);
    }
    setPolling(true);
  }, []);
  return { jobs, watch };
}
