import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  FIELD_LIMITS,
  IMPROVEMENT_ACTION_STATUSES,
  type ImprovementActionOwnerOptions,
  type ImprovementActionStatus,
  type ImprovementActionView,
  type ReviewAttendee,
  type ReviewFiguresSnapshot,
  type ReviewView,
} from '@sigap/contracts';
import { AuthService } from '../auth/auth.service';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';
import { lengthCount } from '../shared/form-focus';
import { officeChoice } from '../shared/office-choice';
import { OfficeSelectComponent } from '../shared/office-select.component';
import { ErrorNotifier, fieldErrorsOf, problemOf } from '../shared/problem';
import { ReviewFiguresComponent } from './review-figures.component';
import { ReviewsApi } from './reviews.api';

/** Today's local date (YYYY-MM-DD) of the browser, and a month before it. */
function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
function monthsBack(n: number): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/**
 * `/tinjauan`: the office's periodic service reviews (meetings with attendees, the figures
 * reviewed, notes and decisions) and the improvement actions arising from them, with their
 * owners, due dates, status changes and overdue badges. Managers of the office and admins write;
 * the office's helpdesk reads.
 */
@Component({
  selector: 'sg-reviews-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    OfficeSelectComponent,
    ReviewFiguresComponent,
    TranslatePipe,
  ],
  templateUrl: './reviews.page.html',
  styleUrls: ['../admin/admin.scss', './reviews.page.scss'],
})
export class ReviewsPage {
  protected readonly auth = inject(AuthService);
  private readonly api = inject(ReviewsApi);
  private readonly notifier = inject(ErrorNotifier);
  private readonly i18n = inject(I18nService);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly limits = FIELD_LIMITS.review;
  protected readonly actionLimits = FIELD_LIMITS.improvementAction;
  protected readonly count = lengthCount;
  protected readonly statuses = IMPROVEMENT_ACTION_STATUSES;
  protected readonly choice = officeChoice((office) => this.load(office));
  protected readonly office = this.choice.office;

  protected readonly reviews = signal<ReviewView[]>([]);
  protected readonly actions = signal<ImprovementActionView[]>([]);
  protected readonly owners = signal<ImprovementActionOwnerOptions>({ users: [], positions: [] });
  protected readonly loading = signal(false);
  protected readonly busy = signal(false);
  protected readonly statusFilter = signal<ImprovementActionStatus | null>(null);
  protected readonly overdueOnly = signal(false);

  // The review form.
  protected readonly recording = signal(false);
  protected readonly heldOn = signal(today());
  protected readonly title = signal('');
  protected readonly periodFrom = signal(monthsBack(3));
  protected readonly periodTo = signal(monthsBack(1));
  protected readonly attendees = signal<ReviewAttendee[]>([{ name: '', position: '' }]);
  protected readonly notes = signal('');
  protected readonly decisions = signal('');
  protected readonly preview = signal<ReviewFiguresSnapshot | null>(null);
  protected readonly reviewErrors = signal<Record<string, string>>({});
  protected readonly reviewError = signal<string | null>(null);

  // The action form.
  protected readonly adding = signal(false);
  protected readonly actionTitle = signal('');
  protected readonly actionDescription = signal('');
  protected readonly actionReview = signal<string | null>(null);
  /** `u:<user id>` or `p:<position code>`. */
  protected readonly actionOwner = signal('');
  protected readonly actionDue = signal('');
  protected readonly actionErrors = signal<Record<string, string>>({});
  protected readonly actionError = signal<string | null>(null);

  // The status change of one action.
  protected readonly changing = signal<string | null>(null);
  protected readonly newStatus = signal<ImprovementActionStatus>('in-progress');
  protected readonly doneOn = signal('');
  protected readonly closingNote = signal('');
  protected readonly statusErrors = signal<Record<string, string>>({});
  protected readonly statusError = signal<string | null>(null);

  protected readonly canWrite = computed(() => {
    const u = this.auth.user();
    if (!u) return false;
    if (u.roles.includes('admin')) return true;
    return u.office === this.office() && u.roles.includes('manager');
  });

  protected readonly reviewReady = computed(
    () =>
      !!this.heldOn() &&
      !!this.title().trim() &&
      !!this.periodFrom() &&
      !!this.periodTo() &&
      this.attendees().some((a) => a.name.trim() && a.position.trim()),
  );

  protected readonly actionReady = computed(
    () => !!this.actionTitle().trim() && !!this.actionOwner() && !!this.actionDue(),
  );

  protected statusName(status: ImprovementActionStatus): string {
    return this.i18n.t(`review.status.${status}` as MessageKey);
  }

  protected t(key: MessageKey, params?: Record<string, string | number>): string {
    return this.i18n.t(key, params);
  }

  protected decisionsOf(text: string): string[] {
    return text
      .split('\n')
      .map((d) => d.trim())
      .filter((d) => d);
  }

  // ---- reviews ----

  protected startReview(): void {
    this.recording.set(true);
    this.reviewErrors.set({});
    this.reviewError.set(null);
    this.loadFigures();
  }

  protected setAttendee(index: number, field: keyof ReviewAttendee, value: string): void {
    this.attendees.update((list) =>
      list.map((a, i) => (i === index ? { ...a, [field]: value } : a)),
    );
  }

  protected addAttendee(): void {
    this.attendees.update((list) => [...list, { name: '', position: '' }]);
  }

