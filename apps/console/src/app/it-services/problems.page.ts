import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  FIELD_LIMITS,
  PROBLEM_STATUSES,
  type ProblemStatus,
  type ProblemView,
} from '@sigap/contracts';
import { AuthService } from '../auth/auth.service';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';
import { lengthCount } from '../shared/form-focus';
import { officeChoice } from '../shared/office-choice';
import { OfficeSelectComponent } from '../shared/office-select.component';
import { ErrorNotifier, fieldErrorsOf, problemOf } from '../shared/problem';
import { ProblemsApi } from './problems.api';

/**
 * `/masalah`: the office's problem records (the causes of recurring incidents), by status, and a
 * form for a new one. The office's staff read; its helpdesk and managers record.
 */
@Component({
  selector: 'sg-problems-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    OfficeSelectComponent,
    RouterLink,
    TranslatePipe,
  ],
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ 'problem.title' | t }}</h1>
        <span class="spacer"></span>
        @if (auth.isAdmin()) {
          <sg-office-select
            [offices]="choice.offices()"
            [value]="office()"
            (chosen)="choice.chosen.set($event)"
          />
        }
        <mat-form-field subscriptSizing="dynamic" class="status-filter">
          <mat-label>{{ 'problem.status' | t }}</mat-label>
          <mat-select [value]="status()" (valueChange)="filter($event)" data-test="problem-filter">
            <mat-option [value]="null">{{ 'problem.allStatuses' | t }}</mat-option>
            @for (s of statuses; track s) {
              <mat-option [value]="s">{{ statusName(s) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        @if (canEdit()) {
          <button
            mat-flat-button
            type="button"
            (click)="creating.set(true)"
            data-test="new-problem"
          >
            {{ 'problem.new' | t }}
          </button>
        }
      </header>
      <p class="muted">{{ 'problem.intro' | t }}</p>

      @if (creating()) {
        <form
          class="card form"
          (submit)="$event.preventDefault(); create()"
          data-test="problem-form"
          novalidate
        >
          <h2>{{ 'problem.new' | t }}</h2>
          <mat-form-field class="wide">
            <mat-label>{{ 'problem.titleField' | t }}</mat-label>
            <input
              matInput
              required
              [attr.maxlength]="limits.title"
              [value]="title()"
              (input)="title.set($any($event.target).value)"
              data-test="problem-title"
            />
            <mat-hint align="end">{{ count(title(), limits.title) }}</mat-hint>
            @if (errors()['title']) {
              <mat-error>{{ errors()['title'] }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field class="wide">
            <mat-label>{{ 'problem.description' | t }}</mat-label>
            <textarea
              matInput
              rows="3"
              required
              [attr.maxlength]="limits.description"
              [value]="description()"
              (input)="description.set($any($event.target).value)"
              data-test="problem-description"
            ></textarea>
            <mat-hint align="end">{{ count(description(), limits.description) }}</mat-hint>
          </mat-form-field>
          @if (formError()) {
            <p class="error" role="alert" data-test="problem-form-error">{{ formError() }}</p>
          }
          <div class="actions">
            <button mat-button type="button" (click)="creating.set(false)">
              {{ 'problem.cancel' | t }}
            </button>
            <button
              mat-flat-button
              type="submit"
              [disabled]="busy() || !title().trim() || description().trim().length < 5"
              data-test="problem-create"
            >
              {{ 'problem.create' | t }}
            </button>
          </div>
        </form>
      }

      @if (loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      <ul class="problems" data-test="problem-list">
        @for (p of problems(); track p.id) {
          <li class="card">
            <a [routerLink]="['/masalah', p.id]" class="title" data-test="problem-link">{{
              p.title
            }}</a>
            <span class="badge" [attr.data-status]="p.status">{{ statusName(p.status) }}</span>
            <span class="muted">{{ 'problem.incidentCount' | t: { count: p.incidentCount } }}</span>
          </li>
        } @empty {
          @if (!loading()) {
            <li class="muted">{{ 'problem.none' | t }}</li>
          }
        }
      </ul>
    </section>
  `,
  styleUrl: '../admin/admin.scss',
  styles: `
    .problems {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    .problems li {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      align-items: center;
    }
    .title {
      flex: 1 1 240px;
      font-weight: 500;
      overflow-wrap: anywhere;
    }
    .badge {
      border-radius: 12px;
      padding: 2px 10px;
      background: var(--mat-sys-secondary-container, #e8def8);
    }
    .wide {
      display: block;
      width: 100%;
    }
    .status-filter {
      width: 180px;
    }
    .actions {
      display: flex;
      gap: 8px;
      justify-content: flex-end;
      flex-wrap: wrap;
    }
  `,
})
export class ProblemsPage {
  protected readonly auth = inject(AuthService);
  private readonly api = inject(ProblemsApi);
  private readonly notifier = inject(ErrorNotifier);
  private readonly i18n = inject(I18nService);
  protected readonly limits = FIELD_LIMITS.problem;
  protected readonly count = lengthCount;
  protected readonly statuses = PROBLEM_STATUSES;
  protected readonly choice = officeChoice((office) => this.load(office));
  protected readonly office = this.choice.office;
  protected readonly problems = signal<ProblemView[]>([]);
  protected readonly loading = signal(false);
  protected readonly status = signal<ProblemStatus | null>(null);
  protected readonly creating = signal(false);
  protected readonly busy = signal(false);
  protected readonly title = signal('');
  protected readonly description = signal('');
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly formError = signal<string | null>(null);
  protected readonly canEdit = computed(() => {
    const u = this.auth.user();
    if (!u) return false;
    if (u.roles.includes('admin')) return true;
    return u.office === this.office() && (u.roles.includes('agent') || u.roles.includes('manager'));
  });

  protected statusName(status: ProblemStatus): string {
    return this.i18n.t(`problem.status.${status}` as MessageKey);
  }

  protected filter(status: ProblemStatus | null): void {
    this.status.set(status);
    this.load(this.office());
  }

  protected create(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.formError.set(null);
    this.api
      .create({
        office: this.office(),
        title: this.title().trim(),
        description: this.description().trim(),
      })
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.creating.set(false);
          this.title.set('');
          this.description.set('');
          this.load(this.office());
        },
        error: (error: unknown) => {
          this.busy.set(false);
          const problem = problemOf(error);
          this.errors.set(fieldErrorsOf(problem));
          this.formError.set(problem?.detail ?? null);
          if (!problem) this.notifier.show(error);
        },
      });
  }

  private load(office: string): void {
    if (!office) return;
    this.loading.set(true);
    this.api.list(office, this.status()).subscribe({
      next: (list) => {
        this.loading.set(false);
        this.problems.set(list);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.notifier.show(error);
      },
    });
  }
}
