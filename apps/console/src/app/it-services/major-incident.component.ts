import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  FIELD_LIMITS,
  type IncidentView,
  type ProblemView,
  type TicketDetail,
} from '@sigap/contracts';
import type { Observable } from 'rxjs';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';
import { lengthCount } from '../shared/form-focus';
import { ErrorNotifier } from '../shared/problem';
import { ProblemsApi } from './problems.api';

/**
 * The major-incident side of an incident in the workspace: the parent it belongs to, or the
 * reports linked to it (link, unlink), one update for every reporter, its root cause, and the
 * problem record it is linked to. The helpdesk acts; others read.
 */
@Component({
  selector: 'sg-major-incident',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    RouterLink,
    TranslatePipe,
  ],
  template: `
    <section class="major" data-test="major-incident" aria-labelledby="major-title">
      <h3 id="major-title">{{ 'major.title' | t }}</h3>
      @if (view().parent; as p) {
        <p data-test="major-parent">
          <a [routerLink]="['/tiket', p.number]">{{
            'major.parent' | t: { number: p.number, subject: p.subject }
          }}</a>
        </p>
      } @else {
        <h4>{{ 'major.children' | t: { count: view().children.length } }}</h4>
        <ul class="children" data-test="major-children">
          @for (c of view().children; track c.number) {
            <li>
              <a [routerLink]="['/tiket', c.number]">{{ c.number }}</a>
              <span class="subject">{{ c.subject }}</span>
              <span class="muted">{{ c.requesterName ?? '' }} · {{ statusName(c.status) }}</span>
              @if (canAct()) {
                <button
                  mat-button
                  type="button"
                  [disabled]="busy()"
                  [attr.aria-label]="'major.unlinkLabel' | t: { number: c.number }"
                  (click)="unlink(c.number)"
                  data-test="major-unlink"
                >
                  {{ 'major.unlink' | t }}
                </button>
              }
            </li>
          } @empty {
            <li class="muted">{{ 'major.noChildren' | t }}</li>
          }
        </ul>
        @if (canAct()) {
          <div class="row">
            <mat-form-field appearance="outline" subscriptSizing="dynamic" class="grow">
              <mat-label>{{ 'major.link' | t }}</mat-label>
              <input
                matInput
                [value]="linkText()"
                (input)="linkText.set($any($event.target).value)"
                data-test="major-link-input"
              />
              <mat-hint>{{ 'major.linkHint' | t }}</mat-hint>
            </mat-form-field>
            <button
              mat-stroked-button
              type="button"
              [disabled]="busy() || !toLink().length"
              (click)="link()"
              data-test="major-link"
            >
              {{ 'major.linkSave' | t }}
            </button>
          </div>
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="wide">
            <mat-label>{{ 'major.update' | t }}</mat-label>
            <textarea
              matInput
              rows="3"
              [attr.maxlength]="updateMax"
              [value]="update()"
              (input)="update.set($any($event.target).value)"
              data-test="major-update-input"
            ></textarea>
            <mat-hint>{{ 'major.updateHint' | t }}</mat-hint>
            <mat-hint align="end">{{ count(update(), updateMax) }}</mat-hint>
          </mat-form-field>
          <button
            mat-flat-button
            type="button"
            [disabled]="busy() || !update().trim()"
            (click)="sendUpdate()"
            data-test="major-update-send"
          >
            {{ 'major.updateSend' | t }}
          </button>
          @if (view().children.length) {
            <p class="muted" data-test="major-resolve-note">{{ 'major.resolveNote' | t }}</p>
          }
        }
      }

      <mat-form-field appearance="outline" subscriptSizing="dynamic" class="wide">
        <mat-label>{{ 'major.rootCause' | t }}</mat-label>
        <textarea
          matInput
          rows="2"
          [attr.maxlength]="rootCauseMax"
          [readonly]="!canAct()"
          [value]="rootCause()"
          (input)="rootCause.set($any($event.target).value)"
          data-test="major-root-cause"
        ></textarea>
        <mat-hint align="end">{{ count(rootCause(), rootCauseMax) }}</mat-hint>
      </mat-form-field>
      @if (canAct()) {
        <button
          mat-stroked-button
          type="button"
          [disabled]="busy() || rootCause().trim() === (view().rootCause ?? '')"
          (click)="saveRootCause()"
          data-test="major-root-cause-save"
        >
          {{ 'major.rootCauseSave' | t }}
        </button>
      }

      <div class="row">
        @if (view().problem; as p) {
          <p data-test="major-problem">
            {{ 'major.problem' | t }}:
            <a [routerLink]="['/masalah', p.id]">{{ p.title }}</a>
            ({{ problemStatusName(p.status) }})
          </p>
          @if (canAct()) {
            <button
              mat-button
              type="button"
              [disabled]="busy()"
              (click)="unlinkProblem(p.id)"
              data-test="major-problem-unlink"
            >
              {{ 'major.problemUnlink' | t }}
            </button>
          }
        } @else if (canAct()) {
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="grow">
            <mat-label>{{ 'major.problem' | t }}</mat-label>
            <mat-select
              [value]="problemId()"
              (valueChange)="problemId.set($event)"
              data-test="major-problem-select"
            >
              @for (p of problems(); track p.id) {
                <mat-option [value]="p.id">{{ p.title }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <button
            mat-stroked-button
            type="button"
            [disabled]="busy() || !problemId()"
            (click)="linkProblem()"
            data-test="major-problem-link"
          >
            {{ 'major.problemLink' | t }}
          </button>
        } @else {
          <p class="muted">{{ 'major.problemNone' | t }}</p>
        }
      </div>
    </section>
  `,
  styles: `
    .major {
      border-top: 1px solid var(--mat-sys-outline-variant, #c4c6d0);
      margin-top: 12px;
      padding-top: 8px;
    }
    .children {
      list-style: none;
      padding: 0;
      margin: 0 0 8px;
    }
    .children li {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      align-items: center;
      padding: 4px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant, #e0e0e0);
    }
    .subject {
      flex: 1 1 200px;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .row {
      display: flex;
      gap: 12px;
      align-items: center;
      flex-wrap: wrap;
      margin: 8px 0;
    }
    .grow {
      flex: 1 1 240px;
    }
    .wide {
      display: block;
      width: 100%;
      margin: 12px 0 4px;
    }
  `,
})
export class MajorIncidentComponent {
  protected readonly updateMax = FIELD_LIMITS.incident.majorUpdate;
  protected readonly rootCauseMax = FIELD_LIMITS.incident.rootCause;
  protected readonly count = lengthCount;
  private readonly api = inject(ProblemsApi);
  private readonly notifier = inject(ErrorNotifier);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  readonly ticket = input.required<TicketDetail>();
  readonly view = input.required<IncidentView>();
  /** The incident (or a report linked to it) changed. */
  readonly changed = output<void>();

