import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type {
  OfficeAdminView,
  OfficeSummary,
  PositionView,
  SetupStatus,
  TestMailResult,
} from '@sigap/contracts';
import { FIELD_LIMITS } from '@sigap/contracts';
import { OfficeFormComponent } from '../admin/office-form.component';
import { PositionTreeComponent } from '../admin/position-tree.component';
import { PositionsApi } from '../admin/positions.api';
import { CatalogApi } from '../catalog/catalog.api';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';
import { lengthCount } from '../shared/form-focus';
import { ErrorNotifier, problemOf } from '../shared/problem';
import { dismissSetup } from './first-run.guard';
import { SetupApi } from './setup.api';

export type SetupStep = 'office' | 'positions' | 'service' | 'mail' | 'agents';

const STEPS: readonly { id: SetupStep; title: MessageKey }[] = [
  { id: 'office', title: 'onboard.setup.step.office' },
  { id: 'positions', title: 'onboard.setup.step.positions' },
  { id: 'service', title: 'onboard.setup.step.service' },
  { id: 'mail', title: 'onboard.setup.step.mail' },
  { id: 'agents', title: 'onboard.setup.step.agents' },
];

/**
 * `/penyiapan` (admins): the first run of an installation, in five steps — the first office, its
 * positions, its first service, mail, and agents. Every step can be skipped and done later from
 * the admin pages; what is already there is shown as done.
 */
