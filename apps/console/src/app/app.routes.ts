import type { Routes } from '@angular/router';
import { rolesGuard } from './admin/admin.guard';
import { adminGuard, authGuard, guestGuard } from './auth/auth.guard';

export const routes: Routes = [
  {
    path: 'masuk',
    canActivate: [guestGuard],
    title: 'Masuk · Sigap',
    loadComponent: () => import('./auth/login.page').then((m) => m.LoginPage),
  },
  {
    path: '',
    loadComponent: () => import('./layout/shell.component').then((m) => m.ShellComponent),
    canActivate: [authGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'katalog' },
      {
        path: 'katalog',
        pathMatch: 'full',
        title: 'Katalog · Sigap',
        loadComponent: () => import('./catalog/services-list.page').then((m) => m.ServicesListPage),
      },
      {
        path: 'katalog/impor',
        canActivate: [adminGuard],
        title: 'Impor standar · Sigap',
        loadComponent: () => import('./catalog-import/import.page').then((m) => m.ImportPage),
      },
      {
        path: 'katalog/:office/:code',
        title: 'Layanan · Sigap',
        loadComponent: () => import('./catalog/service.page').then((m) => m.ServicePage),
      },
      {
        path: 'kalender',
        title: 'Kalender kerja · Sigap',
        loadComponent: () => import('./calendars/calendar.page').then((m) => m.CalendarPage),
      },
      {
        path: 'kalender/:office',
        title: 'Kalender kerja · Sigap',
        loadComponent: () => import('./calendars/calendar.page').then((m) => m.CalendarPage),
      },
      {
        path: 'tiket',
        pathMatch: 'full',
        title: 'Tiket · Sigap',
        loadComponent: () => import('./tickets/queue.page').then((m) => m.QueuePage),
      },
      {
        path: 'tiket/baru',
        title: 'Tiket baru · Sigap',
        loadComponent: () => import('./tickets/open-ticket.page').then((m) => m.OpenTicketPage),
      },
      {
        path: 'tiket/:number',
        title: 'Tiket · Sigap',
        loadComponent: () => import('./tickets/workspace.page').then((m) => m.WorkspacePage),
      },
      {
        path: 'admin/pengguna',
        canActivate: [rolesGuard('admin', 'manager')],
        title: 'Pengguna · Sigap',
        loadComponent: () => import('./admin/users.page').then((m) => m.UsersPage),
      },
      {
        path: 'admin/opd',
        canActivate: [rolesGuard('admin', 'manager', 'agent')],
        title: 'OPD · Sigap',
        loadComponent: () => import('./admin/opds.page').then((m) => m.OpdsPage),
      },
      {
        path: 'admin/karantina',
        canActivate: [rolesGuard('admin')],
        title: 'Karantina e-mail · Sigap',
        loadComponent: () => import('./admin/quarantine.page').then((m) => m.QuarantinePage),
      },
      {
        path: 'admin/templat-email',
        canActivate: [rolesGuard('admin')],
        title: 'Templat e-mail · Sigap',
        loadComponent: () => import('./admin/templates.page').then((m) => m.TemplatesPage),
      },
      { path: '**', redirectTo: 'katalog' },
    ],
  },
];
