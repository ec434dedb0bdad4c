import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  FormArray,
  FormBuilder,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router } from '@angular/router';
import { FIELD_LIMITS, type ImportResult, type OfficeSummary } from '@sigap/contracts';
import type { Requirement, ServiceStandard, Step } from '@sigap/standards';
import { catchError, of } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { CatalogApi, type ImportFormat } from '../catalog/catalog.api';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import { ErrorNotifier, fieldErrorsOf, problemOf } from '../shared/problem';
import { lengthCount } from '../shared/form-focus';

export const CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "Pembuatan Subdomain & Hosting" -> "pembuatan-subdomain-hosting". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** "kadis, tim-teknis ,," -> ["kadis", "tim-teknis"]. */
export function splitCodes(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

type StepForm = FormGroup<{
  description: FormControl<string>;
  executors: FormControl<string>;
  time: FormControl<string>;
  output: FormControl<string>;
}>;

/** `/katalog/impor` (admins): published text -> reviewed draft -> a new catalog service. */
@Component({
  selector: 'sg-import-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
  ],
  templateUrl: './import.page.html',
  styleUrl: './import.page.scss',
})
export class ImportPage {
  /** The API's limits for a standard's texts, shown as counters. */
  protected readonly limit = FIELD_LIMITS.service;
  protected readonly count = lengthCount;

