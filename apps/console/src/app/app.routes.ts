import type { Routes } from '@angular/router';
import { rolesGuard } from './admin/admin.guard';
import { adminGuard, authGuard, guestGuard, homeRedirect } from './auth/auth.guard';
import { PUBLIC_ROUTES } from './public/public.routes';
import { firstRunGuard } from './setup/first-run.guard';

export const routes: Routes = [
  ...PUBLIC_ROUTES,
  {
    path: 'survei/:token',
    title: 'Survei Kepuasan · Sigap',
    loadComponent: () => import('./survey/survey.page').then((m) => m.SurveyPage),
  },
  {
    path: 'portal',
    loadChildren: () => import('./portal/portal.routes').then((m) => m.portalRoutes),
  },
  {
    path: 'lacak/:token',
    title: 'Lacak permohonan · Sigap',
    loadComponent: () => import('./portal/track.page').then((m) => m.PortalTrackPage),
  },
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
      { path: '', pathMatch: 'full', redirectTo: homeRedirect },
      {
        path: 'katalog',
        pathMatch: 'full',
        canActivate: [firstRunGuard],
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
        path: 'katalog/:office/:code/ubah',
        canActivate: [adminGuard],
        title: 'Ubah layanan · Sigap',
        loadComponent: () =>
          import('./catalog/service-editor.page').then((m) => m.ServiceEditorPage),
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
        path: 'tiket/gangguan-baru',
        canActivate: [rolesGuard('admin', 'agent')],
        title: 'Gangguan baru · Sigap',
        loadComponent: () =>
          import('./it-services/new-incident.page').then((m) => m.NewIncidentPage),
      },
      {
        path: 'tiket/perubahan-baru',
        canActivate: [rolesGuard('admin', 'agent')],
        title: 'Ajukan perubahan · Sigap',
        loadComponent: () => import('./changes/new-change.page').then((m) => m.NewChangePage),
      },
      {
        path: 'perubahan',
        title: 'Kalender perubahan · Sigap',
        loadComponent: () =>
          import('./changes/change-calendar.page').then((m) => m.ChangeCalendarPage),
      },
      {
        path: 'admin/persetujuan-perubahan',
        canActivate: [rolesGuard('admin', 'manager', 'agent')],
        title: 'Persetujuan perubahan · Sigap',
        loadComponent: () => import('./changes/change-policy.page').then((m) => m.ChangePolicyPage),
      },
      {
        path: 'tiket/jawaban',
        title: 'Jawaban siap pakai · Sigap',
        loadComponent: () =>
          import('./tickets/canned-responses.page').then((m) => m.CannedResponsesPage),
      },
      {
        path: 'tiket/:number',
        title: 'Tiket · Sigap',
        loadComponent: () => import('./tickets/workspace.page').then((m) => m.WorkspacePage),
      },
      {
        path: 'dasbor',
        // The admins' start page: the first-run set-up leads from here too.
        canActivate: [rolesGuard('admin', 'manager', 'agent', 'executor'), firstRunGuard],
        title: 'Dasbor SLA · Sigap',
        loadComponent: () => import('./dashboard/dashboard.page').then((m) => m.DashboardPage),
      },
      {
        path: 'laporan',
        canActivate: [rolesGuard('admin', 'manager')],
        title: 'Laporan Evaluasi · Sigap',
        loadComponent: () =>
          import('./reports/evaluation-report.page').then((m) => m.EvaluationReportPage),
      },
      {
        path: 'admin/pengguna',
        canActivate: [rolesGuard('admin', 'manager')],
        title: 'Pengguna · Sigap',
        loadComponent: () => import('./admin/users.page').then((m) => m.UsersPage),
      },
      {
        path: 'penyiapan',
        canActivate: [adminGuard],
        title: 'Penyiapan · Sigap',
        loadComponent: () => import('./setup/setup.page').then((m) => m.SetupPage),
      },
      {
        path: 'admin/kantor',
        canActivate: [adminGuard],
        title: 'Kantor · Sigap',
        loadComponent: () => import('./admin/offices.page').then((m) => m.OfficesPage),
      },
      {
        path: 'admin/jabatan',
        canActivate: [rolesGuard('admin', 'manager')],
        title: 'Jabatan · Sigap',
        loadComponent: () => import('./admin/positions.page').then((m) => m.PositionsPage),
      },
      {
        path: 'admin/opd',
        canActivate: [rolesGuard('admin', 'manager', 'agent')],
        title: 'OPD · Sigap',
        loadComponent: () => import('./admin/opds.page').then((m) => m.OpdsPage),
      },
      {
        path: 'tinjauan',
        canActivate: [rolesGuard('admin', 'manager')],
        title: 'Tinjauan layanan · Sigap',
        loadComponent: () => import('./reviews/reviews.page').then((m) => m.ReviewsPage),
      },
      {
        path: 'masalah',
        canActivate: [rolesGuard('admin', 'manager', 'agent')],
        title: 'Masalah · Sigap',
        loadComponent: () => import('./it-services/problems.page').then((m) => m.ProblemsPage),
      },
      {
        path: 'masalah/:id',
        canActivate: [rolesGuard('admin', 'manager', 'agent')],
        title: 'Masalah · Sigap',
        loadComponent: () =>
          import('./it-services/problem-detail.page').then((m) => m.ProblemDetailPage),
      },
      {
        path: 'admin/layanan-ti',
        canActivate: [rolesGuard('admin', 'manager', 'agent')],
        title: 'Layanan TI · Sigap',
        loadComponent: () => import('./it-services/it-services.page').then((m) => m.ItServicesPage),
      },
      {
        path: 'admin/karantina',
        canActivate: [rolesGuard('admin')],
        title: 'Karantina e-mail · Sigap',
        loadComponent: () => import('./admin/quarantine.page').then((m) => m.QuarantinePage),
      },
      {
        path: 'admin/kotak-surat',
        canActivate: [rolesGuard('admin')],
        title: 'Kotak surat · Sigap',
        loadComponent: () => import('./admin/mailboxes.page').then((m) => m.MailboxesPage),
      },
      {
        path: 'admin/token-api',
        canActivate: [rolesGuard('admin')],
        title: 'Token API · Sigap',
        loadComponent: () => import('./admin/api-tokens.page').then((m) => m.ApiTokensPage),
      },
      {
        path: 'admin/webhook',
        canActivate: [rolesGuard('admin')],
        title: 'Webhook · Sigap',
        loadComponent: () => import('./admin/webhooks.page').then((m) => m.WebhooksPage),
      },
      {
        path: 'admin/kotak-keluar',
        canActivate: [rolesGuard('admin')],
        title: 'Kotak keluar · Sigap',
        loadComponent: () => import('./admin/outbox.page').then((m) => m.OutboxPage),
      },
      {
        path: 'admin/penanda-tangan',
        canActivate: [rolesGuard('admin')],
        title: 'Penanda tangan laporan · Sigap',
        loadComponent: () => import('./admin/report-signer.page').then((m) => m.ReportSignerPage),
      },
      {
        path: 'admin/templat-email',
        canActivate: [rolesGuard('admin')],
        title: 'Templat e-mail · Sigap',
        loadComponent: () => import('./admin/templates.page').then((m) => m.TemplatesPage),
      },
      { path: '**', redirectTo: homeRedirect },
    ],
  },
];
