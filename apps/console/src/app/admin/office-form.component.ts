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
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { FIELD_LIMITS } from '@sigap/contracts';
import type { OfficeAdminView, TimeZoneOption } from '@sigap/contracts';
import { catchError, of } from 'rxjs';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';
import { EditForm } from '../shared/edit-form';
import { FormActionsComponent, FormHeadComponent } from '../shared/form-parts';
import { TextFieldComponent, type TextFieldSpec } from '../shared/text-field.component';
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
  incidentEmail: string;
  logoUrl: string;
}

type Key = keyof OfficeValues;

/** One text field of the form. */
interface Field {
  key: Exclude<Key, 'timeZone'>;
  spec: TextFieldSpec;
  /** Only when creating (the code is fixed afterwards). */
  createOnly?: boolean;
  wide?: boolean;
}

const LIMIT = FIELD_LIMITS.office;

function field(
  key: Field['key'],
  spec: Omit<TextFieldSpec, 'maxlength' | 'test'>,
  extra: Pick<Field, 'createOnly' | 'wide'> = {},
): Field {
  return { key, ...extra, spec: { ...spec, maxlength: LIMIT[key], test: `office-${key}` } };
}

/** The office's text fields, limited as the API limits them; the zone follows the name. */
export const OFFICE_FIELDS: readonly Field[] = [
  field(
    'code',
    { label: 'onboard.office.code', hint: 'onboard.office.codeHint', required: true },
    { createOnly: true },
  ),
  field('name', { label: 'onboard.office.name', required: true }),
  field('ticketPrefix', {
    label: 'onboard.office.prefix',
    hint: 'onboard.office.prefixHint',
    required: true,
  }),
  field('region', { label: 'onboard.office.region', hint: 'onboard.office.regionHint' }),
  field('helpdeskEmail', { label: 'onboard.office.helpdeskEmail', type: 'email' }),
  field('complaintEmail', { label: 'onboard.office.complaintEmail', type: 'email' }),
  field('incidentEmail', { label: 'onboard.office.incidentEmail', type: 'email' }),
  field('website', { label: 'onboard.office.website', type: 'url' }),
  field('logoUrl', { label: 'onboard.office.logo', hint: 'onboard.office.logoHint', type: 'url' }),
  field('address', { label: 'onboard.office.address', rows: 2 }, { wide: true }),
];

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
  incidentEmail: '',
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
    incidentEmail: office.incidentEmail ?? '',
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
  for (const key of ['helpdeskEmail', 'complaintEmail', 'incidentEmail'] as const)
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
  imports: [
    FormActionsComponent,
    FormHeadComponent,
    FormsModule,
    MatFormFieldModule,
    MatInputModule,
    TextFieldComponent,
    TranslatePipe,
  ],
  template: `
    <form class="card form" (ngSubmit)="save()" data-test="office-form" novalidate>
      <sg-form-head
        [title]="(creating() ? 'onboard.office.new' : 'onboard.office.edit') | t"
        [error]="form.formError()"
      />
      <div class="grid">
        @for (f of shownFields(); track f.key) {
          <sg-text-field
            [class.wide]="f.wide"
            [spec]="f.spec"
            [value]="values()[f.key]"
            [dense]="true"
            [error]="form.errors()[f.key]"
            [errorTest]="'office-error-' + f.key"
            (changed)="set(f.key, $event)"
          />
          @if (f.key === 'name') {
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
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
              @if (form.errors().timeZone; as error) {
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
      <sg-form-actions
        [saving]="form.saving()"
        saveTest="save-office"
        cancelTest="cancel-office"
        [saveLabel]="creating() ? 'onboard.office.create' : 'admin.save'"
        [cancellable]="cancellable()"
        (cancelled)="cancelled.emit()"
      />
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

  /** The office to edit; null to create one. */
  readonly office = input<OfficeAdminView | null>(null);
  readonly cancellable = input(true);
  readonly saved = output<OfficeAdminView>();
  readonly cancelled = output<void>();

  protected readonly creating = computed(() => this.office() === null);
  protected readonly values = signal<OfficeValues>({ ...EMPTY });
  protected readonly form = new EditForm<Partial<Record<Key, string>>>();
  protected readonly zones = toSignal(
    this.api.timeZones().pipe(catchError(() => of([] as TimeZoneOption[]))),
    { initialValue: [] as TimeZoneOption[] },
  );
  protected readonly shownFields = computed(() =>
    OFFICE_FIELDS.filter((f) => this.creating() || !f.createOnly),
  );

  constructor() {
    effect(() => {
      const office = this.office();
      untracked(() => {
        this.values.set(officeValues(office));
        this.form.open(office?.code ?? '');
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
    if (Object.keys(local).length) {
      this.form.refuse(
        Object.fromEntries(Object.entries(local).map(([k, key]) => [k, this.i18n.t(key)])),
        this.i18n.t('onboard.office.err.form'),
      );
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
      incidentEmail: optional(v.incidentEmail),
      logoUrl: optional(v.logoUrl),
    };
    const office = this.office();
    const call = office
      ? this.api.update(office.code, body)
      : this.api.create({ ...body, code: v.code.trim() });
    this.form.submit(call, (saved) => this.saved.emit(saved));
  }
}
