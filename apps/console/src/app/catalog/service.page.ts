import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { OfficeSummary, ServiceDetail, ServicePreviewResponse } from '@sigap/contracts';
import type { DerivedField, Duration, InternalComponents, Step } from '@sigap/standards';
import { catchError, of } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import type { MessageKey } from '../i18n/id';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import { describeDuration } from '../shared/duration';
import { ErrorNotifier } from '../shared/problem';
import { CalendarsApi } from '../calendars/calendars.api';
import { formatInZone, ZonedDatePipe } from '../shared/zoned-date';
import { CatalogApi } from './catalog.api';

/** The internal components shown as lists, in the order of Permenpan RB 15/2014. */
const INTERNAL_LISTS: { key: MessageKey; field: 'facilities' | 'competencies' | 'supervision' }[] =
  [
    { key: 'service.internal.facilities', field: 'facilities' },
    { key: 'service.internal.competencies', field: 'competencies' },
    { key: 'service.internal.supervision', field: 'supervision' },
  ];
const INTERNAL_TEXTS: {
  key: MessageKey;
  field: keyof Pick<
    InternalComponents,
    'staffCount' | 'serviceGuarantee' | 'securityGuarantee' | 'performanceEvaluation'
  >;
}[] = [
  { key: 'service.internal.staffCount', field: 'staffCount' },
  { key: 'service.internal.serviceGuarantee', field: 'serviceGuarantee' },
  { key: 'service.internal.securityGuarantee', field: 'securityGuarantee' },
  { key: 'service.internal.performanceEvaluation', field: 'performanceEvaluation' },
];

/** `/katalog/:office/:code` (`?versi=2` for an older version): one service standard in full. */
@Component({
  selector: 'sg-service-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatExpansionModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    ZonedDatePipe,
  ],
  templateUrl: './service.page.html',
  styleUrl: './service.page.scss',
})
export class ServicePage {
  private readonly api = inject(CatalogApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly notifier = inject(ErrorNotifier);
  private readonly i18n = inject(I18nService);
  private readonly calendars = inject(CalendarsApi);
  protected readonly isAdmin = inject(AuthService).isAdmin;

  private readonly params = toSignal(this.route.paramMap, {
    initialValue: this.route.snapshot.paramMap,
  });
  private readonly query = toSignal(this.route.queryParamMap, {
    initialValue: this.route.snapshot.queryParamMap,
  });
  protected readonly officeCode = computed(() => this.params().get('office') ?? '');
  protected readonly code = computed(() => this.params().get('code') ?? '');
  protected readonly requestedVersion = computed(() => {
    const version = Number(this.query().get('versi'));
    return Number.isInteger(version) && version > 0 ? version : null;
  });

  private readonly offices = toSignal(
    this.api.offices().pipe(catchError(() => of([] as OfficeSummary[]))),
    { initialValue: [] as OfficeSummary[] },
  );
  protected readonly office = computed(
    () => this.offices().find((item) => item.code === this.officeCode()) ?? null,
  );
  protected readonly timeZone = computed(() => this.office()?.timeZone ?? 'Asia/Jakarta');

  protected readonly detail = signal<ServiceDetail | null>(null);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);

  protected readonly standard = computed(() => this.detail()?.standard ?? null);
  protected readonly latestVersion = computed(() => this.detail()?.versions[0]?.version ?? null);
  protected readonly isOld = computed(() => {
    const detail = this.detail();
    const latest = this.latestVersion();
    return detail !== null && latest !== null && detail.version !== latest;
  });

  /** Steps with the parsed time matched by order, and executors named. */
  protected readonly steps = computed(() => {
    const detail = this.detail();
    if (!detail) return [];
    const parsed = new Map(detail.parsed.steps.map((step) => [step.order, step.time]));
    return detail.standard.steps.map((step: Step) => ({
      step,
      parsed: parsed.get(step.order) ?? null,
      executors: step.executors.map((code) => detail.positionNames[code] ?? code),
      owner: step.owner ? (detail.positionNames[step.owner] ?? step.owner) : null,
      participants: (step.participants ?? []).join(', '),
    }));
  });

