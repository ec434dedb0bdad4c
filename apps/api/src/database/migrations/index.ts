import { InitialSchema1763900000000 } from './1763900000000-initial-schema';
import { Calendars1763900100000 } from './1763900100000-calendars';
import { Tickets1763900200000 } from './1763900200000-tickets';
import { MailDelivery1763900300000 } from './1763900300000-mail-delivery';
import { ContactBounces1763900600000 } from './1763900600000-contact-bounces';

/** All migrations in order; listed explicitly so the webpack bundle carries them. */
export const MIGRATIONS = [
  InitialSchema1763900000000,
  Calendars1763900100000,
  Tickets1763900200000,
  MailDelivery1763900300000,
  ContactBounces1763900600000,
];
