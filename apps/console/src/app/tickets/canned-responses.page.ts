import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import {
  FIELD_LIMITS,
  CANNED_PLACEHOLDERS,
  type CannedPlaceholder,
  type CannedResponseView,
} from '@sigap/contracts';
import { AuthService } from '../auth/auth.service';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';
import { FormActionsComponent, FormHeadComponent } from '../shared/form-parts';
import { loadInto, officeChoice, upsertById } from '../shared/office-choice';
import { OfficeSelectComponent } from '../shared/office-select.component';
import { EditForm } from '../shared/edit-form';
import { lengthCount } from '../shared/form-focus';
import { ErrorNotifier } from '../shared/problem';
import { CannedResponsesApi } from './canned-responses.api';

/**
 * `/tiket/jawaban`: the office's canned responses. Everyone of the office reads them (they are
 * offered in the reply composer); agents, managers and admins keep them.
 */
@Component({
  selector: 'sg-canned-responses-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormActionsComponent,
    FormHeadComponent,
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    OfficeSelectComponent,
    TranslatePipe,
  ],
  template: `
    <section class="page">
      <header class="page-header">
        <h1>{{ 'agent.canned.title' | t }}</h1>
        <span class="spacer"></span>
        @if (isAdmin()) {
          <sg-office-select
            [offices]="choice.offices()"
            [value]="office()"
            (chosen)="choice.chosen.set($event)"
          />
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
          <sg-form-head
            [title]="(editing() ? 'agent.canned.edit' : 'agent.canned.new') | t"
            [error]="formError()"
          />
          <mat-form-field class="full">
            <mat-label>{{ 'agent.canned.titleField' | t }}</mat-label>
            <input
              matInput
              name="title"
              [(ngModel)]="title"
              [attr.maxlength]="limit.title"
              data-test="canned-title"
            />
            @if (errors()['title']; as error) {
              <mat-hint class="field-error" data-test="error-title">{{ error }}</mat-hint>
            }
            <mat-hint align="end" data-test="field-count">{{ count(title, limit.title) }}</mat-hint>
          </mat-form-field>
          <mat-form-field class="full">
            <mat-label>{{ 'agent.canned.body' | t }}</mat-label>
            <textarea
              #bodyBox
              matInput
              name="body"
              rows="6"
              [(ngModel)]="body"
              [attr.maxlength]="limit.body"
              data-test="canned-body"
            ></textarea>
            @if (errors()['body']; as error) {
              <mat-hint class="field-error" data-test="error-body">{{ error }}</mat-hint>
            }
            <mat-hint align="end" data-test="field-count">{{ count(body, limit.body) }}</mat-hint>
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
          <sg-form-actions
            [saving]="saving()"
            saveTest="save-canned"
            (cancelled)="editing.set(null)"
          />
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
    .full {
      width: 100%;
    }
    .form {
      margin-bottom: 16px;
    }
    .chips,
    .row-head {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      align-items: center;
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
    .field-error {
      color: var(--mat-sys-error);
    }
  `,
})
export class CannedResponsesPage {
  private readonly api = inject(CannedResponsesApi);
  private readonly auth = inject(AuthService);
  private readonly notifier = inject(ErrorNotifier);
  private readonly i18n = inject(I18nService);

  protected readonly placeholders = CANNED_PLACEHOLDERS;
  protected readonly isAdmin = this.auth.isAdmin;
  protected readonly canManage = computed(
    () => this.auth.hasRole('admin') || this.auth.hasRole('agent') || this.auth.hasRole('manager'),
  );
  protected readonly choice = officeChoice((office) => this.load(office));
  protected readonly office = this.choice.office;
  protected readonly items = signal<CannedResponseView[]>([]);
  protected readonly loading = signal(false);

  /** The form: closed, on a new response ('') or on one being edited (its id). */
  private readonly form = new EditForm();
  protected readonly editing = this.form.editing;
  protected readonly errors = this.form.errors;
  protected readonly formError = this.form.formError;
  protected readonly saving = this.form.saving;
  protected title = '';
  protected body = '';
  /** The API's limits, shown as counters. */
  protected readonly limit = FIELD_LIMITS.cannedResponse;
  protected readonly count = lengthCount;

  private load(office: string): void {
    loadInto(this.api.list(office), (list) => this.items.set(list), this.loading, this.notifier);
  }

  protected placeholderLabel(name: CannedPlaceholder): MessageKey {
    return `agent.canned.ph.${name}` as MessageKey;
  }

  protected startCreate(): void {
    this.title = '';
    this.body = '';
    this.form.open('');
  }

  protected startEdit(item: CannedResponseView): void {
    this.title = item.title;
    this.body = item.body;
    this.form.open(item.id);
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
    this.form.submit(request, (saved) =>
      this.items.update((list) =>
        upsertById(list, saved).sort((a, b) => a.title.localeCompare(b.title)),
      ),
    );
  }

  protected remove(item: CannedResponseView): void {
    if (!confirm(this.i18n.t('agent.canned.confirmDelete', { title: item.title }))) return;
    this.api.remove(item.id).subscribe({
      next: () => this.items.update((list) => list.filter((c) => c.id !== item.id)),
      error: (e: unknown) => this.notifier.show(e),
    });
  }
}
