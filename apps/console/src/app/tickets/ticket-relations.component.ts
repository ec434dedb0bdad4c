import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  FIELD_LIMITS,
  TICKET_LINK_KINDS,
  type MergePreview,
  type TicketDetail,
  type TicketLinkKind,
  type TicketLinksView,
} from '@sigap/contracts';
import { AuthService } from '../auth/auth.service';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';
import { ErrorNotifier } from '../shared/problem';
import { TicketsApi } from './tickets.api';

/**
 * A ticket's relations in the workspace: the banner of a merged ticket (linking to the ticket it
 * continues under), its linked tickets (its own links and a major incident's), linking another
 * ticket, and merging it into another ticket after a confirmation that shows what moves and
 * says the merge cannot be undone.
 */
@Component({
  selector: 'sg-ticket-relations',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, TranslatePipe],
  template: `
    @if (ticket().mergedInto; as into) {
      <div class="merged-banner" role="status" data-test="merged-banner">
        <p>{{ 'merge.banner' | t: { number: into } }}</p>
        <a mat-flat-button [routerLink]="['/tiket', into]" data-test="merged-target">{{
          'merge.banner.link' | t: { number: into }
        }}</a>
      </div>
    }
    <section class="relations" aria-labelledby="relations-title" data-test="relations">
      <h2 id="relations-title">{{ 'links.title' | t }}</h2>
      @if (view(); as v) {
        @if (v.links.length) {
          <ul class="links" data-test="links">
            @for (l of v.links; track (l.id ?? l.source) + l.number) {
              <li data-test="link" [attr.data-kind]="l.kind">
                <span class="badge">{{ kindKey(l.kind) | t }}</span>
                <a [routerLink]="['/tiket', l.number]">{{ l.number }}</a>
                <span class="subject">{{ l.subject }}</span>
                <span class="muted small"
                  >{{ statusKey(l.status) | t }}
                  @if (l.source === 'incident') {
                    · {{ 'links.source.incident' | t }}
                  }
                </span>
                @if (l.id && canLink()) {
                  <button
                    mat-button
                    type="button"
                    [attr.aria-label]="'links.remove' | t: { number: l.number }"
                    [disabled]="busy()"
                    (click)="removeLink(l.id, l.number)"
                    data-test="link-remove"
                  >
                    ✕
                  </button>
                }
              </li>
            }
          </ul>
        } @else {
          <p class="muted small" data-test="links-empty">{{ 'links.none' | t }}</p>
        }
        @if (v.mergedFrom.length) {
          <p class="small" data-test="merged-from">
            {{ 'links.mergedFrom' | t: { numbers: v.mergedFrom.join(', ') } }}
          </p>
        }
      }
      @if (canLink()) {
        <form class="row" (submit)="$event.preventDefault(); addLink()" data-test="link-form">
          <label>
            <span class="small">{{ 'links.number' | t }}</span>
            <input
              class="inline-input"
              [value]="linkNumber()"
              (input)="linkNumber.set($any($event.target).value)"
              maxlength="40"
              autocomplete="off"
              data-test="link-number"
            />
          </label>
          <label>
            <span class="small">{{ 'links.kind' | t }}</span>
            <select
              class="inline-input"
              [value]="linkKind()"
              (change)="linkKind.set($any($event.target).value)"
              data-test="link-kind"
            >
              @for (k of kinds; track k) {
                <option [value]="k" [selected]="k === linkKind()">{{ kindKey(k) | t }}</option>
              }
            </select>
          </label>
          <button
            mat-stroked-button
            type="submit"
            [disabled]="busy() || !linkNumber().trim()"
            data-test="link-add"
          >
            {{ 'links.add' | t }}
          </button>
        </form>
      }
      @if (canMerge()) {
        <form class="row" (submit)="$event.preventDefault(); check()" data-test="merge-form">
          <label>
            <span class="small">{{ 'merge.target' | t }}</span>
            <input
              class="inline-input"
              [value]="target()"
              (input)="target.set($any($event.target).value)"
              maxlength="40"
              autocomplete="off"
              aria-describedby="merge-target-hint"
              data-test="merge-target"
            />
            <span id="merge-target-hint" class="muted small">{{ 'merge.targetHint' | t }}</span>
          </label>
          <button
            mat-stroked-button
            type="submit"
            [disabled]="busy() || !target().trim()"
            data-test="merge-open"
          >
            {{ 'merge.open' | t }}
          </button>
        </form>
      }
    </section>

    <dialog
      #dialog
      class="merge-dialog"
      aria-labelledby="merge-dialog-title"
      data-test="merge-dialog"
      (close)="preview.set(null)"
    >
      @if (preview(); as p) {
        <h2 id="merge-dialog-title">
          {{ 'merge.title' | t: { source: p.source.number, target: p.target.number } }}
        </h2>
        <p class="small">{{ p.target.subject }}</p>
        @if (p.refusal) {
          <p class="refusal" role="alert" data-test="merge-refusal">
            <strong>{{ 'merge.refused' | t }}:</strong> {{ p.refusal }}
          </p>
        } @else {
          <p>{{ 'merge.moves' | t: { target: p.target.number } }}</p>
          <ul data-test="merge-moves">
            <li>{{ 'merge.entries' | t: { count: p.timelineEntries } }}</li>
            <li>{{ 'merge.evidence' | t: { count: p.evidence } }}</li>
            <li>{{ 'merge.files' | t: { count: p.attachments } }}</li>
          </ul>
          <p class="small">
            {{
              (p.requesterMailed ? 'merge.mail' : 'merge.noMail')
                | t: { source: p.source.number, target: p.target.number }
            }}
          </p>
          <p class="final" data-test="merge-final">
            {{ 'merge.final' | t: { source: p.source.number } }}
          </p>
          <label class="reason">
            <span class="small">{{ 'merge.reason' | t }}</span>
            <textarea
              rows="2"
              [value]="reason()"
              (input)="reason.set($any($event.target).value)"
              [attr.maxlength]="reasonMax"
              data-test="merge-reason"
            ></textarea>
          </label>
        }
        <div class="row end">
          <button mat-button type="button" (click)="close()" data-test="merge-cancel">
            {{ 'merge.cancel' | t }}
          </button>
          @if (!p.refusal) {
            <button
              mat-flat-button
              type="button"
              [disabled]="busy()"
              (click)="merge(p)"
              data-test="merge-confirm"
            >
              {{ 'merge.confirm' | t }}
            </button>
          }
        </div>
      }
    </dialog>
  `,
  styles: `
    :host {
      display: block;
    }
    .merged-banner {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      padding: 12px 16px;
      margin: 8px 0;
      border-radius: 8px;
      border: 1px solid #b45309;
      background: #fef3c7;
      color: #451a03;
    }
    .merged-banner p {
      margin: 0;
      flex: 1 1 240px;
    }
    .links {
      list-style: none;
      margin: 0 0 8px;
      padding: 0;
    }
    .links li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
      padding: 4px 0;
    }
    .subject {
      overflow-wrap: anywhere;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 8px 12px;
      margin: 8px 0;
    }
    .row.end {
      justify-content: flex-end;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 2px;
      min-width: 0;
    }
    input.inline-input {
      max-width: 100%;
    }
    .merge-dialog {
      width: min(560px, calc(100vw - 32px));
      box-sizing: border-box;
      border: none;
      border-radius: 12px;
      padding: 16px 20px;
    }
    .merge-dialog::backdrop {
      background: rgb(0 0 0 / 40%);
    }
    .merge-dialog h2 {
      margin-top: 0;
      overflow-wrap: anywhere;
    }
    .final,
    .refusal {
      color: #7f1d1d;
    }
    .reason textarea {
      width: 100%;
      box-sizing: border-box;
      font: inherit;
    }
  `,
})
export class TicketRelationsComponent {
  private readonly api = inject(TicketsApi);
  private readonly auth = inject(AuthService);
  private readonly notifier = inject(ErrorNotifier);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  readonly ticket = input.required<TicketDetail>();
  /** The ticket changed here (merged, or a link): the workspace reads it again. */
  readonly changed = output<void>();

