import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router } from '@angular/router';
import { HttpErrorResponse } from '@angular/common/http';
import { TranslatePipe } from '../i18n/i18n.service';
import { PortalApi } from './portal.api';

/**
 * `/portal/masuk`: asks for a sign-in link; opened from the e-mail (`?token=`), spends the token
 * with a POST (a mail scanner that follows the link with GET spends nothing) and goes on.
 */
@Component({
  selector: 'sg-portal-sign-in',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslatePipe,
  ],
  template: `
    <section class="card">
      <h1>{{ 'portal.signIn.title' | t }}</h1>
      @if (checking()) {
        <p role="status">{{ 'portal.signIn.checking' | t }}</p>
      } @else {
        @if (problem(); as key) {
          <p class="error" role="alert" data-test="portal-sign-in-error">{{ key | t }}</p>
        }
        @if (sent(); as message) {
          <div class="sent" role="status" data-test="portal-link-sent">
            <h2>{{ 'portal.signIn.sent' | t }}</h2>
            <p>{{ message }}</p>
          </div>
        } @else {
          <p>{{ 'portal.signIn.intro' | t }}</p>
          <form (submit)="send($event)" novalidate>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'portal.signIn.email' | t }}</mat-label>
              <input
                matInput
                type="email"
                autocomplete="email"
                [formControl]="email"
                data-test="portal-email"
                required
              />
              @if (email.invalid && email.touched) {
                <mat-error>{{ 'portal.signIn.emailInvalid' | t }}</mat-error>
              }
            </mat-form-field>
            <button mat-flat-button type="submit" [disabled]="busy()" data-test="portal-send-link">
              {{ 'portal.signIn.send' | t }}
            </button>
          </form>
        }
      }
    </section>
  `,
  styles: `
    .card {
      max-width: 520px;
      margin: 24px auto;
    }
    form {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .error {
      color: var(--mat-sys-error);
    }
    .sent {
      padding: 12px 16px;
      border-left: 4px solid var(--mat-sys-primary);
      background: var(--mat-sys-surface-container);
    }
  `,
})
export class PortalSignInPage implements OnInit {
  private readonly route = inject(ActivatedRoute);
  private readonly api = inject(PortalApi);
  private readonly router = inject(Router);

  protected readonly email = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.email, Validators.maxLength(254)],
  });
  protected readonly checking = signal(false);
  protected readonly busy = signal(false);
  protected readonly sent = signal<string | null>(null);
  protected readonly problem = signal<
    'portal.signIn.linkInvalid' | 'portal.signIn.rateLimited' | 'portal.loadFailed' | null
  >(null);

  async ngOnInit(): Promise<void> {
    // The e-mailed token (`?token=`).
    const token = this.route.snapshot.queryParamMap.get('token');
    if (!token) return;
    this.checking.set(true);
    try {
      await this.api.signIn(token);
      // The token leaves the address bar and the history.
      await this.router.navigate(['/portal'], { replaceUrl: true });
    } catch {
      this.problem.set('portal.signIn.linkInvalid');
      await this.router.navigate([], { queryParams: {}, replaceUrl: true });
    } finally {
      this.checking.set(false);
    }
  }

  protected async send(event?: Event): Promise<void> {
    event?.preventDefault();
    this.email.markAsTouched();
    if (this.email.invalid || this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    try {
      const answer = await this.api.requestLink(this.email.value.trim());
      this.sent.set(answer.message);
    } catch (error) {
      this.problem.set(
        error instanceof HttpErrorResponse && error.status === 429
          ? 'portal.signIn.rateLimited'
          : 'portal.loadFailed',
      );
    } finally {
      this.busy.set(false);
    }
  }
}
