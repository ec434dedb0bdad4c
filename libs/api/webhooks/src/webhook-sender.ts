import { createHmac } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import {
  WEBHOOK_DELIVERY_HEADER,
  WEBHOOK_EVENT_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
} from '@sigap/contracts';
import {
  ForbiddenTargetError,
  guardedLookup,
  isForbiddenAddress,
  policyHost,
  type AddressPolicy,
} from './address-policy';

/** `sha256=<hex HMAC-SHA256 of the raw body with the secret>`, as `X-Sigap-Signature` carries. */
export function webhookSignature(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface WebhookRequest {
  url: string;
  body: string;
  secret: string;
  event: string;
  deliveryId: string;
}

/** How an attempt ended: the answer's status, or why there was none; and whether to try again. */
export interface WebhookAttempt {
  ok: boolean;
  status: number | null;
  /** One line, for the delivery log; null when delivered. */
  error: string | null;
  retryable: boolean;
}

/**
 * POSTs one delivery: signed, with a deadline for the whole exchange, never following a
 * redirect (a 3xx is a failure), and only to an address the policy allows (checked on the
 * address the socket connects to).
 */
export function sendWebhook(
  req: WebhookRequest,
  policy: AddressPolicy,
  timeoutMs: number,
): Promise<WebhookAttempt> {
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    return Promise.resolve(failed('alamat webhook tidak valid', false));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return Promise.resolve(failed(`protokol ${url.protocol} tidak diizinkan`, false));
  }
  const host = policyHost(url);
  const allowedByName = !policy.enforce || policy.allowedHosts.includes(host);
  // An address written in the URL is not looked up: it is checked here instead.
  if (!allowedByName && isIP(host) && isForbiddenAddress(host)) {
    return Promise.resolve(failed(new ForbiddenTargetError(host, host).message, false));
  }
  const body = Buffer.from(req.body, 'utf8');
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (attempt: WebhookAttempt) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(attempt);
    };
    const request = send(
      url,
      {
        method: 'POST',
        lookup: guardedLookup(policy, host),
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': String(body.length),
          'User-Agent': 'Sigap-Webhook/1',
          [WEBHOOK_EVENT_HEADER]: req.event,
          [WEBHOOK_DELIVERY_HEADER]: req.deliveryId,
          [WEBHOOK_SIGNATURE_HEADER]: webhookSignature(req.secret, body),
        },
      },
      (response: IncomingMessage) => {
        // The answer's body is not needed: read and dropped so the socket is released.
        response.resume();
        response.on('end', () => finish(outcome(response.statusCode ?? 0)));
        response.on('error', () => finish(outcome(response.statusCode ?? 0)));
      },
    );
    const deadline = setTimeout(() => {
      request.destroy();
      finish(failed(`tidak ada jawaban dalam ${timeoutMs} ms`, true));
    }, timeoutMs);
    request.on('error', (error: Error) => {
      if (error instanceof ForbiddenTargetError) finish(failed(error.message, false));
      else finish(failed(`${error.name}: ${error.message}`.slice(0, 300), true));
    });
    request.end(body);
  });
}

function outcome(status: number): WebhookAttempt {
  if (status >= 200 && status < 300) return { ok: true, status, error: null, retryable: false };
  if (status >= 300 && status < 400) {
    return {
      ok: false,
      status,
      error: `HTTP ${status}: pengalihan tidak diikuti`,
      retryable: false,
    };
  }
  const retryable = status >= 500 || status === 408 || status === 429;
  return { ok: false, status, error: `HTTP ${status}`, retryable };
}

function failed(error: string, retryable: boolean): WebhookAttempt {
  return { ok: false, status: null, error, retryable };
}
