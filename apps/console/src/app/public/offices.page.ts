import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '../i18n/i18n.service';
import { PublicApi } from './public.api';

/** `/standar-pelayanan`: the offices that publish service standards. */
@Component({
  selector: 'sg-public-offices-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatProgressBarModule, TranslatePipe],
  template: `
    <h1>{{ 'pub.offices.title' | t }}</h1>
    <p class="intro">{{ 'pub.offices.intro' | t }}</p>
    @if (offices.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'pub.loading' | t" />
    } @else if (offices.error()) {
      <p role="alert">{{ 'pub.loadFailed' | t }}</p>
    } @else {
      <ul class="offices" data-test="offices">
        @for (o of offices.value() ?? []; track o.code) {
          <li>
            <a [routerLink]="['/standar-pelayanan', o.code]" [attr.data-test]="'office-' + o.code">
              {{ o.name }}
            </a>
            <span class="meta">
              {{ 'pub.offices.services' | t: { count: o.serviceCount } }} · {{ o.zone }}
            </span>
          </li>
        } @empty {
          <li>{{ 'pub.offices.empty' | t }}</li>
        }
      </ul>
    }
  `,
  styles: `
    .intro {
      max-width: 70ch;
    }
    .offices {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 12px;
    }
    .offices li {
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .offices a {
      font-size: 1.1rem;
      font-weight: 600;
      color: var(--mat-sys-primary);
    }
    .meta {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class PublicOfficesPage {
  private readonly api = inject(PublicApi);
  protected readonly offices = rxResource({ stream: () => this.api.offices() });
}
