/**
 * Where the checker may send requests: an http(s) URL without credentials, on this machine unless the learner allows
 * another with --allow-remote. A host name counts as this machine only when every address it resolves to is loopback.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

const isLoopbackAddress = (address: string) =>
  /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address) || address === '::1' || address === '::ffff:127.0.0.1';

/** Why `base` may not be checked, or undefined: loopback only unless allowed, http or https only. */
export async function baseProblem(base: string, allowRemote: boolean): Promise<{ url: URL } | { problem: string }> {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return { problem: `--base ${base} is not a URL. Write it in full: --base http://127.0.0.1:8080` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { problem: `--base must be an http:// or https:// URL, not ${url.protocol}` };
  if (url.username || url.password) return { problem: '--base must not carry a user name or password.' };
  if (allowRemote) return { url };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host)
    ? [host]
    : await lookup(host, { all: true }).then(
        (found) => found.map((a) => a.address),
        () => [],
      );
  if (addresses.length > 0 && addresses.every(isLoopbackAddress)) return { url };
  return {
    problem: `${url.host} is not this machine: the checker talks only to loopback (127.0.0.1, ::1, localhost). To check your own staging server, add --allow-remote.`,
  };
}
