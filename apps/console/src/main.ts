import { bootstrapApplication } from '@angular/platform-browser';
import { AppComponent } from './app/app.component';
import { appConfig } from './app/app.config';

bootstrapApplication(AppComponent, appConfig).catch((error: unknown) => {
  console.error(error);
  document.body.textContent =
    'Sigap gagal dimuat. Muat ulang halaman. / Sigap failed to start. Reload the page.';
});
