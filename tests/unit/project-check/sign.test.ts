/**
 * Signed requests (src/lib/project-check/sign.ts), as webhook senders sign theirs: the HMAC matches Node's own over
 * the body as sent, with a timestamp where the format asks, and replaces a header of the same name.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signRequest } from '../../../src/lib/project-check/sign.ts';

const request = {
  method: 'POST',
  path: '/webhooks',
  headers: [['signature', 'old'] as [string, string]],
  body: '{"id": "evt_1"}',
};
const at = Date.parse('2026-11-27T12:00:00Z');

describe('a signed request', () => {
  it('carries the HMAC-SHA256 of its body, as sent, in hex', async () => {
    const signed = await signRequest(request, {
      header: 'Signature',
      secret: 'whsec_atlas_checker',
      value: 'sha256=${hmac}',
    });
    const hmac = createHmac('sha256', 'whsec_atlas_checker').update('{"id": "evt_1"}').digest('hex');
    expect(signed.headers).toEqual([['Signature', `sha256=${hmac}`]]);
    expect(signed.body).toBe(request.body);
  });

  it('signs the timestamp with the body where the format asks, as Stripe does', async () => {
    const signed = await signRequest(
      request,
      {
        header: 'Stripe-Signature',
        secret: 'whsec_x_test',
        signed: '${timestamp}.${body}',
        value: 't=${timestamp},v1=${hmac}',
      },
      at,
    );
    const ts = String(at / 1000);
    const hmac = createHmac('sha256', 'whsec_x_test').update(`${ts}.{"id": "evt_1"}`).digest('hex');
    expect(signed.headers.at(-1)).toEqual(['Stripe-Signature', `t=${ts},v1=${hmac}`]);
  });
});
