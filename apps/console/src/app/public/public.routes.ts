import type { Routes } from '@angular/router';

const layout = () => import('./public-layout.component').then((m) => m.PublicLayoutComponent);

/**
 * The public pages (no sign-in), outside the agent console's shell: `/standar-pelayanan`,
 * `/standar-pelayanan/:office`, `/standar-pelayanan/:office/:code`, `/status-layanan`, `/pengaduan` and `/lacak` (paste a tracking link). Only this
 * configuration is loaded with the app; the pages themselves are loaded when visited.
 */
export const PUBLIC_ROUTES: Routes = [
  {
    path: 'standar-pelayanan',
    loadComponent: layout,
    children: [
      {
        path: '',
        title: 'Standar Pelayanan · Sigap',
        loadComponent: () => import('./offices.page').then((m) => m.PublicOfficesPage),
      },
      {
        path: ':office',
        title: 'Standar Pelayanan · Sigap',
        loadComponent: () => import('./office.page').then((m) => m.PublicOfficePage),
      },
      {
        path: ':office/:code',
        title: 'Standar Pelayanan · Sigap',
        loadComponent: () => import('./service.page').then((m) => m.PublicServicePage),
      },
    ],
  },
  {
    path: 'status-layanan',
    loadComponent: layout,
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'Status layanan · Sigap',
        loadComponent: () => import('./status.page').then((m) => m.PublicStatusPage),
      },
    ],
  },
  {
    path: 'lacak',
    loadComponent: layout,
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'Lacak permohonan · Sigap',
        loadComponent: () => import('../portal/track.page').then((m) => m.PortalTrackFindPage),
      },
    ],
  },
  {
    path: 'pengaduan',
    loadComponent: layout,
    children: [
      {
        path: '',
        title: 'Pengaduan · Sigap',
        loadComponent: () => import('./complaint.page').then((m) => m.ComplaintPage),
      },
    ],
  },
];
