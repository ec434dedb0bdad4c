import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import {
  FIELD_LIMITS,
  PROBLEM_STATUSES,
  type ProblemDetail,
  type ProblemStatus,
} from '@sigap/contracts';
import { map, type Observable } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';
import { lengthCount } from '../shared/form-focus';
import { ErrorNotifier } from '../shared/problem';
import { ProblemsApi } from './problems.api';

/**
 * `/masalah/:id`: one problem record: its description, status, root cause and workaround
 * (edited by the office's helpdesk and managers), and the incidents it gathers (linked and
 * unlinked by number).
 */
@Component({
  selector: 'sg-problem-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    RouterLink,
    TranslatePipe,
  ],
  template: `
    <section class="page">
      <a mat-button routerLink="/masalah"><mat-icon svgIcon="back" />{{ 'problem.back' | t }}</a>
      @if (problem(); as p) {
        <header class="page-header">
          <h1 data-test="problem-heading">{{ p.title }}</h1>
        </header>
        <p class="muted">
          {{ 'problem.updated' | t: { date: (p.updatedAt | date: 'medium') ?? '' } }}
        </p>
        <form class="card form" (submit)="$event.preventDefault(); save()" data-test="problem-edit">
          <mat-form-field class="wide">
            <mat-label>{{ 'problem.titleField' | t }}</mat-label>
            <input
              matInput
              [readonly]="!canEdit()"
              [attr.maxlength]="limits.title"
              [value]="title()"
              (input)="title.set($any($event.target).value)"
              data-test="problem-title"
            />
            <mat-hint align="end">{{ count(title(), limits.title) }}</mat-hint>
          </mat-form-field>
          <mat-form-field class="status">
            <mat-label>{{ 'problem.status' | t }}</mat-label>
            <mat-select
              [disabled]="!canEdit()"
              [value]="status()"
              (valueChange)="status.set($event)"
              data-test="problem-status"
            >
              @for (s of statuses; track s) {
                <mat-option [value]="s">{{ statusName(s) }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          @for (f of textFields; track f.key) {
            <mat-form-field class="wide">
              <mat-label>{{ f.label | t }}</mat-label>
              <textarea
                matInput
                rows="3"
                [readonly]="!canEdit()"
                [attr.maxlength]="f.max"
                [value]="f.value()"
                (input)="f.value.set($any($event.target).value)"
                [attr.data-test]="'problem-' + f.key"
              ></textarea>
              <mat-hint align="end">{{ count(f.value(), f.max) }}</mat-hint>
            </mat-form-field>
          }
          @if (canEdit()) {
            <div class="actions">
              <button
                mat-flat-button
                type="submit"
                [disabled]="busy() || !title().trim() || description().trim().length < 5"
                data-test="problem-save"
              >
                {{ 'problem.save' | t }}
              </button>
            </div>
          }
        </form>

        <h2>{{ 'problem.incidents' | t: { count: p.incidents.length } }}</h2>
        <ul class="incidents" data-test="problem-incidents">
          @for (i of p.incidents; track i.number) {
            <li>
              <a [routerLink]="['/tiket', i.number]">{{ i.number }}</a>
              @if (i.priority) {
                <span class="priority-badge" [attr.data-priority]="i.priority">{{
                  i.priority
                }}</span>
              }
              <span class="subject">{{ i.subject }}</span>
              <span class="muted">{{ i.receivedAt | date: 'mediumDate' }}</span>
              @if (canEdit()) {
                <button
                  mat-button
                  type="button"
                  [disabled]="busy()"
                  (click)="unlink(i.number)"
                  data-test="problem-unlink"
                >
                  {{ 'problem.unlink' | t }}
                </button>
              }
            </li>
          } @empty {
            <li class="muted">{{ 'problem.noIncidents' | t }}</li>
          }
        </ul>
        @if (canEdit()) {
          <div class="link-row">
            <mat-form-field subscriptSizing="dynamic" class="grow">
              <mat-label>{{ 'problem.linkIncident' | t }}</mat-label>
              <input
                matInput
                [value]="incident()"
                (input)="incident.set($any($event.target).value)"
                data-test="problem-link-input"
              />
            </mat-form-field>
            <button
              mat-stroked-button
              type="button"
              [disabled]="busy() || !incident().trim()"
              (click)="link()"
              data-test="problem-link-incident"
            >
              {{ 'problem.link' | t }}
            </button>
          </div>
        }
      }
    </section>
  `,
  styleUrl: '../admin/admin.scss',
  styles: `
    .wide {
      display: block;
      width: 100%;
    }
    .status {
      width: 220px;
      max-width: 100%;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
    }
    .incidents {
      list-style: none;
      padding: 0;
    }
    .incidents li {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      align-items: center;
      padding: 6px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant, #e0e0e0);
    }
    .subject {
      flex: 1 1 200px;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .link-row {
      display: flex;
      gap: 12px;
      align-items: center;
      flex-wrap: wrap;
      margin-top: 8px;
    }
    .grow {
      flex: 1 1 240px;
    }
  `,
})
export class ProblemDetailPage {
  protected readonly id = toSignal(
    inject(ActivatedRoute).paramMap.pipe(map((params) => params.get('id') ?? '')),
    { initialValue: '' },
  );
  private readonly api = inject(ProblemsApi);
  private readonly auth = inject(AuthService);
  private readonly notifier = inject(ErrorNotifier);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  protected readonly limits = FIELD_LIMITS.problem;
  protected readonly count = lengthCount;
  protected readonly statuses = PROBLEM_STATUSES;
  protected readonly problem = signal<ProblemDetail | null>(null);
  protected readonly busy = signal(false);
  protected readonly title = signal('');
  protected readonly status = signal<ProblemStatus>('open');
  protected readonly description = signal('');
  protected readonly rootCause = signal('');
  protected readonly workaround = signal('');
  protected readonly incident = signal('');
  protected readonly textFields = [
    {
      key: 'description',
      label: 'problem.description' as MessageKey,
      max: FIELD_LIMITS.problem.description,
      value: this.description,
    },
    {
      key: 'root-cause',
      label: 'problem.rootCause' as MessageKey,
      max: FIELD_LIMITS.problem.rootCause,
      value: this.rootCause,
    },
    {
      key: 'workaround',
      label: 'problem.workaround' as MessageKey,
      max: FIELD_LIMITS.problem.workaround,
      value: this.workaround,
    },
  ];
  protected readonly canEdit = computed(() => {
    const u = this.auth.user();
    const p = this.problem();
    if (!u || !p) return false;
    if (u.roles.includes('admin')) return true;
    return u.office === p.office && (u.roles.includes('agent') || u.roles.includes('manager'));
  });

