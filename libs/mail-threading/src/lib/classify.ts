import {
  headerValue,
  headerValues,
  normalizeAddress,
  normalizeMessageId,
  parseContentType,
  parseHeaderBlock,
  senderAddress,
} from './headers';
import { parseOurMessageId } from './identifiers';
import { InboundMessage } from './types';

export type MessageClass = 'normal' | 'auto-reply' | 'bounce';

export interface Classification {
  kind: MessageClass;
  /** Why, as short stable codes such as `auto-submitted:auto-replied` or `dsn-part`. */
  reasons: string[];
}

const BOUNCE_SUBJECT =
  /^\s*(?:undelivered mail returned to sender|delivery status notification \((?:failure|delay)\)|undeliverable\s*:|undeliverable mail|mail delivery failed|delivery failure|failure notice|returned mail\s*:|mail delivery failure|delivery has failed|non[- ]?delivery report|tidak terkirim\s*:|tidak dapat dikirim\s*:|pengiriman gagal|delayed mail|warning: could not send message|message not delivered)/i;

const AUTO_SUBJECT =
  /^\s*(?:\[[^\]]{1,20}\]\s*)?(?:automatic reply|auto(?:matic)?[- ]?(?:reply|response|antwort)|autoreply|auto\s*:|out of (?:the )?office|ooo\s*:|balasan otomatis|balas otomatis|tanggapan otomatis|jawaban otomatis|tidak di kantor|sedang tidak di kantor|di luar kantor|sedang cuti|cuti\s*:|abwesenheitsnotiz|r[ée]ponse automatique|respuesta autom[áa]tica)/i;
const AUTO_SUBJECT_ANYWHERE =
  /\b(?:out of (?:the )?office|tidak di kantor|sedang cuti|balasan otomatis|automatic reply|auto[- ]?reply)\b/i;
const READ_RECEIPT_SUBJECT = /^\s*(?:read|dibaca|telah dibaca|not read|tidak dibaca)\s*:/i;