  /** Whether a component was computed from the steps (shown as such, never as published). */
  protected isDerived(field: DerivedField): boolean {
    return this.standard()?.derived?.includes(field) ?? false;
  }

  protected readonly internalLists = computed(() => {
    const internal = this.standard()?.internal;
    if (!internal) return [];
    return INTERNAL_LISTS.map(({ key, field }) => ({ key, items: internal[field] ?? [] })).filter(
      (entry) => entry.items.length > 0,
    );
  });
  protected readonly internalTexts = computed(() => {
    const internal = this.standard()?.internal;
    if (!internal) return [];
    return INTERNAL_TEXTS.map(({ key, field }) => ({ key, text: internal[field] })).filter(
      (entry): entry is { key: MessageKey; text: string } => !!entry.text,
    );
  });
  protected readonly sopLists = computed(() => {
    const sop = this.standard()?.sop;
    if (!sop) return [];
    const lists: { key: MessageKey; items: string[] }[] = [
      { key: 'service.sop.qualifications', items: sop.executorQualifications ?? [] },
      { key: 'service.sop.related', items: sop.relatedSops ?? [] },
      { key: 'service.sop.equipment', items: sop.equipment ?? [] },
      { key: 'service.sop.warnings', items: sop.warnings ?? [] },
      { key: 'service.sop.records', items: sop.recordKeeping ?? [] },
    ];
    return lists.filter((list) => list.items.length > 0);
  });
  /** Due dates if the request were received now (total and each step, one after another). */
  protected readonly preview = signal<ServicePreviewResponse | null>(null);
  protected readonly previewFailed = signal(false);
  private readonly stepDues = computed(() => {
    const preview = this.preview();
    const map = new Map<number, string>();
    if (!preview) return map;
    for (const step of preview.steps) {
      const due = step.limit ?? step.target;
      if (due) map.set(step.order, this.zonedText(due, preview.timeZone));
    }
    return map;
  });

  protected readonly hasInternal = computed(
    () => this.internalLists().length > 0 || this.internalTexts().length > 0,
  );

  constructor() {
    effect((onCleanup) => {
      const office = this.officeCode();
      const code = this.code();
      const version = this.requestedVersion();
      this.loading.set(true);
      this.failed.set(false);
      const subscription = this.api.service(office, code, version).subscribe({
        next: (detail) => {
          this.detail.set(detail);
          this.loading.set(false);
        },
        error: (error: unknown) => {
          this.loading.set(false);
          this.failed.set(true);
          this.notifier.show(error);
        },
      });
      onCleanup(() => subscription.unsubscribe());
    });
    effect((onCleanup) => {
      const office = this.officeCode();
      const code = this.code();
      this.preview.set(null);
      this.previewFailed.set(false);
      const subscription = this.calendars.previewService({ office, code }).subscribe({
        next: (preview) => this.preview.set(preview),
        error: () => this.previewFailed.set(true),
      });
      onCleanup(() => subscription.unsubscribe());
    });
  }

  protected stepDue(order: number): string | null {
    return this.stepDues().get(order) ?? null;
  }

  /** "25 Mar 2026 16.00 WITA", in the office's zone and the console's language. */
  protected zonedText(instant: string, timeZone: string): string {
    return formatInZone(instant, timeZone, this.i18n.locale());
  }

  protected describe(duration: Duration | null): string {
    if (!duration) return this.i18n.t('service.time.unparsed');
    return describeDuration(
      duration,
      (key, params) => this.i18n.t(key, params),
      this.i18n.locale(),
    );
  }

  protected channelLabel(channel: string): string {
    return this.label('channel.', channel);
  }

  protected complaintLabel(kind: string): string {
    return this.label('complaint.', kind);
  }

  protected kindLabel(kind: string): string {
    return this.label('service.kind.', kind);
  }

  /** The translated label of an enum value; a value the dictionaries lack is shown as is. */
  private label(prefix: string, value: string): string {
    const key = `${prefix}${value}` as MessageKey;
    const text = this.i18n.t(key);
    return text === key ? value : text;
  }

  protected chooseVersion(version: number): void {
    const latest = this.latestVersion();
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { versi: version === latest ? null : version },
    });
  }
}
