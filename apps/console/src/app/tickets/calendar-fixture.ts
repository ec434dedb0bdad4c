import type { OfficeCalendarView } from '@sigap/contracts';

/**
 * Test data: the Bali office calendar as `GET /api/v1/calendars/bali` answers it (Perpres 21/2023
 * hours in WITA), with one office closure, for the countdown specs.
 */
export const BALI_CALENDAR: OfficeCalendarView = {
  office: 'bali',
  officeName: 'Diskominfos Provinsi Bali',
  region: 'ID-BA',
  timeZone: 'Asia/Makassar',
  zoneAbbreviation: 'WITA',
  version: 'v1',
  week: {
    mon: [
      { start: '07:30', end: '12:00' },
      { start: '13:00', end: '16:00' },
    ],
    tue: [
      { start: '07:30', end: '12:00' },
      { start: '13:00', end: '16:00' },
    ],
    wed: [
      { start: '07:30', end: '12:00' },
      { start: '13:00', end: '16:00' },
    ],
    thu: [
      { start: '07:30', end: '12:00' },
      { start: '13:00', end: '16:00' },
    ],
    fri: [
      { start: '07:30', end: '11:30' },
      { start: '13:00', end: '16:30' },
    ],
  },
  variants: [],
  year: 2026,
  closures: [
    {
      id: 'c-1',
      layer: 'office',
      scope: 'bali',
      date: '2026-03-13',
      name: 'Penutupan kantor',
      type: 'penutupan-kantor',
      source: 'Surat edaran',
      from: null,
      to: null,
      prefilled: false,
      confirmed: true,
      updatedAt: '2026-01-05T00:00:00.000Z',
    },
  ],
  canEdit: false,
  canEditShared: false,
};

/** A local WITA (UTC+8) wall time as epoch milliseconds. */
export function wita(local: string): number {
  return Date.parse(`${local}+08:00`);
}
