/**
 * Requests signed as webhook senders sign theirs (Stripe, GitHub, Svix): an HMAC-SHA256 of the body exactly as sent,
 * keyed with a secret the contract states, in a header, so a check can send a signed event about a payment the run
 * itself created. WebCrypto, the platform's: Node 20 and every browser have it.
 * IMPORTED IN BOTH NODE AND BROWSER CODE: no Node.
 */
import type { HttpRequestData } from '../labs/shared/lab-spec.ts';
import type { RequestSignature } from '../labs/api/index.ts';

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/** `request` with the header `sign` asks for, computed over its body; `now` gives `${timestamp}` (ms). */
export async function signRequest(
  request: HttpRequestData,
  sign: RequestSignature,
  now = Date.now(),
): Promise<HttpRequestData> {
  const timestamp = String(Math.floor(now / 1000));
  const fill = (template: string, values: Record<string, string>) =>
    template.replace(/\$\{(body|timestamp|hmac)\}/g, (_, name: string) => values[name] ?? '');
  const signed = fill(sign.signed ?? '${body}', { body: request.body ?? '', timestamp });
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(sign.secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const hmac = hex(await crypto.subtle.sign('HMAC', key, encoder.encode(signed)));
  const value = fill(sign.value ?? '${hmac}', { hmac, timestamp });
  const headers = request.headers.filter(([name]) => name.toLowerCase() !== sign.header.toLowerCase());
  return { ...request, headers: [...headers, [sign.header, value]] };
}