  protected readonly canAct = computed(() => this.ticket().allowedActions.length > 0);
  protected readonly busy = signal(false);
  protected readonly linkText = signal('');
  protected readonly update = signal('');
  protected readonly rootCause = signal('');
  protected readonly problems = signal<ProblemView[]>([]);
  protected readonly problemId = signal<string | null>(null);
  /** The numbers typed, upper-cased, without blanks or repeats. */
  protected readonly toLink = computed(() => [
    ...new Set(
      this.linkText()
        .split(/[\s,;]+/)
        .map((n) => n.trim().toUpperCase())
        .filter(Boolean),
    ),
  ]);

  constructor() {
    effect(() => {
      const v = this.view();
      untracked(() => this.rootCause.set(v.rootCause ?? ''));
    });
    effect((onCleanup) => {
      const t = this.ticket();
      if (!untracked(this.canAct)) return;
      const sub = this.api.list(t.office).subscribe({
        next: (list) => this.problems.set(list.filter((p) => p.status !== 'resolved')),
        error: () => this.problems.set([]),
      });
      onCleanup(() => sub.unsubscribe());
    });
  }

  protected statusName(status: string): string {
    return this.i18n.t(`tickets.status.${status}` as MessageKey);
  }

  protected problemStatusName(status: string): string {
    return this.i18n.t(`problem.status.${status}` as MessageKey);
  }

  protected link(): void {
    const t = this.ticket();
    this.run(this.api.linkChildren(t.number, this.toLink(), t.version), 'major.linked', () =>
      this.linkText.set(''),
    );
  }

  protected unlink(child: string): void {
    const t = this.ticket();
    this.run(this.api.unlinkChild(t.number, child, t.version), 'major.unlinked');
  }

  protected sendUpdate(): void {
    const t = this.ticket();
    this.run(
      this.api.postUpdate(t.number, this.update().trim(), t.version),
      'major.updateSent',
      () => this.update.set(''),
    );
  }

  protected saveRootCause(): void {
    const t = this.ticket();
    const text = this.rootCause().trim() || null;
    this.run(this.api.rootCause(t.number, text, t.version), 'major.rootCauseSaved');
  }

  protected linkProblem(): void {
    const id = this.problemId();
    if (!id) return;
    this.run(this.api.linkIncident(id, this.ticket().number), null, () => this.problemId.set(null));
  }

  protected unlinkProblem(id: string): void {
    this.run(this.api.unlinkIncident(id, this.ticket().number), null);
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
        this.changed.emit();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        if (
          error instanceof HttpErrorResponse &&
          (error.error as { code?: string } | null)?.code === 'ticket.stale_version'
        ) {
          this.snackBar.open(this.i18n.t('tickets.stale'), this.i18n.t('app.close'), {
            duration: 8000,
            panelClass: 'sg-snack-error',
          });
          this.changed.emit();
        } else {
          this.notifier.show(error);
        }
      },
    });
  }
}
