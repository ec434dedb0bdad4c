import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { PortalRequestSummary } from '@sigap/contracts';
import { TranslatePipe } from '../i18n/i18n.service';
import { ZonedDatePipe } from '../shared/zoned-date';
import { PortalApi } from './portal.api';
import { statusKey } from './portal-status';

/** `/portal`: the requests of the signed-in requester's OPD, newest first. */
@Component({
  selector: 'sg-portal-requests',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, TranslatePipe, ZonedDatePipe],
  template: `
    @if (api.me(); as me) {
      <div class="head">
        <h1>
          @if (me.opd) {
            {{ 'portal.list.title' | t: { opd: me.opd.name } }}
          } @else {
            {{ 'portal.list.titleOwn' | t }}
          }
        </h1>
        <a mat-flat-button routerLink="/portal/ajukan" data-test="portal-new">{{
          'portal.nav.new' | t
        }}</a>
      </div>
      @if (failed()) {
        <p role="alert">{{ 'portal.loadFailed' | t }}</p>
      } @else if (requests(); as list) {
        @if (list.length) {
          <table class="requests" data-test="portal-requests">
            <thead>
              <tr>
                <th scope="col">{{ 'portal.list.number' | t }}</th>
                <th scope="col">{{ 'portal.list.subject' | t }}</th>
                <th scope="col">{{ 'portal.list.status' | t }}</th>
                <th scope="col">{{ 'portal.list.step' | t }}</th>
                <th scope="col">{{ 'portal.list.due' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (r of list; track r.number) {
                <tr>
                  <td [attr.data-label]="'portal.list.number' | t">
                    <a [routerLink]="['/portal/permohonan', r.number]">{{ r.number }}</a>
                  </td>
                  <td [attr.data-label]="'portal.list.subject' | t">
                    {{ r.subject }}
                    <div class="muted">{{ r.serviceName }}</div>
                    <div class="muted">
                      {{ 'portal.list.requester' | t: { name: r.requesterName } }}
                    </div>
                  </td>
                  <td [attr.data-label]="'portal.list.status' | t">
                    {{ statusKey(r.status) | t }}
                    @if (r.missing) {
                      <div class="warn">{{ 'portal.list.missing' | t: { count: r.missing } }}</div>
                    }
                  </td>
                  <td [attr.data-label]="'portal.list.step' | t">
                    @for (s of r.currentSteps; track s.order) {
                      <div>{{ s.position }}</div>
                    } @empty {
                      {{ 'app.dash' | t }}
                    }
                  </td>
                  <td [attr.data-label]="'portal.list.due' | t">
                    @if (r.dueAt) {
                      {{ r.dueAt | zoned: me.office.timeZone }}
                    } @else {
                      {{ 'app.dash' | t }}
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        } @else {
          <p>{{ 'portal.list.empty' | t }}</p>
        }
      } @else {
        <p role="status">{{ 'portal.loading' | t }}</p>
      }
    }
  `,
  styles: `
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      text-align: left;
      vertical-align: top;
      padding: 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.9em;
    }
    /* A phone: each request becomes a card of labelled lines; no column is cut off. */
    @media (max-width: 600px) {
      thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
      }
      table,
      tbody,
      tr,
      td {
        display: block;
      }
      tr {
        border: 1px solid var(--mat-sys-outline-variant);
        border-radius: 8px;
        margin-bottom: 12px;
        padding: 4px 0;
      }
      td {
        border-bottom: 0;
        padding: 4px 12px;
        overflow-wrap: anywhere;
      }
      td::before {
        content: attr(data-label);
        display: block;
        font-size: 0.85em;
        font-weight: 600;
        color: var(--mat-sys-on-surface-variant);
      }
    }
    .warn {
      color: var(--mat-sys-error);
      font-size: 0.9em;
    }
  `,
})
export class PortalRequestsPage implements OnInit {
  protected readonly api = inject(PortalApi);
  protected readonly requests = signal<PortalRequestSummary[] | null>(null);
  protected readonly failed = signal(false);
  protected readonly statusKey = statusKey;

  async ngOnInit(): Promise<void> {
    try {
      this.requests.set(await this.api.list());
    } catch {
      this.failed.set(true);
    }
  }
}
