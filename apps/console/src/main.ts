import { bootstrapApplication } from '@angular/platform-browser';
import { AppComponent } from './app/app.component';
import { appConfig } from './app/app.config';

// The queue is where agents land: its code starts loading with the app's, not after the router
// has got to it (the router then finds the same modules already on their way).
if (location.pathname === '/tiket') {
  void import('./app/layout/shell.component').catch(() => undefined);
  void import('./app/tickets/queue.page').catch(() => undefined);
}

bootstrapApplication(AppComponent, appConfig).catch((error: unknown) => {
  console.error(error);
  document.body.textContent =
    'Sigap gagal dimuat. Muat ulang halaman. / Sigap failed to start. Reload the page.';
});
