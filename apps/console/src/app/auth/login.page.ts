import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router } from '@angular/router';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import { LanguageSwitchComponent } from '../layout/language-switch.component';
import { ErrorNotifier } from '../shared/problem';
import { RETURN_PARAM } from './auth.interceptor';
import { homeFor } from './home';
import { AuthService } from './auth.service';

/** Seconds to wait after a 429: the Retry-After header, else 60. */
export function retryAfterSeconds(error: HttpErrorResponse): number {
  const header = error.headers?.get('Retry-After');
  const seconds = header === null || header === undefined ? NaN : Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = header ? Date.parse(header) : NaN;
  if (Number.isFinite(date)) return Math.max(1, Math.ceil((date - Date.now()) / 1000));
  return 60;
}

type LoginError = { kind: 'credentials' } | { kind: 'throttled'; until: number } | null;

@Component({
  selector: 'sg-login-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    TranslatePipe,
    LanguageSwitchComponent,
  ],
  template: `
    <main class="login">
      <mat-card class="login-card" appearance="outlined">
        <div class="brand">
          <span class="brand-mark" aria-hidden="true">S</span>
          <div>
            <h1>{{ 'login.title' | t }}</h1>
            <p class="muted">{{ 'app.tagline' | t }}</p>
          </div>
        </div>
        @if (expired()) {
          <p class="notice" role="status">{{ 'login.expired' | t }}</p>
        }
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'login.email' | t }}</mat-label>
            <input matInput type="email" formControlName="email" autocomplete="username" />
            @if (form.controls.email.hasError('required')) {
              <mat-error>{{ 'login.emailRequired' | t }}</mat-error>
            } @else if (form.controls.email.hasError('email')) {
              <mat-error>{{ 'login.emailInvalid' | t }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'login.password' | t }}</mat-label>
            <input
              matInput
              type="password"
              formControlName="password"
              autocomplete="current-password"
            />
            @if (form.controls.password.hasError('required')) {
              <mat-error>{{ 'login.passwordRequired' | t }}</mat-error>
            }
          </mat-form-field>
          @if (errorText(); as text) {
            <p class="form-error" role="alert" data-test="login-error">{{ text }}</p>
          }
          <button mat-flat-button type="submit" [disabled]="busy() || throttled()">
            {{ (busy() ? 'login.submitting' : 'login.submit') | t }}
          </button>
        </form>
        <div class="login-footer"><sg-language-switch /></div>
      </mat-card>
    </main>
  `,
  styles: `
    .login {
      min-height: 100dvh;
      display: grid;
      place-items: center;
      padding: 16px;
      background: var(--sg-page-bg);
    }
    .login-card {
      width: min(420px, 100%);
      padding: 24px;
    }
    .brand {
      display: flex;
      gap: 16px;
      align-items: center;
      margin-bottom: 16px;
    }
    h1 {
      font: var(--mat-sys-headline-small);
      margin: 0;
    }
    form {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .form-error {
      color: var(--mat-sys-error);
      margin: 0 0 12px;
    }
    .notice {
      background: var(--mat-sys-secondary-container);
      padding: 8px 12px;
      border-radius: 8px;
    }
    .login-footer {
      margin-top: 16px;
      display: flex;
      justify-content: flex-end;
    }
  `,
})
export class LoginPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly i18n = inject(I18nService);
  private readonly notifier = inject(ErrorNotifier);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly busy = signal(false);
  private readonly error = signal<LoginError>(null);
  private readonly now = signal(Date.now());
  protected readonly expired = signal(this.route.snapshot.queryParamMap.get('sesi') === 'berakhir');

  protected readonly throttled = computed(() => {
    const error = this.error();
    return error?.kind === 'throttled' && error.until > this.now();
  });

  protected readonly errorText = computed(() => {
    const error = this.error();
    if (!error) return null;
    if (error.kind === 'credentials') return this.i18n.t('login.badCredentials');
    const seconds = Math.max(0, Math.ceil((error.until - this.now()) / 1000));
    return seconds > 0 ? this.i18n.t('login.tooMany', { seconds }) : null;
  });

  private ticker: ReturnType<typeof setInterval> | null = null;

  constructor() {
    this.destroyRef.onDestroy(() => this.stopTicker());
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.expired.set(false);
    this.auth.login(this.form.getRawValue()).subscribe({
      next: (user) => {
        this.busy.set(false);
        const back = this.route.snapshot.queryParamMap.get(RETURN_PARAM);
        const target =
          back && back.startsWith('/') && !back.startsWith('//') ? back : homeFor(user.roles);
        void this.router.navigateByUrl(target);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        if (error instanceof HttpErrorResponse && error.status === 401) {
          this.error.set({ kind: 'credentials' });
        } else if (error instanceof HttpErrorResponse && error.status === 429) {
          this.now.set(Date.now());
          this.error.set({
            kind: 'throttled',
            until: Date.now() + retryAfterSeconds(error) * 1000,
          });
          this.startTicker();
        } else {
          this.notifier.show(error);
        }
      },
    });
  }

  private startTicker(): void {
    this.stopTicker();
    this.ticker = setInterval(() => {
      this.now.set(Date.now());
      if (!this.throttled()) this.stopTicker();
    }, 1000);
  }

  private stopTicker(): void {
    if (this.ticker !== null) clearInterval(this.ticker);
    this.ticker = null;
  }
}