  protected readonly kinds = TICKET_LINK_KINDS;
  protected readonly reasonMax = FIELD_LIMITS.ticket.reason;
  protected readonly view = signal<TicketLinksView | null>(null);
  protected readonly busy = signal(false);
  protected readonly linkNumber = signal('');
  protected readonly linkKind = signal<TicketLinkKind>('related');
  protected readonly target = signal('');
  protected readonly reason = signal('');
  protected readonly preview = signal<MergePreview | null>(null);
  private readonly dialog = viewChild<ElementRef<HTMLDialogElement>>('dialog');
  /** The ticket and version the links were last read at (a reload of the same reads nothing). */
  private loadedAt: string | null = null;

  /** Agents and managers of the ticket's office, and admins, link and merge. */
  private readonly mayRelate = computed(() => {
    const user = this.auth.user();
    if (!user) return false;
    if (user.roles.includes('admin')) return true;
    return (
      user.office === this.ticket().office &&
      (user.roles.includes('agent') || user.roles.includes('manager'))
    );
  });
  protected readonly canLink = computed(
    () => this.mayRelate() && this.ticket().status !== 'merged',
  );
  protected readonly canMerge = computed(
    () => this.mayRelate() && this.ticket().allowedActions.includes('merge'),
  );

  constructor() {
    effect(() => {
      // Read again when the ticket changes (a new version may be a merge into it).
      const { number, version } = this.ticket();
      const key = `${number}@${version}`;
      if (key === this.loadedAt) return;
      this.loadedAt = key;
      untracked(() => this.load(number));
    });
  }

