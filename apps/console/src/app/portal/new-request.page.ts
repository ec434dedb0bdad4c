import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import type { PortalServiceView } from '@sigap/contracts';
import { TranslatePipe } from '../i18n/i18n.service';
import { focusFirstInvalid, lengthCount } from '../shared/form-focus';
import { fieldErrorsOf, problemOf } from '../shared/problem';
import { PortalApi } from './portal.api';

const notBlank = Validators.pattern(/\S/);
/** The API's limits (`PortalOpenDto`), counted while typing. */
const LIMITS = { subject: 300, description: 20_000 } as const;

/** `/portal/ajukan`: choose a service of the office, describe the request, submit. */
@Component({
  selector: 'sg-portal-new-request',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
  ],
  template: `
    <h1>{{ 'portal.new.title' | t }}</h1>
    @if (services(); as list) {
      @if (list.length) {
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'portal.new.service' | t }}</mat-label>
            <mat-select formControlName="service" data-test="portal-service" required>
              @for (s of list; track s.code) {
                <mat-option [value]="s.code">{{ s.name }}</mat-option>
              }
            </mat-select>
            @if (errors()['service']; as e) {
              <mat-error>{{ e }}</mat-error>
            }
          </mat-form-field>
          @if (chosen(); as s) {
            <section class="requirements" data-test="portal-requirements">
              <p>{{ 'portal.new.serviceTime' | t: { time: s.serviceTime } }}</p>
              <h2>{{ 'portal.new.requirements' | t }}</h2>
              <ol>
                @for (r of s.requirements; track r.code) {
                  <li>
                    {{ r.text }}
                    @if (r.optional) {
                      <span class="muted">{{ 'portal.new.optional' | t }}</span>
                    }
                  </li>
                }
              </ol>
              @if (s.submissionNote) {
                <p class="muted">{{ s.submissionNote }}</p>
              }
              <p>{{ 'portal.new.next' | t }}</p>
            </section>
          }
          <mat-form-field appearance="outline">
            <mat-label>{{ 'portal.new.subject' | t }}</mat-label>
            <input
              matInput
              formControlName="subject"
              [maxlength]="limits.subject"
              data-test="portal-subject"
              required
            />
            <mat-hint align="end" data-test="portal-subject-count">{{
              count(form.controls.subject.value, limits.subject)
            }}</mat-hint>
            @if (form.controls.subject.invalid && form.controls.subject.touched) {
              <mat-error>{{ errors()['subject'] || ('portal.new.required' | t) }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'portal.new.description' | t }}</mat-label>
            <textarea
              matInput
              rows="6"
              formControlName="description"
              [maxlength]="limits.description"
              data-test="portal-description"
              required
            ></textarea>
            <mat-hint align="end" data-test="portal-description-count">{{
              count(form.controls.description.value, limits.description)
            }}</mat-hint>
            @if (form.controls.description.invalid && form.controls.description.touched) {
              <mat-error>{{ errors()['description'] || ('portal.new.required' | t) }}</mat-error>
            }
          </mat-form-field>
          @if (failure(); as message) {
            <p class="error" role="alert">{{ message }}</p>
          }
          <div>
            <button mat-flat-button type="submit" [disabled]="busy()" data-test="portal-submit">
              {{ 'portal.new.submit' | t }}
            </button>
          </div>
        </form>
      } @else {
        <p>{{ 'portal.new.noServices' | t }}</p>
      }
    } @else if (loadFailed()) {
      <p role="alert">{{ 'portal.loadFailed' | t }}</p>
    } @else {
      <p role="status">{{ 'portal.loading' | t }}</p>
    }
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 8px;
      max-width: 720px;
    }
    .requirements {
      padding: 8px 16px;
      background: var(--mat-sys-surface-container);
      border-radius: 8px;
      margin-bottom: 16px;
    }
    .requirements h2 {
      font-size: 1.05rem;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class PortalNewRequestPage implements OnInit {
  private readonly api = inject(PortalApi);
  private readonly router = inject(Router);

  protected readonly form = new FormGroup({
    service: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    subject: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, notBlank, Validators.maxLength(LIMITS.subject)],
    }),
    description: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, notBlank, Validators.maxLength(LIMITS.description)],
    }),
  });
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly limits = LIMITS;
  protected readonly count = lengthCount;
  protected readonly services = signal<PortalServiceView[] | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly busy = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly errors = signal<Record<string, string>>({});
  private readonly serviceCode = toSignal(this.form.controls.service.valueChanges, {
    initialValue: '',
  });
  protected readonly chosen = computed(
    () => this.services()?.find((s) => s.code === this.serviceCode()) ?? null,
  );

  async ngOnInit(): Promise<void> {
    try {
      const list = await this.api.services();
      this.services.set(list);
      if (list.length === 1) this.form.controls.service.setValue(list[0].code);
    } catch {
      this.loadFailed.set(true);
    }
  }

  protected async submit(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) void focusFirstInvalid(this.host.nativeElement);
    if (this.form.invalid || this.busy()) return;
    this.busy.set(true);
    this.failure.set(null);
    try {
      const opened = await this.api.open(this.form.getRawValue());
      await this.router.navigate(['/portal/permohonan', opened.number], {
        queryParams: { baru: 1 },
      });
    } catch (error) {
      const problem = problemOf(error);
      this.errors.set(fieldErrorsOf(problem));
      this.failure.set(problem?.detail ?? problem?.title ?? null);
      for (const path of Object.keys(this.errors())) {
        const control = this.form.get(path);
        control?.setErrors({ server: true });
      }
      if (Object.keys(this.errors()).length) void focusFirstInvalid(this.host.nativeElement);
    } finally {
      this.busy.set(false);
    }
  }
}
