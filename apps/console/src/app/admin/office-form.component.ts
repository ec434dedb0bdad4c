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
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { OfficeAdminView, TimeZoneOption } from '@sigap/contracts';
import { catchError, of } from 'rxjs';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';
import { ErrorNotifier, fieldErrorsOf, problemOf } from '../shared/problem';
import { OfficesApi } from './offices.api';

/** The same rules as the API's, checked before sending (the API stays the judge). */
export const OFFICE_CODE = /^[a-z0-9][a-z0-9-]{0,38}[a-z0-9]$/;
export const TICKET_PREFIX = /^[A-Z0-9]{2,12}$/;
const REGION = /^ID-[A-Z]{2}$/;
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const FORBIDDEN = /[<>\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export interface OfficeValues {
  code: string;
  name: string;
  timeZone: string;
  ticketPrefix: string;
  region: string;
  address: string;
  website: string;
  helpdeskEmail: string;
  complaintEmail: string;
  logoUrl: string;
}

type Key = keyof OfficeValues;

/** One text field of the form. */
interface Field {
  key: Key;
  label: MessageKey;
  hint: MessageKey | null;
  type: 'text' | 'email' | 'url';
  maxlength: number;
  /** Only when creating (the code is fixed afterwards). */
  createOnly?: boolean;
  required?: boolean;
  wide?: boolean;
}

const EMPTY: OfficeValues = {
  code: '',
  name: '',
  timeZone: 'Asia/Jakarta',
  ticketPrefix: '',
  region: '',
  address: '',
  website: '',
  helpdeskEmail: '',
  complaintEmail: '',
  logoUrl: '',
};

/** The form's values for an office (empty for a new one). */
export function officeValues(office: OfficeAdminView | null): OfficeValues {
  if (!office) return { ...EMPTY };
  return {
    code: office.code,
    name: office.name,
    timeZone: office.timeZone,
    ticketPrefix: office.ticketPrefix,
    region: office.region ?? '',
    address: office.address ?? '',
    website: office.website ?? '',
    helpdeskEmail: office.helpdeskEmail ?? '',
    complaintEmail: office.complaintEmail ?? '',
    logoUrl: office.logoUrl ?? '',
  };
}

/** Problems the form can see by itself, by field, as message keys. */
export function checkOffice(v: OfficeValues, creating: boolean): Partial<Record<Key, MessageKey>> {
  const errors: Partial<Record<Key, MessageKey>> = {};
  if (creating && !OFFICE_CODE.test(v.code)) errors.code = 'onboard.office.err.code';
  const name = v.name.trim();
  if (name.length < 2 || name.length > 200 || FORBIDDEN.test(name))
    errors.name = 'onboard.office.err.name';
  if (!v.timeZone) errors.timeZone = 'onboard.office.err.timeZone';
  if (
    !TICKET_PREFIX.test(v.ticketPrefix) ||
    v.ticketPrefix.startsWith('ADU') ||
    v.ticketPrefix.startsWith('GNG')
  )
    errors.ticketPrefix = 'onboard.office.err.prefix';
  if (v.region.trim() && !REGION.test(v.region.trim())) errors.region = 'onboard.office.err.region';
  if (FORBIDDEN.test(v.address)) errors.address = 'onboard.office.err.text';
  for (const key of ['helpdeskEmail', 'complaintEmail'] as const)
    if (v[key].trim() && !EMAIL.test(v[key].trim())) errors[key] = 'onboard.office.err.email';
  if (v.website.trim() && !/^https?:\/\/\S+$/.test(v.website.trim()))
    errors.website = 'onboard.office.err.url';
  if (v.logoUrl.trim() && !/^https:\/\/\S+$/.test(v.logoUrl.trim()))
    errors.logoUrl = 'onboard.office.err.logo';
  return errors;
}

/**
 * Creates an office (no `office` given) or edits one. The zone list offers WIB, WITA and WIT
 * first. Emits the saved office; the API's field errors are shown beside their fields.
 */
@Component({
  selector: 'sg-office-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  template: `
    <form class="card form" (ngSubmit)="save()" data-test="office-form" novalidate>
      <h2>{{ (creating() ? 'onboard.office.new' : 'onboard.office.edit') | t }}</h2>
      @if (formError(); as error) {
        <p class="form-error" role="alert" data-test="office-form-error">{{ error }}</p>
      }
      <div class="grid">
        @for (f of shownFields(); track f.key) {
          <mat-form-field [class.wide]="f.wide" subscriptSizing="dynamic">
            <mat-label>{{ f.label | t }}</mat-label>
            @if (f.key === 'address') {
              <textarea
                matInput
                rows="2"
                [name]="f.key"
                [attr.maxlength]="f.maxlength"
                [ngModel]="values()[f.key]"
                (ngModelChange)="set(f.key, $event)"
                [attr.data-test]="'office-' + f.key"
              ></textarea>
            } @else {
              <input
                matInput
                autocomplete="off"
                [type]="f.type"
                [name]="f.key"
                [required]="f.required ?? false"
                [attr.maxlength]="f.maxlength"
                [ngModel]="values()[f.key]"
                (ngModelChange)="set(f.key, $event)"
                [attr.data-test]="'office-' + f.key"
              />
            }
            @if (errors()[f.key]; as error) {
              <mat-hint class="field-error" [attr.data-test]="'office-error-' + f.key">{{
                error
              }}</mat-hint>
            } @else if (f.hint) {
              <mat-hint>{{ f.hint | t }}</mat-hint>
            }
          </mat-form-field>
          @if (f.key === 'name') {
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ 'onboard.office.timeZone' | t }}</mat-label>
              <select
                matNativeControl
                name="timeZone"
                required
                [ngModel]="values().timeZone"
                (ngModelChange)="set('timeZone', $event)"
                data-test="office-timeZone"
              >
                @for (z of zones(); track z.zone; let i = $index) {
                  <option [value]="z.zone">{{ zoneLabel(z) }}</option>
                  @if (i === 2 && zones().length > 3) {
                    <option disabled>──────────</option>
                  }
                }
              </select>
              @if (errors().timeZone; as error) {
                <mat-hint class="field-error" data-test="office-error-timeZone">{{
                  error
                }}</mat-hint>
              } @else {
                <mat-hint>{{ 'onboard.office.timeZoneHint' | t }}</mat-hint>
              }
            </mat-form-field>
          }
        }
      </div>
      <div class="actions">
        <button mat-flat-button type="submit" [disabled]="saving()" data-test="save-office">
          {{ (creating() ? 'onboard.office.create' : 'admin.save') | t }}
        </button>
        @if (cancellable()) {
          <button mat-button type="button" (click)="cancelled.emit()" data-test="cancel-office">
            {{ 'admin.cancel' | t }}
          </button>
        }
      </div>
    </form>
  `,
  styleUrl: './admin.scss',
  styles: `
    .wide {
      grid-column: 1 / -1;
    }
    .grid {
      gap: 12px 16px;
      align-items: start;
    }
    mat-form-field {
      width: 100%;
    }
  `,
})
export class OfficeFormComponent {
  private readonly api = inject(OfficesApi);
  private readonly i18n = inject(I18nService);
  private readonly notifier = inject(ErrorNotifier);

  /** The office to edit; null to create one. */
  readonly office = input<OfficeAdminView | null>(null);
  readonly cancellable = input(true);
  readonly saved = output<OfficeAdminView>();
  readonly cancelled = output<void>();

  protected readonly creating = computed(() => this.office() === null);
  protected readonly values = signal<OfficeValues>({ ...EMPTY });
  protected readonly errors = signal<Partial<Record<Key, string>>>({});
  protected readonly formError = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly zones = toSignal(
    this.api.timeZones().pipe(catchError(() => of([] as TimeZoneOption[]))),
    { initialValue: [] as TimeZoneOption[] },
  );

  private readonly fields: readonly Field[] = [
    {
      key: 'code',
      label: 'onboard.office.code',
      hint: 'onboard.office.codeHint',
      type: 'text',
      maxlength: 40,
      createOnly: true,
      required: true,
    },
    {
      key: 'name',
      label: 'onboard.office.name',
      hint: null,
      type: 'text',
      maxlength: 200,
      required: true,
    },
    {
      key: 'ticketPrefix',
      label: 'onboard.office.prefix',
      hint: 'onboard.office.prefixHint',
      type: 'text',
      maxlength: 12,
      required: true,
    },
    {
      key: 'region',
      label: 'onboard.office.region',
      hint: 'onboard.office.regionHint',
      type: 'text',
      maxlength: 5,
    },
    {
      key: 'helpdeskEmail',
      label: 'onboard.office.helpdeskEmail',
      hint: null,
      type: 'email',
      maxlength: 254,
    },
    {
      key: 'complaintEmail',
      label: 'onboard.office.complaintEmail',
      hint: null,
      type: 'email',
      maxlength: 254,
    },
    { key: 'website', label: 'onboard.office.website', hint: null, type: 'url', maxlength: 255 },
    {
      key: 'logoUrl',
      label: 'onboard.office.logo',
      hint: 'onboard.office.logoHint',
      type: 'url',
      maxlength: 500,
    },
    {
      key: 'address',
      label: 'onboard.office.address',
      hint: null,
      type: 'text',
      maxlength: 500,
      wide: true,
    },
  ];
  protected readonly shownFields = computed(() =>
    this.fields.filter((f) => this.creating() || !f.createOnly),
  );

  constructor() {
    effect(() => {
      const office = this.office();
      untracked(() => {
        this.values.set(officeValues(office));
        this.errors.set({});
        this.formError.set(null);
      });
    });
  }

  protected zoneLabel(z: TimeZoneOption): string {
    return z.abbreviation
      ? `${z.abbreviation} · ${z.zone} (${z.offset})`
      : `${z.zone} (${z.offset})`;
  }

  protected set(key: Key, value: string): void {
    const cleaned = key === 'ticketPrefix' || key === 'region' ? value.toUpperCase() : value;
    this.values.update((v) => ({ ...v, [key]: cleaned }));
  }

  protected save(): void {
    const v = this.values();
    const local = checkOffice(v, this.creating());
    this.errors.set(
      Object.fromEntries(Object.entries(local).map(([k, key]) => [k, this.i18n.t(key)])),
    );
    this.formError.set(null);
    if (Object.keys(local).length) {
      this.formError.set(this.i18n.t('onboard.office.err.form'));
      return;
    }
    const optional = (text: string) => text.trim() || null;
    const body = {
      name: v.name.trim(),
      timeZone: v.timeZone,
      ticketPrefix: v.ticketPrefix,
      region: optional(v.region),
      address: optional(v.address),
      website: optional(v.website),
      helpdeskEmail: optional(v.helpdeskEmail),
      complaintEmail: optional(v.complaintEmail),
      logoUrl: optional(v.logoUrl),
    };
    const office = this.office();
    const call = office
      ? this.api.update(office.code, body)
      : this.api.create({ ...body, code: v.code.trim() });
    this.saving.set(true);
    call.subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.saved.emit(saved);
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.errors.set(fieldErrorsOf(problemOf(e)) as Partial<Record<Key, string>>);
        this.formError.set(this.notifier.describe(e));
      },
    });
  }
}