  protected removeAttendee(index: number): void {
    this.attendees.update((list) => list.filter((_, i) => i !== index));
  }

  protected setPeriod(which: 'from' | 'to', value: string): void {
    (which === 'from' ? this.periodFrom : this.periodTo).set(value);
    this.preview.set(null);
  }

  protected loadFigures(): void {
    const from = this.periodFrom();
    const to = this.periodTo();
    if (!from || !to) return;
    this.api.figures(this.office(), from, to).subscribe({
      next: (figures) => this.preview.set(figures),
      error: (error: unknown) => {
        const problem = problemOf(error);
        this.reviewErrors.set(fieldErrorsOf(problem));
        this.reviewError.set(problem?.detail ?? null);
        if (!problem) this.notifier.show(error);
      },
    });
  }

  protected saveReview(): void {
    if (this.busy() || !this.reviewReady()) return;
    this.busy.set(true);
    this.reviewError.set(null);
    this.api
      .createReview({
        office: this.office(),
        heldOn: this.heldOn(),
        title: this.title().trim(),
        attendees: this.attendees()
          .map((a) => ({ name: a.name.trim(), position: a.position.trim() }))
          .filter((a) => a.name || a.position),
        periodFrom: this.periodFrom(),
        periodTo: this.periodTo(),
        notes: this.notes().trim() || null,
        decisions: this.decisionsOf(this.decisions()),
      })
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.recording.set(false);
          this.title.set('');
          this.notes.set('');
          this.decisions.set('');
          this.attendees.set([{ name: '', position: '' }]);
          this.preview.set(null);
          this.done('review.saved');
          this.load(this.office());
        },
        error: (error: unknown) => this.refused(error, this.reviewErrors, this.reviewError),
      });
  }

  // ---- actions ----

  protected filterStatus(status: ImprovementActionStatus | null): void {
    this.statusFilter.set(status);
    this.loadActions(this.office());
  }

  protected filterOverdue(overdue: boolean): void {
    this.overdueOnly.set(overdue);
    this.loadActions(this.office());
  }

  protected startAction(): void {
    this.adding.set(true);
    this.actionErrors.set({});
    this.actionError.set(null);
  }

  protected saveAction(): void {
    if (this.busy() || !this.actionReady()) return;
    const owner = this.actionOwner();
    this.busy.set(true);
    this.actionError.set(null);
    this.api
      .createAction({
        office: this.office(),
        reviewId: this.actionReview(),
        title: this.actionTitle().trim(),
        description: this.actionDescription().trim() || null,
        ownerUserId: owner.startsWith('u:') ? owner.slice(2) : null,
        ownerPosition: owner.startsWith('p:') ? owner.slice(2) : null,
        dueOn: this.actionDue(),
      })
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.adding.set(false);
          this.actionTitle.set('');
          this.actionDescription.set('');
          this.actionReview.set(null);
          this.actionOwner.set('');
          this.actionDue.set('');
          this.done('review.action.saved');
          this.load(this.office());
        },
        error: (error: unknown) => this.refused(error, this.actionErrors, this.actionError),
      });
  }

  protected startStatus(action: ImprovementActionView): void {
    this.changing.set(action.id);
    this.newStatus.set(action.status === 'open' ? 'in-progress' : action.status);
    this.doneOn.set(action.doneOn ?? '');
    this.closingNote.set(action.closingNote ?? '');
    this.statusErrors.set({});
    this.statusError.set(null);
  }

  protected saveStatus(action: ImprovementActionView): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.statusError.set(null);
    const status = this.newStatus();
    this.api
      .updateAction(action.id, {
        title: action.title,
        description: action.description,
        ownerUserId: action.ownerUserId,
        ownerPosition: action.ownerPosition,
        dueOn: action.dueOn,
        status,
        doneOn: status === 'done' ? this.doneOn() || null : null,
        closingNote: this.closingNote().trim() || null,
        expectedVersion: action.version,
      })
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.changing.set(null);
          this.done('review.action.statusSaved');
          this.load(this.office());
        },
        error: (error: unknown) => this.refused(error, this.statusErrors, this.statusError),
      });
  }

  // ---- loading ----

  private load(office: string): void {
    if (!office) return;
    this.loading.set(true);
    this.api.reviews(office).subscribe({
      next: (list) => {
        this.loading.set(false);
        this.reviews.set(list);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.notifier.show(error);
      },
    });
    this.loadActions(office);
    if (this.canWrite())
      this.api.owners(office).subscribe({
        next: (owners) => this.owners.set(owners),
        error: (error: unknown) => this.notifier.show(error),
      });
  }

  private loadActions(office: string): void {
    if (!office) return;
    this.api
      .actions(office, { status: this.statusFilter(), overdue: this.overdueOnly() })
      .subscribe({
        next: (list) => this.actions.set(list),
        error: (error: unknown) => this.notifier.show(error),
      });
  }

  private done(key: MessageKey): void {
    this.snackBar.open(this.i18n.t(key), this.i18n.t('app.close'), { duration: 4000 });
  }

  private refused(
    error: unknown,
    fields: { set(v: Record<string, string>): void },
    sentence: { set(v: string | null): void },
  ): void {
    this.busy.set(false);
    const problem = problemOf(error);
    fields.set(fieldErrorsOf(problem));
    sentence.set(problem?.detail ?? null);
    if (!problem) this.notifier.show(error);
  }
}