const AUTO_BODY =
  /\b(?:i am (?:currently )?out of (?:the )?office|i'?m (?:currently )?out of (?:the )?office|i am on (?:annual )?leave|saya sedang (?:cuti|tidak berada di kantor|tidak di kantor|dinas luar|di luar kantor)|saya (?:akan )?kembali (?:ke kantor )?pada tanggal|this is an automatic reply|ini adalah (?:balasan|pesan|email) otomatis)\b/i;

function isStructuralType(type: string, wanted: string[]): boolean {
  return wanted.includes(type);
}

/**
 * Tells a person's mail from automatic mail. `bounce`: a delivery status notification
 * (failure or delay); `auto-reply`: out-of-office, vacation responders, read receipts,
 * bulk and list mail; `normal`: everything else. Never resume a clock, reopen a ticket or
 * answer automatically for anything but `normal`.
 */
export function classify(message: InboundMessage): Classification {
  const bounce = bounceReasons(message);
  if (bounce.length) return { kind: 'bounce', reasons: bounce };
  const auto = autoReplyReasons(message);
  if (auto.length) return { kind: 'auto-reply', reasons: auto };
  return { kind: 'normal', reasons: [] };
}

function attachmentsOf(message: InboundMessage) {
  return message.attachments ?? [];
}

function bounceReasons(message: InboundMessage): string[] {
  const strong: string[] = [];
  const medium: string[] = [];
  const ct = parseContentType(headerValue(message, 'content-type'));
  if (
    ct.type === 'multipart/report' &&
    (ct.params['report-type'] ?? '').toLowerCase().endsWith('delivery-status')
  ) {
    strong.push('multipart-report:delivery-status');
  }
  if (
    attachmentsOf(message).some((a) =>
      isStructuralType(a.contentType.toLowerCase(), [
        'message/delivery-status',
        'message/global-delivery-status',
      ]),
    )
  ) {
    strong.push('dsn-part');
  }
  if (headerValue(message, 'x-failed-recipients')) strong.push('x-failed-recipients');
  const from = senderAddress(message) ?? '';
  const local = from.split('@')[0];
  if (/^mailer-daemon$/i.test(local)) strong.push('from:mailer-daemon');
  else if (/^postmaster$/i.test(local)) medium.push('from:postmaster');
  const returnPath = headerValues(message, 'return-path');
  if (returnPath.some((r) => /^<\s*>$/.test(r.trim()))) medium.push('return-path:empty');
  if (BOUNCE_SUBJECT.test(message.subject ?? '')) medium.push('subject');
  if (strong.length) return [...strong, ...medium];
  return medium.length >= 2 ? medium : [];
}

function autoReplyReasons(message: InboundMessage): string[] {
  const strong: string[] = [];
  const weak: string[] = [];
  for (const v of headerValues(message, 'auto-submitted')) {
    const token = v.split(/[;(\s]/)[0].toLowerCase();
    if (token && token !== 'no') strong.push(`auto-submitted:${token}`);
  }
  if (headerValues(message, 'x-autoreply').some((v) => !/^(?:no|false|0)$/i.test(v)))
    strong.push('x-autoreply');
  if (headerValue(message, 'x-autorespond') !== undefined) strong.push('x-autorespond');
  if (headerValue(message, 'x-autoreply-from') !== undefined) strong.push('x-autoreply-from');
  if (headerValue(message, 'x-mail-autoreply') !== undefined) strong.push('x-mail-autoreply');
  if (
    headerValues(message, 'x-ms-exchange-generated-message-source').some((v) =>
      /mailbox rules|auto/i.test(v),
    )
  ) {
    strong.push('x-ms-exchange-generated-message-source');
  }
  const precedence = (headerValue(message, 'precedence') ?? '').toLowerCase();
  if (/^(?:bulk|junk|list|auto_reply|auto-reply)\b/.test(precedence))
    strong.push(`precedence:${precedence.split(/\s/)[0]}`);
  if (headerValue(message, 'list-id') !== undefined) strong.push('list-id');
  if (headerValue(message, 'list-unsubscribe') !== undefined) strong.push('list-unsubscribe');
  const ct = parseContentType(headerValue(message, 'content-type'));
  if (
    ct.type === 'multipart/report' &&
    (ct.params['report-type'] ?? '').toLowerCase() === 'disposition-notification'
  ) {
    strong.push('read-receipt');
  }
  if (
    attachmentsOf(message).some(
      (a) => a.contentType.toLowerCase() === 'message/disposition-notification',
    )
  ) {
    strong.push('read-receipt');
  }
  const subject = message.subject ?? '';
  if (AUTO_SUBJECT.test(subject)) strong.push('subject');
  else if (AUTO_SUBJECT_ANYWHERE.test(subject)) weak.push('subject:phrase');
  if (READ_RECEIPT_SUBJECT.test(subject)) weak.push('subject:read-receipt');

  // Exchange puts X-Auto-Response-Suppress on plenty of ordinary mail sent by programs and
  // on meeting traffic, so alone it proves nothing; it counts together with another sign.
  if (
    headerValues(message, 'x-auto-response-suppress').some((v) =>
      /\b(?:all|oof|autoreply)\b/i.test(v),
    )
  ) {
    weak.push('x-auto-response-suppress');
  }
  if (headerValues(message, 'return-path').some((r) => /^<\s*>$/.test(r.trim())))
    weak.push('return-path:empty');
  const body = (message.text ?? '').slice(0, 2000);
  if (AUTO_BODY.test(body)) weak.push('body');
  if (strong.length) return [...new Set([...strong, ...weak])];
  return weak.length >= 2 ? weak : [];
}

// ---------------------------------------------------------------------------------------------
// Bounces

export interface BounceRecipient {
  address: string;
  /** Enhanced status code such as `5.1.1`, when stated. */
  status?: string;
  action?: string;
  diagnostic?: string;
  permanent: boolean;
}

export interface BounceInfo {
  recipients: BounceRecipient[];
  /** The first recipient's status, or the first status code found in the text. */
  status?: string;
  /** True for 5.x.x and `Action: failed`; false for 4.x.x and `Action: delayed`. */
  permanent: boolean;
  /** Normalised Message-ID of the message that failed, when the bounce carries it. */
  originalMessageId: string | null;
}

const STATUS_CODE = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;

/**
 * Reads a delivery status notification: failed recipients, status, permanence and the
 * original Message-ID (from an attached `message/rfc822` or `text/rfc822-headers` part, the
 * DSN fields, or the text). Returns null for a message that is not a bounce.
 */
export function extractBounce(message: InboundMessage): BounceInfo | null {
  if (classify(message).kind !== 'bounce') return null;
  const recipients: BounceRecipient[] = [];
  let envelopeId: string | null = null;
  for (const part of attachmentsOf(message)) {
    const type = part.contentType.toLowerCase();
    if (
      (type === 'message/delivery-status' || type === 'message/global-delivery-status') &&
      part.content
    ) {
      const parsed = parseDeliveryStatus(part.content);
      recipients.push(...parsed.recipients);
      envelopeId = envelopeId ?? parsed.envelopeId;
    }
  }
  const text = message.text ?? '';
  if (recipients.length === 0) {
    // mailparser without keepDeliveryStatus puts the DSN fields in the text.
    const parsed = parseDeliveryStatus(text);
    recipients.push(...parsed.recipients);
    envelopeId = envelopeId ?? parsed.envelopeId;
  }
  if (recipients.length === 0) {
    const failed = headerValues(message, 'x-failed-recipients')
      .flatMap((v) => v.split(','))
      .map((v) => normalizeAddress(v))
      .filter((v): v is string => !!v);
    const fromText = [...text.matchAll(/^\s*<([^<>\s]+@[^<>\s]+)>\s*[:(]/gm)].map((m) =>
      m[1].toLowerCase(),
    );
    const status = STATUS_CODE.exec(text)?.[0];
    for (const address of [...new Set([...failed, ...fromText])]) {
      recipients.push({ address, status, permanent: status ? status.startsWith('5') : true });
    }
  }
  const status = recipients.find((r) => r.status)?.status ?? STATUS_CODE.exec(text)?.[0];
  const permanent = recipients.length
    ? recipients.some((r) => r.permanent)
    : status
      ? status.startsWith('5')
      : !/\b(?:delay|delayed|tertunda|will (?:continue|retry))\b/i.test(
          text + ' ' + (message.subject ?? ''),
        );
  return {
    recipients,
    status,
    permanent,
    originalMessageId: originalMessageIdOf(message, envelopeId),
  };
}

function parseDeliveryStatus(content: string): {
  recipients: BounceRecipient[];
  envelopeId: string | null;
} {
  const groups = content.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/);
  const recipients: BounceRecipient[] = [];
  let envelopeId: string | null = null;
  for (const group of groups) {
    const fields = parseHeaderBlock(group.replace(/^\n+/, ''));
    const env = fields['original-envelope-id'];
    if (env && !envelopeId)
      envelopeId = normalizeMessageId(String(Array.isArray(env) ? env[0] : env));
    const rcpt = first(fields['final-recipient']) ?? first(fields['original-recipient']);
    if (!rcpt) continue;
    const address = normalizeAddress(rcpt.replace(/^[a-z0-9-]+;\s*/i, ''));
    if (!address) continue;
    const action = first(fields['action'])?.toLowerCase();
    const statusField = first(fields['status']);
    const status = statusField ? STATUS_CODE.exec(statusField)?.[0] : undefined;
    const diagnostic = first(fields['diagnostic-code'])?.replace(/^[a-z0-9-]+;\s*/i, '');
    const permanent = status ? status.startsWith('5') : action ? action === 'failed' : true;
    if (action === 'delivered' || action === 'relayed' || action === 'expanded') continue;
    recipients.push({ address, status, action, diagnostic, permanent });
  }
  return { recipients, envelopeId };
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function originalMessageIdOf(message: InboundMessage, envelopeId: string | null): string | null {
  const own = normalizeMessageId(message.messageId ?? headerValue(message, 'message-id'));
  for (const part of attachmentsOf(message)) {
    const type = part.contentType.toLowerCase();
    if (!part.content) continue;
    if (
      [
        'message/rfc822',
        'text/rfc822-headers',
        'message/global',
        'message/global-headers',
        'message/rfc822-headers',
      ].includes(type)
    ) {
      const headers = parseHeaderBlock(part.content);
      const id = normalizeMessageId(first(headers['message-id']));
      if (id && id !== own) return id;
    }
  }
  const fromText = [...(message.text ?? '').matchAll(/^\s*Message-ID:\s*(<[^<>\s]+>)/gim)]
    .map((m) => normalizeMessageId(m[1]))
    .find((id) => id && id !== own);
  if (fromText) return fromText;
  return envelopeId && envelopeId.includes('@') ? envelopeId : null;
}

// ---------------------------------------------------------------------------------------------
// Loops

export interface LoopGuardOptions {
  /** The value we put in X-Loop on everything we send, e.g. `helpdesk@diskominfos.baliprov.go.id`. */
  loopHeaderValue: string;
  /** Our mail domains, for recognising our own Message-IDs. */
  ourDomains?: readonly string[];
  /** Our own mailbox addresses; mail from them is our own. */
  ourAddresses?: readonly string[];
}

export interface LoopVerdict {
  loop: boolean;
  reason?: 'x-loop' | 'own-message-id' | 'own-address';
}

/** Detects our own mail coming back to us, which must be dropped, never answered. */
export function loopGuard(message: InboundMessage, options: LoopGuardOptions): LoopVerdict {
  const ours = options.loopHeaderValue.trim().toLowerCase();
  if (
    ours &&
    headerValues(message, 'x-loop').some(
      (v) =>
        v
          .toLowerCase()
          .split(/[\s,]+/)
          .includes(ours) || v.trim().toLowerCase() === ours,
    )
  ) {
    return { loop: true, reason: 'x-loop' };
  }
  const id = message.messageId ?? headerValue(message, 'message-id');
  if (parseOurMessageId(normalizeMessageId(id) ?? '', { domains: options.ourDomains })) {
    return { loop: true, reason: 'own-message-id' };
  }
  const from = senderAddress(message);
  if (from && (options.ourAddresses ?? []).some((a) => a.trim().toLowerCase() === from)) {
    return { loop: true, reason: 'own-address' };
  }
  return { loop: false };
}