  protected kindKey(kind: TicketLinkKind): MessageKey {
    return `links.kind.${kind}` as MessageKey;
  }

  protected statusKey(status: string): MessageKey {
    return `tickets.status.${status}` as MessageKey;
  }

  private load(number: string): void {
    this.api.links(number).subscribe({
      next: (v) => this.view.set(v),
      error: (error: unknown) => this.notifier.show(error),
    });
  }

  protected addLink(): void {
    const number = this.linkNumber().trim().toUpperCase();
    if (!number || this.busy()) return;
    this.busy.set(true);
    this.api.addLink(this.ticket().number, { number, kind: this.linkKind() }).subscribe({
      next: (v) => {
        this.busy.set(false);
        this.view.set(v);
        this.linkNumber.set('');
        this.toast(this.i18n.t('links.added', { number }));
        this.changed.emit();
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  protected removeLink(id: string, number: string): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.api.removeLink(this.ticket().number, id).subscribe({
      next: (v) => {
        this.busy.set(false);
        this.view.set(v);
        this.toast(this.i18n.t('links.removed', { number }));
        this.changed.emit();
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  /** Reads what the merge would move and asks for confirmation. */
  protected check(): void {
    const target = this.target().trim().toUpperCase();
    if (!target || this.busy()) return;
    this.busy.set(true);
    this.api.mergePreview(this.ticket().number, target).subscribe({
      next: (p) => {
        this.busy.set(false);
        this.preview.set(p);
        this.reason.set('');
        const dialog = this.dialog()?.nativeElement;
        if (dialog && !dialog.open) dialog.showModal();
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  protected close(): void {
    this.dialog()?.nativeElement.close();
  }

  protected merge(p: MergePreview): void {
    if (this.busy()) return;
    this.busy.set(true);
    const reason = this.reason().trim();
    this.api
      .merge(this.ticket().number, {
        target: p.target.number,
        expectedVersion: this.ticket().version,
        targetExpectedVersion: p.target.version,
        ...(reason ? { reason } : {}),
      })
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.close();
          this.target.set('');
          this.toast(this.i18n.t('merge.done', { target: p.target.number }));
          this.changed.emit();
        },
        error: (error: unknown) => {
          this.close();
          this.failed(error);
        },
      });
  }

  private toast(message: string): void {
    this.snackBar.open(message, this.i18n.t('app.close'), { duration: 5000 });
  }

  private failed(error: unknown): void {
    this.busy.set(false);
    if (error instanceof HttpErrorResponse && error.status === 409) {
      this.snackBar.open(this.i18n.t('tickets.stale'), this.i18n.t('app.close'), {
        duration: 8000,
        panelClass: 'sg-snack-error',
      });
      this.changed.emit();
    } else {
      this.notifier.show(error);
    }
  }
}
