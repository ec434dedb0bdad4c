/**
 * Settings of outgoing mail derived from the configuration: the domain of our Message-IDs and
 * the key of the hidden ticket marker.
 */
import { ConfigError, type AppConfig } from '@sigap/api-config';

/** The address inside `SIGAP_MAIL_FROM` (`"Name" <a@b>` or `a@b`). */
export function mailFromAddress(from: string): string {
  const match =
    /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(from) ?? /^\s*([^<>\s"]+@[^<>\s"]+)\s*$/.exec(from);
  if (!match) {
    throw new ConfigError(
      `SIGAP_MAIL_FROM tidak valid: "${from}" tidak memuat alamat e-mail (contoh: "Sigap Diskominfo" <helpdesk@example.go.id>)`,
    );
  }
  return match[1];
}

/** Domain of our Message-IDs: the domain of the From address. */
export function mailDomain(config: AppConfig): string {
  const domain = mailFromAddress(config.mailFrom).split('@')[1].toLowerCase();
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/.test(domain)) {
    throw new ConfigError(
      `SIGAP_MAIL_FROM tidak valid: domain "${domain}" harus nama domain lengkap (mis. example.go.id)`,
    );
  }
  return domain;
}
