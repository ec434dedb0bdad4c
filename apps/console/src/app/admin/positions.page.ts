import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute } from '@angular/router';
import type { PositionView, UserView } from '@sigap/contracts';
import { forkJoin } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import { EditButtonComponent } from '../shared/form-parts';
import { loadInto, officeChoice } from '../shared/office-choice';
import { OfficeSelectComponent } from '../shared/office-select.component';
import { ErrorNotifier } from '../shared/problem';
import { AdminApi } from './admin.api';
import { PositionTreeComponent } from './position-tree.component';
import { PositionsApi } from './positions.api';

/**
 * `/admin/jabatan`: the positions of an office (the executors named in its procedures) and who
 * holds each. Admins and the office's manager choose the holders here; steps are assigned to them.
 */
@Component({
  selector: 'sg-positions-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    EditButtonComponent,
    MatProgressBarModule,
    OfficeSelectComponent,
    PositionTreeComponent,
    TranslatePipe,
  ],
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ 'agent.positions.title' | t }}</h1>
        <span class="spacer"></span>
        @if (isAdmin()) {
          <sg-office-select
            [offices]="choice.offices()"
            [value]="office()"
            (chosen)="choice.chosen.set($event)"
          />
        }
      </header>
      <p class="muted">{{ 'agent.positions.intro' | t }}</p>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      @if (office()) {
        <sg-position-tree
          [office]="office()"
          [positions]="positions()"
          [canEdit]="canEdit()"
          (changed)="reload()"
        />
      }
      <h2 class="holders-title">{{ 'onboard.positions.holdersTitle' | t }}</h2>
      <div class="card table-wrap">
        <table class="sg-table" data-test="positions-table">
          <thead>
            <tr>
              <th scope="col">{{ 'agent.positions.position' | t }}</th>
              <th scope="col">{{ 'agent.positions.reportsTo' | t }}</th>
              <th scope="col">{{ 'agent.positions.holders' | t }}</th>
              <th scope="col">
                <span class="visually-hidden">{{ 'admin.actions' | t }}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            @for (p of positions(); track p.id) {
              <tr data-test="position-row" [attr.data-code]="p.code">
                <td>
                  <div>{{ p.name }}</div>
                  <div class="muted small">{{ p.code }}</div>
                </td>
                <td>{{ nameOf(p.reportsToId) }}</td>
                <td data-test="position-holders">
                  @if (p.requesterSide) {
                    <span class="muted">{{ 'agent.positions.requesterSide' | t }}</span>
                  } @else if (editing() === p.id) {
                    <fieldset class="holders" data-test="holders-editor">
                      <legend class="visually-hidden">
                        {{ 'agent.positions.holders' | t }}: {{ p.name }}
                      </legend>
                      @for (u of users(); track u.id) {
                        <mat-checkbox
                          [checked]="chosenIds().includes(u.id)"
                          (change)="toggle(u.id, $event.checked)"
                          [attr.data-test]="'holder-' + u.email"
                        >
                          {{ u.name }} <span class="muted small">{{ u.email }}</span>
                        </mat-checkbox>
                      } @empty {
                        <span class="muted">{{ 'agent.positions.noUsers' | t }}</span>
                      }
                    </fieldset>
                  } @else {
                    @for (h of p.holders; track h.id) {
                      <span class="tag">{{ h.name }}</span>
                    } @empty {
                      <span class="vacant" data-test="vacant">{{
                        'agent.positions.vacant' | t
                      }}</span>
                    }
                  }
                </td>
                <td class="row-actions">
                  @if (!p.requesterSide && canEdit()) {
                    @if (editing() === p.id) {
                      <button
                        mat-flat-button
                        type="button"
                        [disabled]="saving()"
                        (click)="save(p)"
                        data-test="save-holders"
                      >
                        {{ 'admin.save' | t }}
                      </button>
                      <button mat-button type="button" (click)="editing.set(null)">
                        {{ 'admin.cancel' | t }}
                      </button>
                    } @else {
                      <sg-edit-button
                        [label]="'agent.positions.setHolders' | t"
                        text="agent.positions.setHolders"
                        [name]="p.name"
                        test="edit-holders"
                        (pressed)="startEdit(p)"
                      />
                    }
                  }
                </td>
              </tr>
            } @empty {
              @if (!loading()) {
                <tr>
                  <td colspan="4" class="muted">{{ 'agent.positions.none' | t }}</td>
                </tr>
              }
            }
          </tbody>
        </table>
      </div>
    </section>
  `,
  styles: `
    .small {
      font-size: 12px;
    }
    .holders-title {
      font-size: 18px;
      margin: 16px 0 8px;
    }
    .holders {
      border: 0;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
    }
    .vacant {
      color: var(--mat-sys-error);
    }
    .tag + .tag {
      margin-left: 4px;
    }
    .row-actions {
      white-space: nowrap;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `,
})
export class PositionsPage {
  private readonly api = inject(PositionsApi);
  private readonly admin = inject(AdminApi);
  private readonly auth = inject(AuthService);
  private readonly notifier = inject(ErrorNotifier);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  protected readonly isAdmin = this.auth.isAdmin;
  protected readonly choice = officeChoice((office) => this.load(office));
  protected readonly office = this.choice.office;
  /** Admins everywhere; a manager for the own office. */
  protected readonly canEdit = computed(
    () =>
      this.auth.hasRole('admin') ||
      (this.auth.hasRole('manager') && this.auth.user()?.office === this.office()),
  );
  protected readonly positions = signal<PositionView[]>([]);
  /** Active users of the office: who may hold its positions. */
  protected readonly users = signal<UserView[]>([]);
  protected readonly loading = signal(false);
  protected readonly editing = signal<string | null>(null);
  protected readonly chosenIds = signal<string[]>([]);
  protected readonly saving = signal(false);

  constructor() {
    // `?office=` (from the offices page or the set-up) opens that office's positions.
    const asked = inject(ActivatedRoute, { optional: true })?.snapshot.queryParamMap.get('office');
    if (asked && this.isAdmin()) this.choice.chosen.set(asked);
  }

  protected reload(): void {
    if (this.office()) this.load(this.office());
  }

  private load(office: string): void {
    this.editing.set(null);
    loadInto(
      forkJoin([this.api.list(office), this.admin.users(office)]),
      ([positions, users]) => {
        this.positions.set(positions);
        this.users.set(users.filter((u) => u.active && u.office === office));
      },
      this.loading,
      this.notifier,
    );
  }

  protected nameOf(id: string | null): string {
    if (!id) return this.i18n.t('app.dash');
    return this.positions().find((p) => p.id === id)?.name ?? id;
  }

  protected startEdit(position: PositionView): void {
    this.chosenIds.set(position.holders.map((h) => h.id));
    this.editing.set(position.id);
  }

  protected toggle(id: string, on: boolean): void {
    this.chosenIds.update((ids) =>
      on ? (ids.includes(id) ? ids : [...ids, id]) : ids.filter((x) => x !== id),
    );
  }

  protected save(position: PositionView): void {
    this.saving.set(true);
    this.api.setHolders(position.id, this.chosenIds()).subscribe({
      next: (view) => {
        this.saving.set(false);
        this.editing.set(null);
        this.positions.update((list) =>
          list.map((p) => (p.id === view.positionId ? { ...p, holders: view.holders } : p)),
        );
        this.snackBar.open(this.i18n.t('admin.saved'), undefined, { duration: 3000 });
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.notifier.show(e);
      },
    });
  }
}
