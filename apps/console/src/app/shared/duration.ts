import type { Duration } from '@sigap/standards';
import type { MessageKey } from '../i18n/id';
import type { MessageParams } from '../i18n/i18n.service';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * A parsed duration in words: "1–2 bulan", "2 hari kerja sejak berkas lengkap", "30 minutes".
 * `locale` only decides English singulars ("1 hour").
 */
export function describeDuration(duration: Duration, t: Translate, locale: 'id' | 'en'): string {
  const unitKey: MessageKey =
    duration.unit === 'day' && duration.basis === 'calendar'
      ? 'duration.day.calendar'
      : `duration.${duration.unit}`;
  let unit = t(unitKey);
  if (locale === 'en' && duration.max === 1) unit = unit.replace(/s$/, '');
  const amount =
    duration.min === duration.max ? `${duration.min}` : `${duration.min}–${duration.max}`;
  const start =
    duration.startsWhen === 'complete'
      ? ` ${t('duration.fromComplete')}`
      : duration.startsWhen === 'received'
        ? ` ${t('duration.fromReceived')}`
        : '';
  return `${amount} ${unit}${start}`;
}