@Component({
  selector: 'sg-setup-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    OfficeFormComponent,
    PositionTreeComponent,
    RouterLink,
    TranslatePipe,
  ],
  template: `
    <section class="page setup">
      <header class="page-header">
        <h1>{{ 'onboard.setup.title' | t }}</h1>
      </header>
      <p>{{ 'onboard.setup.intro' | t }}</p>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
      }
      <ol class="steps">
        @for (step of steps; track step.id; let i = $index) {
          <li
            class="card step"
            [attr.data-test]="'setup-step-' + step.id"
            [class.closed]="!isOpen(step.id)"
          >
            <div class="step-header">
              <h2>
                <span class="num" aria-hidden="true">{{ i + 1 }}</span>
                {{ step.title | t }}
              </h2>
              <span
                class="state"
                [class.done]="done(step.id)"
                [attr.data-test]="'setup-state-' + step.id"
              >
                {{
                  (done(step.id)
                    ? 'onboard.setup.done'
                    : skipped().has(step.id)
                      ? 'onboard.setup.skipped'
                      : 'onboard.setup.todo'
                  ) | t
                }}
              </span>
            </div>
            @if (isOpen(step.id)) {
              @switch (step.id) {
                @case ('office') {
                  @if (office(); as o) {
                    <p data-test="setup-office-done">
                      {{
                        'onboard.setup.officeDone'
                          | t: { name: o.name, zone: o.zoneAbbreviation, prefix: o.ticketPrefix }
                      }}
                    </p>
                    <a mat-button routerLink="/admin/kantor">{{
                      'onboard.setup.manageOffices' | t
                    }}</a>
                  } @else {
                    <p class="muted">{{ 'onboard.setup.officeIntro' | t }}</p>
                    <sg-office-form [cancellable]="false" (saved)="officeCreated($event)" />
                  }
                }
                @case ('positions') {
                  @if (office(); as o) {
                    <sg-position-tree
                      [office]="o.code"
                      [positions]="positions()"
                      [canEdit]="true"
                      (changed)="loadPositions()"
                    />
                    <p class="muted">{{ 'onboard.setup.positionsHolders' | t }}</p>
                  } @else {
                    <p class="muted">{{ 'onboard.setup.needOffice' | t }}</p>
                  }
                }
                @case ('service') {
                  <p class="muted">{{ 'onboard.setup.serviceIntro' | t }}</p>
                  @if (office(); as o) {
                    <div class="actions">
                      <a
                        mat-flat-button
                        routerLink="/katalog/impor"
                        [queryParams]="{ office: o.code }"
                        data-test="setup-import"
                      >
                        {{ 'onboard.setup.import' | t }}
                      </a>
                      <a mat-button routerLink="/katalog">{{ 'onboard.setup.catalog' | t }}</a>
                    </div>
                  } @else {
                    <p class="muted">{{ 'onboard.setup.needOffice' | t }}</p>
                  }
                }
                @case ('mail') {
                  @if (status(); as s) {
                    <p data-test="setup-smtp">
                      @if (s.smtp.mode === 'smtp') {
                        {{ 'onboard.setup.smtpOn' | t: { server: s.smtp.description } }}
                      } @else {
                        {{ 'onboard.setup.smtpOff' | t }}
                      }
                    </p>
                  }
                  <form
                    class="test-mail"
                    (ngSubmit)="sendTest()"
                    novalidate
                    data-test="test-mail-form"
                  >
                    <mat-form-field>
                      <mat-label>{{ 'onboard.setup.testTo' | t }}</mat-label>
                      <input
                        matInput
                        type="email"
                        name="to"
                        autocomplete="email"
                        [attr.maxlength]="testToLimit"
                        [ngModel]="testTo()"
                        (ngModelChange)="testTo.set($event)"
                        data-test="test-mail-to"
                      />
                      @if (testError(); as e) {
                        <mat-hint class="field-error" role="alert">{{ e }}</mat-hint>
                      }
                      <mat-hint align="end" data-test="field-count">{{
                        count(testTo(), testToLimit)
                      }}</mat-hint>
                    </mat-form-field>
                    <button
                      mat-flat-button
                      type="submit"
                      [disabled]="sending()"
                      data-test="send-test-mail"
                    >
                      {{ 'onboard.setup.sendTest' | t }}
                    </button>
                  </form>
                  @if (testResult(); as r) {
                    <p role="status" data-test="test-mail-result">
                      {{
                        (r.mode === 'smtp' ? 'onboard.setup.testSent' : 'onboard.setup.testKept')
                          | t: { response: r.response }
                      }}
                    </p>
                  }
                  <p class="muted">
                    {{ 'onboard.setup.mailboxes' | t: { count: status()?.mailboxes ?? 0 } }}
                    <a routerLink="/admin/kotak-surat">{{ 'nav.mailboxes' | t }}</a>
                  </p>
                }
                @case ('agents') {
                  <p class="muted">
                    {{ 'onboard.setup.agentsIntro' | t: { count: status()?.agents ?? 0 } }}
                  </p>
                  <a mat-flat-button routerLink="/admin/pengguna" data-test="setup-users">{{
                    'onboard.setup.invite' | t
                  }}</a>
                }
              }
              @if (!done(step.id)) {
                <div class="actions">
                  <button
                    mat-button
                    type="button"
                    (click)="skip(step.id)"
                    [attr.data-test]="'setup-skip-' + step.id"
                  >
                    {{ 'onboard.setup.skip' | t }}
                  </button>
                </div>
              }
            } @else {
              <button
                mat-button
                type="button"
                (click)="reopen(step.id)"
                [attr.aria-label]="('onboard.setup.open' | t) + ': ' + (step.title | t)"
              >
                {{ 'onboard.setup.open' | t }}
              </button>
            }
          </li>
        }
      </ol>
      <div class="actions">
        <button mat-flat-button type="button" (click)="finish()" data-test="setup-finish">
          {{ 'onboard.setup.finish' | t }}
        </button>
      </div>
    </section>
  `,
  styleUrl: '../admin/admin.scss',
  styles: `
    .steps {
      list-style: none;
      padding: 0;
      margin: 0;
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .step-header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      flex-wrap: wrap;
    }
    .step-header h2 {
      margin: 0;
      font-size: 18px;
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .num {
      display: inline-grid;
      place-items: center;
      width: 28px;
      height: 28px;
      border-radius: 50%;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
      font-size: 14px;
    }
    .state {
      font-size: 13px;
      padding: 2px 10px;
      border-radius: 12px;
      background: var(--mat-sys-surface-variant);
      color: var(--mat-sys-on-surface-variant);
    }
    .state.done {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .test-mail {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: baseline;
    }
    .test-mail mat-form-field {
      flex: 1 1 260px;
    }
    [data-test='test-mail-result'] {
      overflow-wrap: anywhere;
    }
  `,
})
export class SetupPage {
  private readonly api = inject(SetupApi);
  private readonly catalog = inject(CatalogApi);
  private readonly positionsApi = inject(PositionsApi);
  private readonly notifier = inject(ErrorNotifier);
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);

  protected readonly steps = STEPS;
  protected readonly loading = signal(false);
  protected readonly status = signal<SetupStatus | null>(null);
  /** The office the set-up works on: the one just created, else the first in service. */
  protected readonly office = signal<OfficeSummary | null>(null);
  protected readonly positions = signal<PositionView[]>([]);
  protected readonly skipped = signal<ReadonlySet<SetupStep>>(new Set());
  protected readonly reopened = signal<ReadonlySet<SetupStep>>(new Set());
  protected readonly testTo = signal('');
  protected readonly testToLimit = FIELD_LIMITS.testMail.to;
  protected readonly count = lengthCount;
  protected readonly testError = signal<string | null>(null);
  protected readonly testResult = signal<TestMailResult | null>(null);
  protected readonly sending = signal(false);
  private readonly positionCount = computed(
    () => this.positions().filter((p) => !p.requesterSide).length,
  );

  constructor() {
    this.refresh();
  }

  /** Done: the office exists; positions of it; a service; a test mail went; agents exist. */
  protected done(step: SetupStep): boolean {
    const s = this.status();
    switch (step) {
      case 'office':
        return !!this.office();
      case 'positions':
        return this.positionCount() > 0;
      case 'service':
        return (s?.services ?? 0) > 0;
      case 'mail':
        return !!this.testResult();
      case 'agents':
        return (s?.agents ?? 0) > 0;
    }
  }

  protected isOpen(step: SetupStep): boolean {
    return !this.skipped().has(step) || this.reopened().has(step);
  }

  protected skip(step: SetupStep): void {
    this.skipped.update((s) => new Set([...s, step]));
    this.reopened.update((s) => new Set([...s].filter((x) => x !== step)));
  }

  protected reopen(step: SetupStep): void {
    this.reopened.update((s) => new Set([...s, step]));
  }

  protected officeCreated(office: OfficeAdminView): void {
    this.office.set(office);
    this.positions.set([]);
    this.refresh();
  }

  protected loadPositions(): void {
    const office = this.office();
    if (!office) return;
    this.positionsApi.list(office.code).subscribe({
      next: (list) => this.positions.set(list),
      error: (e: unknown) => this.notifier.show(e),
    });
    this.api.status().subscribe({ next: (s) => this.status.set(s) });
  }

  protected sendTest(): void {
    const to = this.testTo().trim();
    this.testResult.set(null);
    if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(to)) {
      this.testError.set(this.i18n.t('onboard.office.err.email'));
      return;
    }
    this.testError.set(null);
    this.sending.set(true);
    this.api.testMail(to).subscribe({
      next: (result) => {
        this.sending.set(false);
        this.testResult.set(result);
      },
      error: (e: unknown) => {
        this.sending.set(false);
        const problem = problemOf(e);
        this.testError.set(problem?.detail ?? this.notifier.describe(e));
      },
    });
  }

  protected finish(): void {
    dismissSetup();
    void this.router.navigate(['/katalog']);
  }

  private refresh(): void {
    this.loading.set(true);
    this.api.status().subscribe({
      next: (status) => {
        this.status.set(status);
        if (this.office()) {
          this.loading.set(false);
          this.loadPositions();
          return;
        }
        this.catalog.offices().subscribe({
          next: (offices) => {
            this.loading.set(false);
            this.office.set(offices[0] ?? null);
            this.loadPositions();
          },
          error: (e: unknown) => {
            this.loading.set(false);
            this.notifier.show(e);
          },
        });
      },
      error: (e: unknown) => {
        this.loading.set(false);
        this.notifier.show(e);
      },
    });
  }
}
