import {
  DEFAULT_PRIORITY_CELLS,
  DEFAULT_PRIORITY_TARGETS,
  type ItServiceView,
  type PositionView,
  type PriorityMatrixView,
} from '@sigap/contracts';

/** Test data shaped like the API's answers for Tebing Tinggi's IT services. */
export const WEB: ItServiceView = {
  id: 's-1',
  office: 'tebingtinggi',
  code: 'web-pemko',
  name: 'Website Pemerintah Kota Tebing Tinggi',
  description: null,
  kind: 'website',
  ownerPosition: 'tim-teknis-kominfo',
  dependentOpdIds: [],
  criticality: 'tinggi',
  supportHours: 'office',
  publicStatus: true,
  status: 'active',
  retiredAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

export const SERVER: ItServiceView = {
  ...WEB,
  id: 's-2',
  code: 'server-pemko',
  name: 'Ruang Server Pemko',
  kind: 'data-centre',
  supportHours: '24x7',
  publicStatus: false,
};

export const MATRIX: PriorityMatrixView = {
  office: 'tebingtinggi',
  cells: [...DEFAULT_PRIORITY_CELLS],
  targets: [...DEFAULT_PRIORITY_TARGETS],
  isDefault: true,
  updatedAt: null,
};

export const POSITIONS: PositionView[] = [
  {
    id: 'p-1',
    office: 'tebingtinggi',
    code: 'tim-teknis-kominfo',
    name: 'Tim Teknis Kominfo',
    reportsToId: null,
    requesterSide: false,
    holders: [],
  },
  {
    id: 'p-2',
    office: 'tebingtinggi',
    code: 'opd-pemohon',
    name: 'OPD pemohon',
    reportsToId: null,
    requesterSide: true,
    holders: [],
  },
];
