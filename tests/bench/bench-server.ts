import { createServer } from 'node:http';

/** Serves generated texts on 127.0.0.1 with CORS open, so extension pages can fetch them. */
/** An entry may be answered late (`delayMs`), e.g. to hold DOMContentLoaded back on purpose. */
export async function serveTexts(
  texts: Record<string, { body: string; type: string; delayMs?: number }>,
) {
  const server = createServer((request, response) => {
    const entry = texts[new URL(request.url ?? '/', 'http://localhost').pathname];
    if (!entry) {
      response.writeHead(404).end();
      return;
    }
    setTimeout(() => {
      response.writeHead(200, { 'content-type': entry.type, 'access-control-allow-origin': '*' });
      response.end(entry.body);
    }, entry.delayMs ?? 0);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

export const ms = (value: number) => `${value.toFixed(1)} ms`;
