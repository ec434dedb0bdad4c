import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  CHANGE_RISKS,
  FIELD_LIMITS,
  type ChangeApprover,
  type ChangeRisk,
  type PositionView,
} from '@sigap/contracts';
import { catchError, of } from 'rxjs';
import { PositionsApi } from '../admin/positions.api';
import { AuthService } from '../auth/auth.service';
import { CatalogApi } from '../catalog/catalog.api';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';
import { ChosenOffice } from '../shared/chosen-office';
import { OfficeSelectComponent } from '../shared/office-select.component';
import { ErrorNotifier, fieldErrorsOf, problemOf } from '../shared/problem';
import { ChangesApi } from './changes.api';

/**
 * `/admin/persetujuan-perubahan`: per risk level, the positions that approve a change, in order,
 * and the time each has. Read by the office's staff, saved by its manager or an admin.
 */
@Component({
  selector: 'sg-change-policy-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    OfficeSelectComponent,
    TranslatePipe,
  ],
  template: `
    <section class="page">
      <h1>{{ 'chg.policy.title' | t }}</h1>
      <p class="muted">{{ 'chg.policy.intro' | t }}</p>
      @if (isAdmin()) {
        <sg-office-select
          [offices]="offices()"
          [value]="office()"
          (chosen)="chosenOffice.set($event)"
        />
      }
      @if (isDefault()) {
        <p class="muted" data-test="policy-default">{{ 'chg.policy.default' | t }}</p>
      }
      <form (ngSubmit)="save()" data-test="policy-form">
        @for (rule of rules(); track rule.risk; let i = $index) {
          <fieldset [attr.data-test]="'policy-' + rule.risk">
            <legend>{{ 'chg.risk' | t }}: {{ key('chg.risk', rule.risk) | t }}</legend>
            @for (a of rule.approvers; track $index; let j = $index) {
              <div class="row">
                <mat-form-field appearance="outline" subscriptSizing="dynamic">
                  <mat-label>{{ 'chg.policy.position' | t }}</mat-label>
                  <mat-select
                    [name]="'pos-' + i + '-' + j"
                    [(ngModel)]="a.position"
                    [disabled]="!canEdit()"
                  >
                    @for (p of positions(); track p.code) {
                      <mat-option [value]="p.code">{{ p.name }}</mat-option>
                    }
                  </mat-select>
                  <mat-error>{{
                    errors()['rules[' + i + '].approvers[' + j + '].position'] ?? ''
                  }}</mat-error>
                </mat-form-field>
                <mat-form-field appearance="outline" subscriptSizing="dynamic">
                  <mat-label>{{ 'chg.policy.time' | t }}</mat-label>
                  <input
                    matInput
                    [name]="'time-' + i + '-' + j"
                    [(ngModel)]="a.time"
                    [maxlength]="timeLimit"
                    [disabled]="!canEdit()"
                  />
                  <mat-error>{{
                    errors()['rules[' + i + '].approvers[' + j + '].time'] ?? ''
                  }}</mat-error>
                </mat-form-field>
                @if (canEdit()) {
                  <button mat-button type="button" (click)="remove(i, j)">
                    {{ 'chg.policy.remove' | t }}
                  </button>
                }
              </div>
            } @empty {
              <p class="muted">{{ 'chg.policy.none' | t }}</p>
            }
            @if (canEdit() && rule.approvers.length < 5) {
              <button
                mat-stroked-button
                type="button"
                (click)="add(i)"
                [attr.data-test]="'policy-add-' + rule.risk"
              >
                {{ 'chg.policy.add' | t }}
              </button>
            }
          </fieldset>
        }
        @if (canEdit()) {
          <button mat-flat-button type="submit" [disabled]="saving()" data-test="policy-save">
            {{ 'chg.policy.save' | t }}
          </button>
        }
      </form>
    </section>
  `,
  styles: `
    fieldset {
      border: 1px solid var(--mat-sys-outline-variant, #ccc);
      border-radius: 8px;
      margin: 0 0 16px;
      padding: 8px 12px 12px;
      max-width: 760px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      margin-bottom: 8px;
    }
    .row mat-form-field {
      flex: 1 1 200px;
      min-width: 0;
    }
  `,
})
export class ChangePolicyPage {
  private readonly api = inject(ChangesApi);
  private readonly positionsApi = inject(PositionsApi);
  private readonly catalog = inject(CatalogApi);
  private readonly auth = inject(AuthService);
  private readonly notifier = inject(ErrorNotifier);
  private readonly snack = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  protected readonly chosenOffice = inject(ChosenOffice);
  protected readonly isAdmin = computed(() => this.auth.isAdmin());
  protected readonly canEdit = computed(() => this.auth.isAdmin() || this.auth.hasRole('manager'));
  protected readonly timeLimit = FIELD_LIMITS.change.time;

  protected readonly offices = toSignal(this.catalog.offices().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  protected readonly office = computed(
    () => this.chosenOffice.code() || this.auth.user()?.office || (this.offices()[0]?.code ?? null),
  );
  protected readonly positions = signal<PositionView[]>([]);
  protected readonly rules = signal<{ risk: ChangeRisk; approvers: ChangeApprover[] }[]>([]);
  protected readonly isDefault = signal(false);
  protected readonly saving = signal(false);
  protected readonly errors = signal<Partial<Record<string, string>>>({});

  constructor() {
    effect((onCleanup) => {
      const office = this.office();
      if (!office) return;
      const a = this.api.policy(office).subscribe({
        next: (p) => {
          this.isDefault.set(p.isDefault);
          this.rules.set(
            CHANGE_RISKS.map((risk) => ({
              risk,
              approvers: (p.rules.find((r) => r.risk === risk)?.approvers ?? []).map((x) => ({
                ...x,
              })),
            })),
          );
        },
        error: (e: unknown) => this.notifier.show(e),
      });
      const b = this.positionsApi
        .list(office)
        .pipe(catchError(() => of([] as PositionView[])))
        .subscribe((list) => this.positions.set(list.filter((p) => !p.requesterSide)));
      onCleanup(() => {
        a.unsubscribe();
        b.unsubscribe();
      });
    });
  }

  protected key(prefix: string, value: string): MessageKey {
    return `${prefix}.${value}` as MessageKey;
  }

  protected add(i: number): void {
    this.rules.update((rules) =>
      rules.map((r, k) =>
        k === i ? { ...r, approvers: [...r.approvers, { position: '', time: '1 hari' }] } : r,
      ),
    );
  }

  protected remove(i: number, j: number): void {
    this.rules.update((rules) =>
      rules.map((r, k) =>
        k === i ? { ...r, approvers: r.approvers.filter((_, x) => x !== j) } : r,
      ),
    );
  }

  protected save(): void {
    const office = this.office();
    if (!office) return;
    this.saving.set(true);
    this.errors.set({});
    this.api.savePolicy(office, { rules: this.rules() }).subscribe({
      next: (p) => {
        this.saving.set(false);
        this.isDefault.set(p.isDefault);
        this.snack.open(this.i18n.t('chg.policy.saved'), undefined, { duration: 3000 });
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.errors.set(fieldErrorsOf(problemOf(e)));
        this.notifier.show(e);
      },
    });
  }
}
