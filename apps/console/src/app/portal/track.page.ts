import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { PortalTrackingView } from '@sigap/contracts';
import { TranslatePipe } from '../i18n/i18n.service';
import { LanguageSwitchComponent } from '../layout/language-switch.component';
import { ZonedDatePipe } from '../shared/zoned-date';
import { PortalApi } from './portal.api';
import { statusKey } from './portal-status';

/**
 * `/lacak/:token`: the read-only status of one request or complaint, from the acknowledgement
 * e-mail or the complaint's confirmation. A complaint has no steps or documents of its own to
 * follow: its page says "Status pengaduan" and when the answer is due.
 */
@Component({
  selector: 'sg-portal-track',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, ZonedDatePipe, LanguageSwitchComponent],
  template: `
    <header class="bar">
      <span class="brand"
        >{{ 'app.name' | t }}
        @if (view()?.kind !== 'complaint') {
          · {{ 'portal.brand' | t }}
        }
      </span>
      <sg-language-switch />
    </header>
    <main class="page">
      @if (view(); as v) {
        @let complaint = v.kind === 'complaint';
        <h1 data-test="track-title">
          {{
            (complaint ? 'portal.track.complaintTitle' : 'portal.track.title')
              | t: { number: v.number }
          }}
        </h1>
        <p class="muted">{{ 'portal.track.intro' | t }}</p>
        <dl>
          <dt>{{ 'portal.track.office' | t }}</dt>
          <dd>{{ v.officeName }}</dd>
          @if (v.serviceName) {
            <dt>{{ 'portal.detail.service' | t }}</dt>
            <dd>{{ v.serviceName }}</dd>
          }
          <dt>{{ 'portal.detail.status' | t }}</dt>
          <dd data-test="track-status">{{ statusKey(v.status) | t }}</dd>
          @if (!complaint) {
            <dt>{{ 'portal.detail.step' | t }}</dt>
            <dd data-test="track-step">
              @for (s of v.currentSteps; track s.order) {
                <div>
                  {{ s.order }}. {{ s.description }} —
                  @if (s.requesterSide) {
                    {{ 'portal.detail.yourTurn' | t }}
                  } @else {
                    {{ 'portal.detail.stepBy' | t: { position: s.position } }}
                  }
                </div>
              } @empty {
                {{ 'portal.detail.noStep' | t }}
              }
            </dd>
          }
          <dt>{{ (complaint ? 'portal.track.answerDue' : 'portal.detail.due') | t }}</dt>
          <dd data-test="track-due">
            @if (v.dueAt) {
              {{ v.dueAt | zoned: v.timeZone }}
            } @else {
              {{ 'portal.detail.noDue' | t }}
            }
          </dd>
        </dl>
        @if (!complaint && v.missing.length) {
          <h2>{{ 'portal.track.missing' | t }}</h2>
          <ul>
            @for (m of v.missing; track $index) {
              <li>{{ m }}</li>
            }
          </ul>
        }
        @if (complaint) {
          <p>{{ 'portal.track.complaintNote' | t }}</p>
        } @else {
          <p>
            {{ 'portal.track.signIn' | t }}
            <a routerLink="/portal/masuk">{{ 'portal.signIn.title' | t }}</a>
          </p>
        }
      } @else if (missingToken()) {
        <h1>{{ 'portal.brand' | t }}</h1>
        <p role="alert">{{ 'portal.track.notFound' | t }}</p>
      } @else {
        <p role="status">{{ 'portal.loading' | t }}</p>
      }
    </main>
  `,
  styles: `
    :host {
      display: block;
      min-height: 100%;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
    .bar {
      display: flex;
      justify-content: space-between;
      align-items: center;
      padding: 12px 24px;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .brand {
      font-weight: 700;
    }
    .page {
      max-width: 860px;
      margin: 0 auto;
      padding: 24px 16px;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 6px 16px;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class PortalTrackPage implements OnInit {
  private readonly route = inject(ActivatedRoute);
  private readonly api = inject(PortalApi);
  protected readonly view = signal<PortalTrackingView | null>(null);
  protected readonly missingToken = signal(false);
  protected readonly statusKey = statusKey;

  async ngOnInit(): Promise<void> {
    try {
      this.view.set(await this.api.track(this.route.snapshot.paramMap.get('token') ?? ''));
    } catch {
      this.missingToken.set(true);
    }
  }
}

/** The token inside a pasted tracking link (`…/lacak/<token>`) or the token alone. */
export function trackingTokenOf(text: string): string | null {
  const match = /(?:^|\/lacak\/)([A-Za-z0-9_-]{46})(?:[/?#]|$)/.exec(text.trim());
  return match ? match[1] : null;
}

/**
 * `/lacak`: where someone who kept the acknowledgement e-mail (or the complaint's confirmation)
 * pastes its tracking link, reached from the public pages' navigation.
 */
@Component({
  selector: 'sg-portal-track-find',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe],
  template: `
    <h1>{{ 'portal.track.findTitle' | t }}</h1>
    <p>{{ 'portal.track.findIntro' | t }}</p>
    <form class="find" (submit)="go($event)" novalidate>
      <label for="track-link">{{ 'portal.track.findLabel' | t }}</label>
      <input
        id="track-link"
        name="link"
        type="text"
        autocomplete="off"
        [value]="text()"
        (input)="text.set($any($event.target).value)"
        [attr.aria-invalid]="invalid() ? true : null"
        [attr.aria-describedby]="invalid() ? 'track-link-error' : null"
        data-test="track-find-input"
      />
      @if (invalid()) {
        <p id="track-link-error" class="error" role="alert" data-test="track-find-error">
          {{ 'portal.track.findInvalid' | t }}
        </p>
      }
      <div>
        <button type="submit" class="go" data-test="track-find-go">
          {{ 'portal.track.findGo' | t }}
        </button>
      </div>
    </form>
    <p>
      {{ 'portal.track.signIn' | t }}
      <a routerLink="/portal/masuk">{{ 'portal.signIn.title' | t }}</a>
    </p>
  `,
  styles: `
    .find {
      display: flex;
      flex-direction: column;
      gap: 8px;
      max-width: 640px;
    }
    input {
      font: inherit;
      padding: 10px 12px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 4px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      width: 100%;
      box-sizing: border-box;
    }
    .go {
      font: inherit;
      padding: 8px 20px;
      border: 0;
      border-radius: 20px;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
      cursor: pointer;
    }
    .error {
      color: var(--mat-sys-error);
      margin: 0;
    }
  `,
})
export class PortalTrackFindPage {
  private readonly router = inject(Router);
  protected readonly text = signal('');
  protected readonly invalid = signal(false);

  protected go(event: Event): void {
    event.preventDefault();
    const token = trackingTokenOf(this.text());
    this.invalid.set(!token);
    if (token) void this.router.navigate(['/lacak', token]);
    else document.getElementById('track-link')?.focus();
  }
}
