import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import type { AttachmentView } from '@sigap/contracts';
import { TranslatePipe } from '../i18n/i18n.service';
import { ErrorNotifier } from '../shared/problem';
import { sizeText } from '../shared/upload-queue';
import { ZonedDatePipe } from '../shared/zoned-date';
import { TicketsApi } from './tickets.api';

/**
 * The files kept on a ticket (brought to the desk, sent by e-mail or through the portal,
 * attached to replies), listed when the agent asks for them, each downloaded with the agent's
 * token.
 */
@Component({
  selector: 'sg-ticket-files',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, TranslatePipe, ZonedDatePipe],
  template: `
    <button
      mat-stroked-button
      type="button"
      [attr.aria-expanded]="files() !== null"
      (click)="toggle()"
      data-test="files-toggle"
    >
      <mat-icon svgIcon="attachment" />{{
        (files() === null ? 'staff.ws.files.show' : 'staff.ws.files.hide') | t
      }}
    </button>
    @if (files(); as list) {
      @if (list.length) {
        <ul class="files" data-test="files">
          @for (f of list; track f.id) {
            <li data-test="file">
              <button mat-button type="button" class="name" (click)="download(f)">
                {{ f.fileName }}
              </button>
              <span class="muted small"
                >{{ size(f.size) }} · {{ f.createdAt | zoned: timeZone() }}</span
              >
            </li>
          }
        </ul>
      } @else {
        <p class="muted small" data-test="files-empty">{{ 'staff.ws.files.none' | t }}</p>
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .files {
      list-style: none;
      margin: 4px 0 0;
      padding: 0;
    }
    .files li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      column-gap: 8px;
    }
    .name {
      max-width: 100%;
      overflow: hidden;
      text-overflow: ellipsis;
    }
  `,
})
export class TicketFilesComponent {
  private readonly api = inject(TicketsApi);
  private readonly notifier = inject(ErrorNotifier);

  readonly number = input.required<string>();
  readonly timeZone = input('Asia/Jakarta');
  /** Null while the list is closed. */
  protected readonly files = signal<AttachmentView[] | null>(null);
  protected readonly size = sizeText;

  protected toggle(): void {
    if (this.files() !== null) return this.files.set(null);
    this.api.attachments(this.number()).subscribe({
      next: (list) => this.files.set(list),
      error: (error: unknown) => this.notifier.show(error),
    });
  }

  protected download(file: AttachmentView): void {
    this.api.attachmentFile(file).subscribe({
      next: (blob) => {
        const url = URL.createObjectURL(blob);
        const link = document.createElement('a');
        link.href = url;
        link.download = file.fileName;
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      },
      error: (error: unknown) => this.notifier.show(error),
    });
  }
}
