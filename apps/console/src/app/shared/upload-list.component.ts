import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';
import { sizeText, type UploadQueue } from './upload-queue';

/**
 * The file picker and the list of an `UploadQueue`: each file with its size, its progress while
 * it goes, why it failed (with a retry when the file can be sent again) and a button to remove
 * it; the API's limit under the list, and a warning while a failed file holds the form back.
 */
@Component({
  selector: 'sg-upload-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, TranslatePipe],
  template: `
    <input
      #file
      type="file"
      multiple
      class="visually-hidden"
      [attr.aria-label]="'agent.attach.add' | t"
      (change)="addFiles($any($event.target))"
      data-test="attach-input"
    />
    <button mat-stroked-button type="button" (click)="file.click()" data-test="attach">
      <mat-icon svgIcon="upload" />{{ 'agent.attach.add' | t }}
    </button>
    <ul class="uploads">
      @for (u of queue().items(); track u.key) {
        <li
          data-test="upload"
          [attr.data-state]="u.failed ? 'failed' : u.id ? 'done' : u.waiting ? 'waiting' : 'busy'"
        >
          <span class="name">{{ u.name }}</span>
          <span class="muted small">{{ size(u.size) }}</span>
          @if (u.failed) {
            <span class="error small" data-test="upload-error">{{
              u.reason ?? ('agent.attach.failed' | t)
            }}</span>
          } @else if (u.waiting) {
            <span class="muted small line" data-test="upload-waiting">{{ waitingText() | t }}</span>
          } @else if (!u.id) {
            <mat-progress-bar
              mode="determinate"
              [value]="u.progress"
              [attr.aria-label]="'agent.attach.progress' | t: { name: u.name }"
              data-test="upload-progress"
            />
            <span class="small" data-test="upload-percent">{{ u.progress }}%</span>
          }
          <span class="actions">
            @if (u.failed && u.file && canRetry()) {
              <button
                mat-button
                type="button"
                (click)="queue().retry(u.key)"
                [attr.aria-label]="'agent.attach.retry' | t: { name: u.name }"
                data-test="upload-retry"
              >
                {{ 'agent.attach.retryShort' | t }}
              </button>
            }
            <button
              mat-button
              type="button"
              (click)="queue().remove(u.key)"
              [attr.aria-label]="'agent.attach.remove' | t: { name: u.name }"
              data-test="upload-remove"
            >
              {{ 'agent.attach.removeShort' | t }}
            </button>
          </span>
        </li>
      }
    </ul>
    @if (queue().max()) {
      <p class="muted small" data-test="upload-limit">
        {{ 'agent.attach.limit' | t: { size: size(queue().max()) } }}
      </p>
    }
    @if (queue().hasFailed()) {
      <p class="error small" role="alert" data-test="upload-blocked">
        {{ blockedText() | t }}
      </p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .uploads {
      list-style: none;
      margin: 4px 0 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: 0;
      max-width: 640px;
    }
    .uploads li {
      display: grid;
      grid-template-columns: minmax(0, 1fr) auto auto;
      align-items: center;
      column-gap: 8px;
    }
    .uploads mat-progress-bar {
      grid-column: 1 / span 2;
    }
    /* Why a file failed, or that it waits: on its own line under the name. */
    .uploads li .error,
    .uploads li .line {
      grid-column: 1 / -1;
      grid-row: 2;
    }
    .actions {
      grid-column: 3;
      grid-row: 1;
      display: flex;
      justify-content: flex-end;
    }
    .name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .error {
      color: var(--mat-sys-error);
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
  `,
})
export class UploadListComponent {
  readonly queue = input.required<UploadQueue>();
  /** What a failed file holds back ("before sending the reply"). */
  readonly blockedText = input<MessageKey>('agent.attach.blocked');
  /** Said of a file held until there is somewhere to send it. */
  readonly waitingText = input<MessageKey>('agent.attach.waiting');
  /** A file that failed in transit may be sent again. */
  readonly canRetry = input(true);

  protected readonly size = sizeText;

  protected addFiles(input: HTMLInputElement): void {
    const files = Array.from(input.files ?? []);
    input.value = '';
    this.queue().add(files);
  }
}
