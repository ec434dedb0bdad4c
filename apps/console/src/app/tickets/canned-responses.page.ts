import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  CANNED_PLACEHOLDERS,
  type CannedPlaceholder,
  type CannedResponseView,
  type OfficeSummary,
} from '@sigap/contracts';
import { catchError, of } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { CatalogApi } from '../catalog/catalog.api';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';
import { ErrorNotifier, fieldErrorsOf, problemOf } from '../shared/problem';
import { CannedResponsesApi } from './canned-responses.api';

/**
 * `/tiket/jawaban`: the office's canned responses. Everyone of the office reads them (they are
 * offered in the reply composer); agents, managers and admins keep them.
 */
@Component({
  selector: 'sg-canned-responses-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
  ],
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ 'agent.canned.title' | t }}</h1>
        <span class="spacer"></span>
        @if (isAdmin()) {
          <mat-form-field class="office-field" subscriptSizing="dynamic">
            <mat-label>{{ 'admin.office' | t }}</mat-label>
            <mat-select
              [value]="office()"
              (valueChange)="chosen.set($event)"
              data-test="office-select"
            >
              @for (o of offices(); track o.code) {
                <mat-option [value]="o.code">{{ o.name }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        }
        @if (canManage()) {
          <button mat-flat-button type="button" (click)="startCreate()" data-test="new-canned">
            {{ 'agent.canned.new' | t }}
          </button>
        }
      </header>
      <p class="muted">{{ 'agent.canned.intro' | t }}</p>

      @if (editing() !== null) {
        <form class="card form" (ngSubmit)="save()" data-test="canned-form" novalidate>
          <h2>{{ (editing() ? 'agent.canned.edit' : 'agent.canned.new') | t }}</h2>
          @if (formError(); as message) {
            <p class="form-error" role="alert" data-test="form-error">{{ message }}</p>
          }
          <mat-form-field class="full">
            <mat-label>{{ 'agent.canned.titleField' | t }}</mat-label>
            <input
              matInput
              name="title"
              [(ngModel)]="title"
              maxlength="200"
              data-test="canned-title"
            />
            @if (errors()['title']; as error) {
              <mat-hint class="field-error" data-test="error-title">{{ error }}</mat-hint>
            }
          </mat-form-field>
          <mat-form-field class="full">
            <mat-label>{{ 'agent.canned.body' | t }}</mat-label>
            <textarea
              #bodyBox
              matInput
              name="body"
              rows="6"
              [(ngModel)]="body"
              data-test="canned-body"
            ></textarea>
            @if (errors()['body']; as error) {
              <mat-hint class="field-error" data-test="error-body">{{ error }}</mat-hint>
            }
          </mat-form-field>
          <div class="chips" role="group" [attr.aria-label]="'agent.canned.placeholders' | t">
            <span class="muted">{{ 'agent.canned.placeholders' | t }}:</span>
            @for (p of placeholders; track p) {
              <button
                mat-stroked-button
                type="button"
                (click)="insertPlaceholder(p, bodyBox)"
                [attr.data-test]="'placeholder-' + p"
                [title]="placeholderLabel(p) | t"
              >
                {{ '{{' + p + '}}' }}
              </button>
            }
          </div>
          <div class="actions">
            <button mat-flat-button type="submit" [disabled]="saving()" data-test="save-canned">
              {{ 'admin.save' | t }}
            </button>
            <button mat-stroked-button type="button" (click)="editing.set(null)">
              {{ 'admin.cancel' | t }}
            </button>
          </div>
        </form>
      }

      @if (loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      <ul class="list" data-test="canned-list">
        @for (c of items(); track c.id) {
          <li class="card" data-test="canned-row">
            <div class="row-head">
              <strong>{{ c.title }}</strong>
              <span class="spacer"></span>
              @if (canManage()) {
                <button mat-button type="button" (click)="startEdit(c)" data-test="edit-canned">
                  {{ 'admin.edit' | t }}
                </button>
                <button mat-button type="button" (click)="remove(c)" data-test="delete-canned">
                  {{ 'agent.canned.delete' | t }}
                </button>
              }
            </div>
            <p class="body">{{ c.body }}</p>
          </li>
        } @empty {
          @if (!loading()) {
            <li class="muted" data-test="canned-empty">{{ 'agent.canned.none' | t }}</li>
          }
        }
      </ul>
    </section>
  `,
  styles: `
    .office-field {
      min-width: 240px;
    }
    .full {
      width: 100%;
    }
    .form {
      margin-bottom: 16px;
    }
    .chips,
    .actions,
    .row-head {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      align-items: center;
    }
    .actions {
      margin-top: 12px;
    }
    .list {
      list-style: none;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .body {
      white-space: pre-wrap;
      margin: 4px 0 0;
    }
    .field-error,
    .form-error {
      color: var(--mat-sys-error);
    }
  `,
})
export class CannedResponsesPage {
  private readonly api = inject(CannedResponsesApi);
  private readonly auth = inject(AuthService);
  private readonly notifier = inject(ErrorNotifier);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  protected readonly placeholders = CANNED_PLACEHOLDERS;
  protected readonly isAdmin = this.auth.isAdmin;
  protected readonly canManage = computed(
    () => this.auth.hasRole('admin') || this.auth.hasRole('agent') || this.auth.hasRole('manager'),
  );
  protected readonly offices = toSignal(
    inject(CatalogApi)
      .offices()
      .pipe(catchError(() => of([] as OfficeSummary[]))),
    { initialValue: [] as OfficeSummary[] },
  );
  protected readonly chosen = signal(this.auth.user()?.office ?? '');
  protected readonly office = computed(() => this.chosen() || this.offices()[0]?.code || '');
  protected readonly items = signal<CannedResponseView[]>([]);
  protected readonly loading = signal(false);

  /** Null: no form; '': a new response; an id: editing it. */
  protected readonly editing = signal<string | null>(null);
  protected title = '';
  protected body = '';
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly formError = signal<string | null>(null);
  protected readonly saving = signal(false);

  constructor() {
    effect(() => {
      const office = this.office();
      if (office) untracked(() => this.load(office));
    });
  }

  private load(office: string): void {
    this.loading.set(true);
    this.api.list(office).subscribe({
      next: (list) => {
        this.items.set(list);
        this.loading.set(false);
      },
      error: (e: unknown) => {
        this.loading.set(false);
        this.notifier.show(e);
      },
    });
  }

  protected placeholderLabel(name: CannedPlaceholder): MessageKey {
    return `agent.canned.ph.${name}` as MessageKey;
  }

  protected startCreate(): void {
    this.title = '';
    this.body = '';
    this.errors.set({});
    this.formError.set(null);
    this.editing.set('');
  }

  protected startEdit(item: CannedResponseView): void {
    this.title = item.title;
    this.body = item.body;
    this.errors.set({});
    this.formError.set(null);
    this.editing.set(item.id);
  }

  /** Puts `{{name}}` where the caret is (replacing a selection), without blank lines around it. */
  protected insertPlaceholder(name: CannedPlaceholder, box: HTMLTextAreaElement): void {
    const before = this.body.slice(0, box.selectionStart);
    const after = this.body.slice(box.selectionEnd);
    const token = `{{${name}}}`;
    this.body = `${before}${token}${after}`;
    box.value = this.body;
    const caret = before.length + token.length;
    box.focus();
    box.setSelectionRange(caret, caret);
  }

  protected save(): void {
    const id = this.editing();
    if (id === null) return;
    const title = this.title.trim();
    const body = this.body.trim();
    const missing: Record<string, string> = {};
    if (!title) missing['title'] = this.i18n.t('tickets.open.required');
    if (!body) missing['body'] = this.i18n.t('tickets.open.required');
    if (Object.keys(missing).length) {
      this.errors.set(missing);
      return;
    }
    const request =
      id === ''
        ? this.api.create({ office: this.office(), title, body })
        : this.api.update(id, { title, body });
    this.saving.set(true);
    this.errors.set({});
    this.formError.set(null);
    request.subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.editing.set(null);
        this.items.update((list) =>
          (id === '' ? [...list, saved] : list.map((c) => (c.id === saved.id ? saved : c))).sort(
            (a, b) => a.title.localeCompare(b.title),
          ),
        );
        this.snackBar.open(this.i18n.t('admin.saved'), undefined, { duration: 3000 });
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.errors.set(fieldErrorsOf(problemOf(e)));
        this.formError.set(this.notifier.describe(e));
      },
    });
  }

  protected remove(item: CannedResponseView): void {
    if (!confirm(this.i18n.t('agent.canned.confirmDelete', { title: item.title }))) return;
    this.api.remove(item.id).subscribe({
      next: () => this.items.update((list) => list.filter((c) => c.id !== item.id)),
      error: (e: unknown) => this.notifier.show(e),
    });
  }
}
