import { HttpErrorResponse } from '@angular/common/http';
import type { AuthMethods, CurrentUser } from '@sigap/contracts';
import type { Observable } from 'rxjs';
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

type LoginError =
  { kind: 'credentials' } | { kind: 'sso' } | { kind: 'throttled'; until: number } | null;

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
        @if (exchanging()) {
          <p class="notice" role="status">{{ 'login.ssoBusy' | t }}</p>
        }
        @if (methods().oidc; as oidc) {
          <a mat-flat-button class="sso" [href]="oidc.loginUrl" data-test="login-sso">
            {{ 'login.sso' | t }}
          </a>
          @if (showForm()) {
            <p class="or muted">{{ 'login.or' | t }}</p>
          }
        }
        @if (!showForm() && errorText(); as text) {
          <p class="form-error" role="alert" data-test="login-error">{{ text }}</p>
        }
        @if (showForm()) {
          <form [formGroup]="form" (ngSubmit)="submit()" novalidate data-test="login-form">
            @if (mode() === 'ldap') {
              <mat-form-field appearance="outline">
                <mat-label>{{ 'login.username' | t }}</mat-label>
                <input matInput type="text" formControlName="username" autocomplete="username" />
                @if (form.controls.username.hasError('required')) {
                  <mat-error>{{ 'login.usernameRequired' | t }}</mat-error>
                }
              </mat-form-field>
            } @else {
              <mat-form-field appearance="outline">
                <mat-label>{{ 'login.email' | t }}</mat-label>
                <input matInput type="email" formControlName="email" autocomplete="username" />
                @if (form.controls.email.hasError('required')) {
                  <mat-error>{{ 'login.emailRequired' | t }}</mat-error>
                } @else if (form.controls.email.hasError('email')) {
                  <mat-error>{{ 'login.emailInvalid' | t }}</mat-error>
                }
              </mat-form-field>
            }
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
            @if (methods().local && methods().ldap) {
              <button mat-button type="button" (click)="switchMode()" data-test="login-switch">
                {{ (mode() === 'ldap' ? 'login.useLocal' : 'login.useLdap') | t }}
              </button>
            }
          </form>
        }
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
    .sso {
      width: 100%;
    }
    .or {
      text-align: center;
      margin: 12px 0;
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
    username: [''],
    password: ['', Validators.required],
  });
  /** What the installation offers; until the answer comes, the password form. */
  protected readonly methods = signal<AuthMethods>({ local: true, oidc: null, ldap: false });
  protected readonly mode = signal<'local' | 'ldap'>('local');
  protected readonly showForm = computed(() => this.methods().local || this.methods().ldap);
  protected readonly exchanging = signal(false);
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
    if (error.kind === 'credentials') {
      return this.i18n.t(
        this.mode() === 'ldap' ? 'login.badDirectoryCredentials' : 'login.badCredentials',
      );
    }
    if (error.kind === 'sso') return this.i18n.t('login.ssoFailed');
    const seconds = Math.max(0, Math.ceil((error.until - this.now()) / 1000));
    return seconds > 0 ? this.i18n.t('login.tooMany', { seconds }) : null;
  });

  private ticker: ReturnType<typeof setInterval> | null = null;

  constructor() {
    this.destroyRef.onDestroy(() => this.stopTicker());
    this.auth.methods().subscribe({
      next: (methods) => {
        this.methods.set(methods);
        if (!methods.local && methods.ldap) this.setMode('ldap');
      },
      // Without an answer the password form stays: the server still decides.
      error: () => undefined,
    });
    const code = this.route.snapshot.queryParamMap.get('sso');
    if (code) this.exchange(code);
  }

  protected switchMode(): void {
    this.setMode(this.mode() === 'ldap' ? 'local' : 'ldap');
  }

  private setMode(mode: 'local' | 'ldap'): void {
    this.mode.set(mode);
    this.error.set(null);
    const { email, username } = this.form.controls;
    email.setValidators(mode === 'local' ? [Validators.required, Validators.email] : []);
    username.setValidators(mode === 'ldap' ? [Validators.required] : []);
    email.updateValueAndValidity();
    username.updateValueAndValidity();
  }

  /** Finishes a single sign-on the API's callback sent here with a one-time code. */
  private exchange(code: string): void {
    this.exchanging.set(true);
    this.auth.exchangeSso(code).subscribe({
      next: (user) => {
        this.exchanging.set(false);
        void this.router.navigateByUrl(homeFor(user.roles));
      },
      error: () => {
        this.exchanging.set(false);
        this.error.set({ kind: 'sso' });
        void this.router.navigate([], { queryParams: { sso: null }, replaceUrl: true });
      },
    });
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.expired.set(false);
    const { email, username, password } = this.form.getRawValue();
    const signIn: Observable<CurrentUser> =
      this.mode() === 'ldap'
        ? this.auth.ldapLogin({ username: username.trim(), password })
        : this.auth.login({ email, password });
    signIn.subscribe({
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
