import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { FIELD_LIMITS } from '@sigap/contracts';
import type { MailboxInput, MailboxView, OfficeSummary } from '@sigap/contracts';
import { catchError, of } from 'rxjs';
import { CatalogApi } from '../catalog/catalog.api';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';
import { ErrorNotifier, fieldErrorsOf, problemOf } from '../shared/problem';
import { TextFieldComponent, type TextFieldSpec } from '../shared/text-field.component';
import { ZonedDatePipe } from '../shared/zoned-date';
import { AdminMailApi } from './admin-mail.api';

/** The form's fields; the password stays empty unless the admin types a new one. */
export interface MailboxDraft {
  name: string;
  office: string;
  host: string;
  port: number;
  secure: boolean;
  tlsRejectUnauthorized: boolean;
  user: string;
  password: string;
  folder: string;
  afterProcessing: 'seen' | 'move';
  processedFolder: string;
  useIdle: boolean;
  pollSeconds: number;
  enabled: boolean;
}

export function emptyDraft(office = ''): MailboxDraft {
  return {
    name: '',
    office,
    host: '',
    port: 993,
    secure: true,
    tlsRejectUnauthorized: true,
    user: '',
    password: '',
    folder: 'INBOX',
    afterProcessing: 'seen',
    processedFolder: 'Sigap/Diproses',
    useIdle: true,
    pollSeconds: 60,
    enabled: true,
  };
}

export function draftOf(m: MailboxView): MailboxDraft {
  return {
    name: m.name,
    office: m.office,
    host: m.host,
    port: m.port,
    secure: m.secure,
    tlsRejectUnauthorized: m.tlsRejectUnauthorized,
    user: m.user,
    password: '',
    folder: m.folder,
    afterProcessing: m.processedFolder ? 'move' : 'seen',
    processedFolder: m.processedFolder ?? 'Sigap/Diproses',
    useIdle: m.useIdle,
    pollSeconds: m.pollSeconds,
    enabled: m.enabled,
  };
}

/** The request body of a draft; an empty password is left out (the stored one stays). */
export function inputOf(d: MailboxDraft): MailboxInput {
  const body: MailboxInput = {
    name: d.name.trim(),
    office: d.office,
    host: d.host.trim(),
    port: Number(d.port),
    secure: d.secure,
    tlsRejectUnauthorized: d.tlsRejectUnauthorized,
    user: d.user.trim(),
    folder: d.folder.trim() || 'INBOX',
    processedFolder: d.afterProcessing === 'move' ? d.processedFolder.trim() || null : null,
    useIdle: d.useIdle,
    pollSeconds: Number(d.pollSeconds),
    enabled: d.enabled,
  };
  if (d.password) body.password = d.password;
  return body;
}

/** A text or number field of the form, by the draft property it edits. */
export type MailboxField = TextFieldSpec & {
  key: 'name' | 'host' | 'port' | 'user' | 'password' | 'folder' | 'pollSeconds';
};

/** The name field; the office selector follows it. */
export const MAILBOX_NAME_FIELD: MailboxField = {
  key: 'name',
  label: 'admin.mailboxes.name',
  required: true,
  maxlength: 40,
  test: 'mailbox-name',
};

/** The connection fields after the office selector, in the order shown. */
export const MAILBOX_FIELDS: readonly MailboxField[] = [
  {
    key: 'host',
    label: 'admin.mailboxes.host',
    required: true,
    maxlength: FIELD_LIMITS.mailbox.host,
    test: 'mailbox-host',
  },
  {
    key: 'port',
    label: 'admin.mailboxes.port',
    type: 'number',
    min: 1,
    max: 65535,
    test: 'mailbox-port',
  },
  {
    key: 'user',
    label: 'admin.mailboxes.user',
    required: true,
    maxlength: FIELD_LIMITS.mailbox.user,
    test: 'mailbox-user',
  },
  {
    key: 'password',
    label: 'admin.mailboxes.password',
    type: 'password',
    maxlength: FIELD_LIMITS.mailbox.password,
    test: 'mailbox-password',
  },
  {
    key: 'folder',
    label: 'admin.mailboxes.folder',
    maxlength: FIELD_LIMITS.mailbox.folder,
    test: 'mailbox-folder',
  },
  {
    key: 'pollSeconds',
    label: 'admin.mailboxes.pollSeconds',
    type: 'number',
    min: 10,
    max: 3600,
    test: 'mailbox-poll',
  },
];

/** The processed-messages folder, shown when messages are moved after processing. */
export const MAILBOX_PROCESSED_FIELD: TextFieldSpec = {
  label: 'admin.mailboxes.processedFolder',
  maxlength: FIELD_LIMITS.mailbox.processedFolder,
  test: 'mailbox-processed-folder',
};

/**
 * `/admin/kotak-surat`: the IMAP mailboxes of each office. Database mailboxes are created,
 * edited, tested and disabled here; those from `SIGAP_IMAP_MAILBOXES` are shown read-only.
 * The password is write-only: the form never receives it back.
 */
