import type {
  ChangeApprovalPolicyView,
  ChangeCalendarEntry,
  ChangeView,
  CurrentUser,
  TicketDetail,
} from '@sigap/contracts';
import { AGENT } from '../../testing/fixtures';

/** Test data shaped like the API's answers for Tebing Tinggi's changes. */
export const POLICY: ChangeApprovalPolicyView = {
  office: 'tebingtinggi',
  rules: [
    { risk: 'rendah', approvers: [{ position: 'kabid-tik', time: '1 hari' }] },
    { risk: 'sedang', approvers: [{ position: 'kabid-tik', time: '1 hari' }] },
    {
      risk: 'tinggi',
      approvers: [
        { position: 'kabid-tik', time: '1 hari' },
        { position: 'kadis', time: '2 hari' },
      ],
    },
  ],
  isDefault: false,
  updatedAt: '2026-12-01T00:00:00.000Z',
};

export const CHANGE_TICKET = {
  number: 'PRBTT-2026-000001',
  office: 'tebingtinggi',
  kind: 'change',
  service: null,
  version: 4,
  allowedActions: [],
} as unknown as TicketDetail;

export const CHANGE: ChangeView = {
  number: 'PRBTT-2026-000001',
  office: 'tebingtinggi',
  subject: 'Membuka port 443 untuk aplikasi perizinan',
  state: 'awaiting-approval',
  risk: 'tinggi',
  rollbackPlan: 'Pulihkan konfigurasi firewall dari cadangan.',
  plannedStart: '2026-12-12T14:00:00.000Z',
  plannedEnd: '2026-12-12T16:00:00.000Z',
  services: [{ code: 'web-pemko', name: 'Website Pemerintah Kota Tebing Tinggi' }],
  approvals: [
    {
      order: 1,
      position: 'kabid-tik',
      positionName: 'Kepala Bidang TIK',
      time: '1 hari',
      status: 'approved',
      decidedBy: 'u-9',
      decidedByName: 'Made Suarta',
      decidedAt: '2026-12-07T03:00:00.000Z',
      reason: 'Sudah diuji.',
      dueAt: '2026-12-08T02:00:00.000Z',
      mayDecide: false,
    },
    {
      order: 2,
      position: 'kadis',
      positionName: 'Kepala Dinas',
      time: '2 hari',
      status: 'active',
      decidedBy: null,
      decidedByName: null,
      decidedAt: null,
      reason: null,
      dueAt: '2026-12-09T03:00:00.000Z',
      mayDecide: true,
    },
  ],
  overlaps: [
    {
      number: 'PRBTT-2026-000002',
      subject: 'Pembaruan server web',
      plannedStart: '2026-12-12T15:00:00.000Z',
      plannedEnd: '2026-12-12T17:00:00.000Z',
      services: ['web-pemko'],
    },
  ],
  actualStart: null,
  actualEnd: null,
  result: null,
  implementationNote: null,
  reviewNote: null,
  reviewedAt: null,
  incidents: [],
  version: 4,
};

export const CALENDAR: ChangeCalendarEntry[] = [
  {
    number: 'PRBTT-2026-000001',
    subject: CHANGE.subject,
    state: 'awaiting-approval',
    risk: 'tinggi',
    plannedStart: CHANGE.plannedStart,
    plannedEnd: CHANGE.plannedEnd,
    services: CHANGE.services,
    overlaps: CHANGE.overlaps,
  },
  {
    number: 'PRBTT-2026-000003',
    subject: 'Penggantian switch lantai 2',
    state: 'approved',
    risk: 'rendah',
    plannedStart: '2026-12-20T01:00:00.000Z',
    plannedEnd: '2026-12-20T02:00:00.000Z',
    services: [{ code: 'jaringan', name: 'Jaringan intra' }],
    overlaps: [],
  },
];

/** The head of office: a manager holding `kadis`. */
export const KADIS: CurrentUser = {
  ...AGENT,
  id: 'u-5',
  name: 'Kadis Kominfo',
  roles: ['manager'],
  positions: ['kadis'],
};
