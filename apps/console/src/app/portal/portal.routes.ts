import type { Routes } from '@angular/router';
import { portalSessionGuard } from './portal.guard';

/** The requester portal under `/portal` (its own frame, its own session). */
export const portalRoutes: Routes = [
  {
    path: '',
    loadComponent: () => import('./portal-layout.component').then((m) => m.PortalLayoutComponent),
    children: [
      {
        path: 'masuk',
        title: 'Masuk · Portal Layanan OPD',
        loadComponent: () => import('./sign-in.page').then((m) => m.PortalSignInPage),
      },
      {
        path: '',
        pathMatch: 'full',
        canActivate: [portalSessionGuard],
        title: 'Permohonan · Portal Layanan OPD',
        loadComponent: () => import('./requests.page').then((m) => m.PortalRequestsPage),
      },
      {
        path: 'ajukan',
        canActivate: [portalSessionGuard],
        title: 'Ajukan permohonan · Portal Layanan OPD',
        loadComponent: () => import('./new-request.page').then((m) => m.PortalNewRequestPage),
      },
      {
        path: 'permohonan/:number',
        canActivate: [portalSessionGuard],
        title: 'Permohonan · Portal Layanan OPD',
        loadComponent: () => import('./request.page').then((m) => m.PortalRequestPage),
      },
    ],
  },
];
