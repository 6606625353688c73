/** Saves text as a file through the browser's download flow; no `downloads` permission needed. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in Chromium; a minute is ample for it to start.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
