import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  ApplicationConfig,
  ErrorHandler,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { routes } from './app.routes';
import { authInterceptor } from './auth/auth.interceptor';
import { provideSigapIcons } from './shared/icons';
import { NotifyingErrorHandler } from './shared/problem';
import { prefetchQueueOnFirstNavigation } from './tickets/queue-prefetch';

export const appConfig: ApplicationConfig = {
  providers: [
    provideZonelessChangeDetection(),
    provideBrowserGlobalErrorListeners(),
    provideRouter(routes, withComponentInputBinding()),
    provideHttpClient(withInterceptors([authInterceptor])),
    provideSigapIcons(),
    provideAppInitializer(prefetchQueueOnFirstNavigation),
    { provide: ErrorHandler, useClass: NotifyingErrorHandler },
  ],
};