@Component({
  selector: 'sg-mailboxes-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    TextFieldComponent,
    TranslatePipe,
    ZonedDatePipe,
  ],
  templateUrl: './mailboxes.page.html',
  styleUrl: './admin.scss',
})
export class MailboxesPage {
  private readonly api = inject(AdminMailApi);
  private readonly notifier = inject(ErrorNotifier);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  protected readonly mailboxes = signal<MailboxView[]>([]);
  protected readonly loading = signal(false);
  protected readonly busy = signal<string | null>(null);
  /** The mailbox being edited (null: a new one), or undefined when the form is closed. */
  protected readonly editing = signal<MailboxView | null | undefined>(undefined);
  protected readonly draft = signal<MailboxDraft>(emptyDraft());
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly nameField = MAILBOX_NAME_FIELD;
  protected readonly processedField = MAILBOX_PROCESSED_FIELD;
  /** The connection fields; when editing, the password label says an empty one keeps the old. */
  protected readonly fields = computed(() =>
    this.editing()
      ? MAILBOX_FIELDS.map((f) =>
          f.key === 'password' ? { ...f, label: 'admin.mailboxes.passwordKeep' as const } : f,
        )
      : MAILBOX_FIELDS,
  );
  protected readonly testResults = signal<Record<string, string>>({});
  protected readonly offices = toSignal(
    inject(CatalogApi)
      .offices()
      .pipe(catchError(() => of([] as OfficeSummary[]))),
    { initialValue: [] as OfficeSummary[] },
  );

  constructor() {
    this.load();
  }

  protected zoneOf(office: string): string {
    return this.offices().find((o) => o.code === office)?.timeZone ?? 'Asia/Jakarta';
  }

  protected originKey(m: MailboxView): MessageKey {
    return `admin.mailboxes.origin.${m.origin}` as MessageKey;
  }

  protected set<K extends keyof MailboxDraft>(key: K, value: MailboxDraft[K]): void {
    this.draft.update((d) => ({ ...d, [key]: value }));
  }

  /** Takes a field's typed text into the draft, as a number for the number fields. */
  protected setField(field: MailboxField, text: string): void {
    this.set(field.key, field.type === 'number' ? Number(text) : text);
  }

  private load(): void {
    this.loading.set(true);
    this.api.mailboxes().subscribe({
      next: (list) => {
        this.mailboxes.set(list);
        this.loading.set(false);
      },
      error: (e: unknown) => {
        this.loading.set(false);
        this.notifier.show(e);
      },
    });
  }

  protected create(): void {
    this.errors.set({});
    this.draft.set(emptyDraft(this.offices()[0]?.code ?? ''));
    this.editing.set(null);
  }

  protected edit(m: MailboxView): void {
    this.errors.set({});
    this.draft.set(draftOf(m));
    this.editing.set(m);
  }

  protected cancel(): void {
    this.editing.set(undefined);
    this.draft.set(emptyDraft());
  }

  protected save(): void {
    const editing = this.editing();
    if (editing === undefined) return;
    const body = inputOf(this.draft());
    if (!editing && !body.password) {
      this.errors.set({ password: this.i18n.t('admin.mailboxes.password') });
      return;
    }
    this.busy.set('form');
    const request = editing?.id
      ? this.api.updateMailbox(editing.id, { ...body, expectedVersion: editing.version })
      : this.api.createMailbox(body);
    request.subscribe({
      next: () => {
        this.busy.set(null);
        this.cancel();
        this.snackBar.open(this.i18n.t('admin.mailboxes.saved'), undefined, { duration: 3000 });
        this.load();
      },
      error: (e: unknown) => {
        this.busy.set(null);
        const fields = fieldErrorsOf(problemOf(e));
        this.errors.set(fields);
        if (!Object.keys(fields).length) this.notifier.show(e);
      },
    });
  }

  protected toggle(m: MailboxView): void {
    if (!m.id) return;
    this.busy.set(m.id);
    this.api.setMailboxEnabled(m.id, !m.enabled, m.version).subscribe({
      next: (updated) => {
        this.busy.set(null);
        this.mailboxes.update((list) => list.map((x) => (x.id === updated.id ? updated : x)));
      },
      error: (e: unknown) => {
        this.busy.set(null);
        this.notifier.show(e);
        this.load();
      },
    });
  }

  protected releaseHeld(m: MailboxView): void {
    const id = m.id;
    if (!id) return;
    this.busy.set(id);
    this.api.releaseHeldMessages(id).subscribe({
      next: (updated) => {
        this.busy.set(null);
        this.mailboxes.update((list) => list.map((x) => (x.id === updated.id ? updated : x)));
        this.snackBar.open(this.i18n.t('admin.mailboxes.released'), undefined, { duration: 3000 });
      },
      error: (e: unknown) => {
        this.busy.set(null);
        this.notifier.show(e);
      },
    });
  }

  /** Has the held messages deleted from the mailbox, after the admin confirms. */
  protected discardHeld(m: MailboxView): void {
    const id = m.id;
    if (!id) return;
    const question = this.i18n.t('admin.mailboxes.confirmDiscardHeld', {
      count: m.heldMessages,
      name: m.name,
    });
    if (!confirm(question)) return;
    this.busy.set(id);
    this.api.discardHeldMessages(id).subscribe({
      next: (updated) => {
        this.busy.set(null);
        this.mailboxes.update((list) => list.map((x) => (x.id === updated.id ? updated : x)));
        this.snackBar.open(this.i18n.t('admin.mailboxes.discarded'), undefined, { duration: 3000 });
      },
      error: (e: unknown) => {
        this.busy.set(null);
        this.notifier.show(e);
      },
    });
  }

  protected test(m: MailboxView): void {
    const id = m.id;
    if (!id) return;
    this.busy.set(id);
    this.api.testMailbox(id).subscribe({
      next: (result) => {
        this.busy.set(null);
        const text = result.ok
          ? this.i18n.t('admin.mailboxes.testOk', { count: String(result.messages ?? 0) })
          : this.i18n.t('admin.mailboxes.testFailed', { error: result.error ?? '?' });
        this.testResults.update((r) => ({ ...r, [id]: text }));
      },
      error: (e: unknown) => {
        this.busy.set(null);
        this.notifier.show(e);
      },
    });
  }
}
