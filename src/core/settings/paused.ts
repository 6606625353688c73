import type { Settings } from './settings';

/** The DNS limit on a full hostname (RFC 1035); anything longer cannot be a page's host. */
export const MAX_HOSTNAME_LENGTH = 253;

// Browsers hand content scripts ASCII hostnames (IDNs arrive as punycode via `location.hostname`),
// so anything outside this shape is garbage, not a site. IPv6 literals keep their brackets.
const HOSTNAME = /^(?:[a-z0-9_-]+\.)*[a-z0-9_-]+$|^\[[0-9a-f:.]+\]$/;
const IP_ADDRESS = /^\d{1,3}(?:\.\d{1,3}){3}$|^\[/;

/** Lowercases and trims a hostname and drops a trailing root dot; `null` if it is not one. */
export function normalizeHostname(raw: string): string | null {
  const host = raw.trim().toLowerCase().replace(/\.$/, '');
  if (host.length === 0 || host.length > MAX_HOSTNAME_LENGTH) return null;
  return HOSTNAME.test(host) ? host : null;
}

/**
 * Whether Backstory should stay quiet on `hostname`: the global pause, or the host or any parent
 * domain in the paused sites (pausing `example.com` also pauses `news.example.com`, which is what a
 * reader means by "this site"). IP addresses have no parent domains, so they only match exactly.
 */
export function isPausedOn(
  settings: Pick<Settings, 'globalPause' | 'pausedSites'>,
  hostname: string,
): boolean {
  if (settings.globalPause) return true;
  const host = normalizeHostname(hostname);
  if (host === null) return false;
  const exactOnly = IP_ADDRESS.test(host);
  return settings.pausedSites.some(
    (site) => site === host || (!exactOnly && host.endsWith(`.${site}`)),
  );
}