  constructor() {
    effect(() => {
      const id = this.id();
      if (id) untracked(() => this.load(id));
    });
  }

  protected statusName(status: ProblemStatus): string {
    return this.i18n.t(`problem.status.${status}` as MessageKey);
  }

  protected save(): void {
    const p = this.problem();
    if (!p) return;
    this.run(
      this.api.update(p.id, {
        title: this.title().trim(),
        description: this.description().trim(),
        status: this.status(),
        rootCause: this.rootCause().trim() || null,
        workaround: this.workaround().trim() || null,
        expectedVersion: p.version,
      }),
      'problem.saved',
    );
  }

  protected link(): void {
    const p = this.problem();
    if (!p) return;
    this.run(this.api.linkIncident(p.id, this.incident().trim().toUpperCase()), null, () =>
      this.incident.set(''),
    );
  }

  protected unlink(number: string): void {
    const p = this.problem();
    if (p) this.run(this.api.unlinkIncident(p.id, number), null);
  }

  private run(request: Observable<unknown>, done: MessageKey | null, after?: () => void): void {
    if (this.busy()) return;
    this.busy.set(true);
    request.subscribe({
      next: () => {
        this.busy.set(false);
        after?.();
        if (done)
          this.snackBar.open(this.i18n.t(done), this.i18n.t('app.close'), { duration: 4000 });
        this.load(this.id());
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.notifier.show(error);
      },
    });
  }

  private load(id: string): void {
    this.api.get(id).subscribe({
      next: (p) => {
        this.problem.set(p);
        this.title.set(p.title);
        this.status.set(p.status);
        this.description.set(p.description);
        this.rootCause.set(p.rootCause ?? '');
        this.workaround.set(p.workaround ?? '');
      },
      error: (error: unknown) => this.notifier.show(error),
    });
  }
}