  private readonly api = inject(CatalogApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly notifier = inject(ErrorNotifier);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  private readonly fb = inject(FormBuilder).nonNullable;
  /** `?office=` (from the first-run set-up): the office the standard is read for. */
  private readonly askedOffice =
    inject(ActivatedRoute, { optional: true })?.snapshot.queryParamMap.get('office') ?? null;

  protected readonly formats: {
    value: ImportFormat;
    key: 'import.format.text' | 'import.format.markdown' | 'import.format.html';
  }[] = [
    { value: 'text', key: 'import.format.text' },
    { value: 'markdown', key: 'import.format.markdown' },
    { value: 'html', key: 'import.format.html' },
  ];

  protected readonly source = this.fb.group({
    text: ['', Validators.required],
    format: this.fb.control<ImportFormat>('text'),
  });

  protected readonly offices = toSignal(
    this.api.offices().pipe(
      catchError((error: unknown) => {
        this.notifier.show(error);
        return of([] as OfficeSummary[]);
      }),
    ),
    { initialValue: [] as OfficeSummary[] },
  );

  protected readonly reading = signal(false);
  protected readonly saving = signal(false);
  protected readonly result = signal<ImportResult | null>(null);
  /** Why the text could not be read, shown under the text area. */
  protected readonly readError = signal<string | null>(null);
  /** Field path -> message from the API's last refusal. */
  protected readonly serverErrors = signal<Record<string, string>>({});

  protected readonly form = this.fb.group({
    office: ['', Validators.required],
    name: ['', Validators.required],
    code: ['', [Validators.required, Validators.pattern(CODE_PATTERN)]],
    serviceTime: ['', Validators.required],
    requirements: this.fb.array<FormControl<string>>([]),
    steps: this.fb.array<StepForm>([]),
  });

  /** Server errors whose path has no field on this page: listed above the save button. */
  protected readonly otherErrors = computed(() => {
    const shown = new Set(this.shownPaths());
    return Object.entries(this.serverErrors())
      .filter(([path]) => !shown.has(path))
      .map(([path, message]) => ({ path, message }));
  });
  private readonly shape = signal({ requirements: 0, steps: 0 });

  protected get requirements(): FormArray<FormControl<string>> {
    return this.form.controls.requirements;
  }

  protected get steps(): FormArray<StepForm> {
    return this.form.controls.steps;
  }

  protected read(): void {
    if (this.source.invalid) {
      this.source.markAllAsTouched();
      return;
    }
    const { text, format } = this.source.getRawValue();
    this.reading.set(true);
    this.readError.set(null);
    this.api.importText(text, format, this.askedOffice).subscribe({
      next: (result) => {
        this.reading.set(false);
        this.load(result);
      },
      error: (error: unknown) => {
        this.reading.set(false);
        this.readError.set(this.notifier.describe(error));
        this.notifier.show(error);
      },
    });
  }

  /** The server's message for a field path, if it refused that field. */
  protected serverError(path: string): string | null {
    return this.serverErrors()[path] ?? null;
  }

  protected addRequirement(): void {
    this.requirements.push(this.fb.control('', Validators.required));
    this.syncShape();
  }

  protected removeRequirement(index: number): void {
    this.requirements.removeAt(index);
    this.syncShape();
  }

  protected addStep(): void {
    this.steps.push(this.stepForm({ description: '', executors: [], time: null, output: null }));
    this.syncShape();
  }

  protected removeStep(index: number): void {
    this.steps.removeAt(index);
    this.syncShape();
  }

  protected save(): void {
    const result = this.result();
    if (!result) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.snackBar.open(this.i18n.t('import.invalid'), this.i18n.t('app.close'), {
        duration: 5000,
      });
      return;
    }
    const standard = this.buildStandard(result.draft);
    this.saving.set(true);
    this.serverErrors.set({});
    this.api.create(standard).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.snackBar.open(
          this.i18n.t('import.saved', { name: saved.standard.name, version: saved.version }),
          this.i18n.t('app.close'),
          { duration: 5000 },
        );
        void this.router.navigate(['/katalog', saved.standard.office, saved.standard.code]);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.serverErrors.set(fieldErrorsOf(problemOf(error)));
        this.notifier.show(error);
      },
    });
  }

  /** The draft with the reviewed fields written over it; what the page does not edit is kept. */
  buildStandard(draft: ServiceStandard): ServiceStandard {
    const value = this.form.getRawValue();
    const used = new Set<string>();
    const requirements: Requirement[] = value.requirements.map((text, index) => {
      const original: Requirement | undefined = draft.requirements[index];
      let code = original?.code ?? `r${index + 1}`;
      for (let n = index + 1; used.has(code); n++) code = `r${n}`;
      used.add(code);
      return { ...original, code, text: text.trim() };
    });
    const steps: Step[] = value.steps.map((step, index) => {
      const original: Step | undefined = draft.steps[index];
      return {
        ...original,
        inputs: original?.inputs ?? [],
        notes: original?.notes ?? null,
        order: index + 1,
        description: step.description.trim(),
        executors: splitCodes(step.executors),
        time: step.time.trim() || null,
        output: step.output.trim() || null,
      };
    });
    return {
      ...draft,
      office: value.office,
      name: value.name.trim(),
      code: value.code.trim(),
      serviceTime: { ...draft.serviceTime, text: value.serviceTime.trim() },
      requirements,
      steps,
    };
  }

  private load(result: ImportResult): void {
    const draft = result.draft;
    this.result.set(result);
    this.serverErrors.set({});
    this.requirements.clear();
    for (const requirement of draft.requirements) {
      this.requirements.push(this.fb.control(requirement.text, Validators.required));
    }
    this.steps.clear();
    for (const step of draft.steps) this.steps.push(this.stepForm(step));
    const name = draft.name || result.name || '';
    this.form.patchValue({
      office:
        draft.office ||
        this.askedOffice ||
        this.form.controls.office.value ||
        this.auth.user()?.office ||
        '',
      name,
      code: draft.code || slugify(name),
      serviceTime: draft.serviceTime?.text || result.serviceTimeText || '',
    });
    this.syncShape();
  }

  private stepForm(step: Pick<Step, 'description' | 'executors' | 'time' | 'output'>): StepForm {
    return this.fb.group({
      description: [step.description, Validators.required],
      executors: [step.executors.join(', ')],
      time: [step.time ?? ''],
      output: [step.output ?? ''],
    });
  }

  private syncShape(): void {
    this.shape.set({ requirements: this.requirements.length, steps: this.steps.length });
  }

  private shownPaths(): string[] {
    const { requirements, steps } = this.shape();
    const paths = ['office', 'name', 'code', 'serviceTime', 'serviceTime.text'];
    for (let i = 0; i < requirements; i++)
      paths.push(`requirements[${i}]`, `requirements[${i}].text`);
    for (let i = 0; i < steps; i++) {
      for (const field of ['description', 'executors', 'time', 'output']) {
        paths.push(`steps[${i}].${field}`);
      }
    }
    return paths;
  }
}
