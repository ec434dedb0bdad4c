import { HttpEventType, type HttpEvent } from '@angular/common/http';
import { DestroyRef, computed, inject, signal, untracked } from '@angular/core';
import type { Observable, Subscription } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { I18nService } from '../i18n/i18n.service';
import { ErrorNotifier } from './problem';

/** One file chosen for upload: waiting, uploading, stored, or failed. */
export interface PendingUpload {
  key: number;
  name: string;
  size: number;
  /** 0..100 while uploading. */
  progress: number;
  /** The stored attachment, once the upload has finished. */
  id: string | null;
  failed: boolean;
  /** Held until there is somewhere to upload to (a ticket not opened yet). */
  waiting: boolean;
  /** Why it failed, when known (a file over the limit is refused before it is sent). */
  reason?: string;
  /** The file, kept while it can still be sent (waiting, or failed in transit: retry). */
  file?: File;
}

/** Sends one file, reporting progress; the answer names the stored attachment. */
export type Uploader = (file: File) => Observable<HttpEvent<{ id: string }>>;

/** A size as people read it (B, KB, MB). */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * The files a form attaches: each is checked against the API's limit (`uploadMaxBytes` of
 * `/auth/me`) before it is sent, uploaded with progress once there is a target, and kept on the
 * list when it fails, so the form can refuse to go on until it is retried or removed.
 *
 * Construct it in an injection context (a field of a component): it stops its uploads when the
 * component goes.
 */
export class UploadQueue {
  private readonly auth = inject(AuthService);
  private readonly i18n = inject(I18nService);
  private readonly notifier = inject(ErrorNotifier);
  private readonly running = new Map<number, Subscription>();
  private target: Uploader | null = null;
  private nextKey = 1;

  readonly items = signal<PendingUpload[]>([]);
  /** The API's attachment limit in bytes (0: not known, the API alone checks). */
  readonly max = computed(() => this.auth.user()?.uploadMaxBytes ?? 0);
  readonly hasFailed = computed(() => this.items().some((u) => u.failed));
  /** Every file listed is stored (true for an empty list). */
  readonly allStored = computed(() => this.items().every((u) => u.id !== null && !u.failed));
  /** The stored attachments, in the order the files were chosen. */
  readonly ids = computed(() => this.items().flatMap((u) => (u.id && !u.failed ? [u.id] : [])));

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      for (const subscription of this.running.values()) subscription.unsubscribe();
    });
  }

  /**
   * Where files go from now on (null: they wait). Files already waiting are sent at once.
   */
  uploadTo(target: Uploader | null): void {
    this.target = target;
    if (!target) return;
    // Called from effects too: what is waiting now is read, not followed.
    const waiting = untracked(() => this.items().filter((u) => u.waiting && u.file));
    for (const u of waiting) if (u.file) this.start(u.key, u.file);
  }

  add(files: readonly File[]): void {
    for (const file of files) {
      const key = this.nextKey++;
      const max = this.max();
      if (max > 0 && file.size > max) {
        // Refused here: the API would refuse it only after the whole file had been sent.
        const reason = this.i18n.t('agent.attach.tooLarge', {
          size: sizeText(file.size),
          max: sizeText(max),
        });
        this.push({ key, name: file.name, size: file.size, failed: true, reason });
        continue;
      }
      this.push({ key, name: file.name, size: file.size, failed: false, waiting: true, file });
      if (this.target) this.start(key, file);
    }
  }

  /** Sends a file that failed in transit once more. */
  retry(key: number): void {
    const item = this.items().find((u) => u.key === key);
    if (!item?.file || !item.failed || !this.target) return;
    this.patch(key, { failed: false, reason: undefined, progress: 0 });
    this.start(key, item.file);
  }

  remove(key: number): void {
    this.running.get(key)?.unsubscribe();
    this.running.delete(key);
    this.items.update((list) => list.filter((u) => u.key !== key));
  }

  clear(): void {
    for (const subscription of this.running.values()) subscription.unsubscribe();
    this.running.clear();
    this.items.set([]);
  }

  private push(item: Partial<PendingUpload> & Pick<PendingUpload, 'key' | 'name' | 'size'>): void {
    const full: PendingUpload = { progress: 0, id: null, failed: false, waiting: false, ...item };
    this.items.update((list) => [...list, full]);
  }

  private patch(key: number, change: Partial<PendingUpload>): void {
    this.items.update((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));
  }

  private start(key: number, file: File): void {
    const target = this.target;
    if (!target) return;
    this.running.get(key)?.unsubscribe();
    this.patch(key, { waiting: false, progress: 0 });
    const subscription = target(file).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress) {
          const total = event.total ?? file.size;
          const progress = total ? Math.min(100, Math.round((100 * event.loaded) / total)) : 0;
          this.patch(key, { progress });
        } else if (event.type === HttpEventType.Response && event.body) {
          this.patch(key, { progress: 100, id: event.body.id, file: undefined });
        }
      },
      error: (error: unknown) => {
        this.running.delete(key);
        this.patch(key, { failed: true });
        this.notifier.show(error);
      },
      complete: () => this.running.delete(key),
    });
    this.running.set(key, subscription);
  }
}
