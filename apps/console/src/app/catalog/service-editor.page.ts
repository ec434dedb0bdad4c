import { NgTemplateOutlet } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { FIELD_LIMITS, type OfficeDetail, type ServiceDetail } from '@sigap/contracts';
import {
  CHANNELS,
  type Channel,
  type PositionDefinition,
  type Requirement,
  type RequirementOption,
  type ServiceStandard,
  type Step,
  rederive,
  stepOwner,
} from '@sigap/standards';
import { firstValueFrom, forkJoin } from 'rxjs';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';
import { lengthCount } from '../shared/form-focus';
import { ErrorNotifier, fieldErrorsOf, problemOf } from '../shared/problem';
import { formatInZone } from '../shared/zoned-date';
import { CatalogApi } from './catalog.api';
import {
  checkTime,
  draftProblems,
  PARTICIPANT_MAX_LENGTH,
  participantsOf,
  freeChannels,
  lines,
  move,
  newOption,
  newStep,
  nextRequirementCode,
  renumber,
  toSave,
  type TimeCheck,
} from './service-draft';

/** Wait after the last keystroke before the due dates are asked again. */
export const PREVIEW_DEBOUNCE_MS = 300;

/** Due dates of one written time as the preview shows them. */
export interface PreviewFigure {
  target: string | null;
  limit: string | null;
  /** Why there is no due date (empty, unreadable, refused). */
  problem: 'empty' | 'unreadable' | 'failed' | null;
}

export interface DraftPreview {
  start: string;
  total: PreviewFigure;
  channels: PreviewFigure[];
  steps: PreviewFigure[];
}

/**
 * `/katalog/:office/:code/ubah` (admins): edits a service standard and saves it as a new version.
 * Requirements (with alternatives), steps (executor positions, time standard, parallel flag) and
 * total times per channel; every time is checked with the duration grammar as it is typed, and
 * the due dates "if a request came in now" follow the edits through `POST /api/v1/sla/preview`.
 */
@Component({
  selector: 'sg-service-editor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgTemplateOutlet,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
  ],
  templateUrl: './service-editor.page.html',
  styleUrl: './service-editor.page.scss',
})
export class ServiceEditorPage {
  private readonly api = inject(CatalogApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly notifier = inject(ErrorNotifier);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  private readonly params = toSignal(this.route.paramMap, {
    initialValue: this.route.snapshot.paramMap,
  });
  protected readonly officeCode = computed(() => this.params().get('office') ?? '');
  protected readonly code = computed(() => this.params().get('code') ?? '');

  protected readonly channels = CHANNELS;
  /** The API's limits, shown as counters. */
  protected readonly limit = FIELD_LIMITS.service;
  protected readonly count = lengthCount;
  protected readonly detail = signal<ServiceDetail | null>(null);
  protected readonly office = signal<OfficeDetail | null>(null);
  protected readonly draft = signal<ServiceStandard | null>(null);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly saving = signal(false);
  /** Errors the API gave on the last save, by field path. */
  protected readonly serverErrors = signal<Record<string, string>>({});
  protected readonly formError = signal<string | null>(null);
  /** Problems shown once the editor tried to save (or the field was touched). */
  protected readonly showAll = signal(false);

  protected readonly positions = computed(() =>
    (this.office()?.positions ?? []).filter((p: PositionDefinition) => p.code),
  );
  protected readonly timeZone = computed(() => this.office()?.timeZone ?? 'Asia/Jakarta');
  protected readonly problems = computed(() => {
    const draft = this.draft();
    if (!draft) return {} as Record<string, string>;
    return draftProblems(draft, {
      required: this.i18n.t('tickets.open.required'),
      executor: this.i18n.t('agent.editor.needExecutor'),
      participantTwice: this.i18n.t('agent.editor.participantTwice'),
      tooLong: this.i18n.t('agent.editor.participantTooLong', { max: PARTICIPANT_MAX_LENGTH }),
    });
  });
  protected readonly dirty = computed(() => {
    const draft = this.draft();
    const detail = this.detail();
    return !!draft && !!detail && JSON.stringify(draft) !== JSON.stringify(detail.standard);
  });

  /** When the preview counts from: the moment the editor opened. */
  protected readonly previewStart = new Date().toISOString();
  protected readonly preview = signal<DraftPreview | null>(null);
  protected readonly previewing = signal(false);
  /** What the preview depends on; equal inputs ask nothing again. */
  private readonly previewInput = computed(
    () => {
      const draft = this.draft();
      if (!draft) return null;
      return {
        office: draft.office,
        total: draft.serviceTime.text,
        channels: (draft.serviceTime.byChannel ?? []).map((c) => c.text),
        steps: draft.steps.map((s) => ({ time: s.time, parallel: !!s.parallelWithPrevious })),
      };
    },
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );
  private previewRun = 0;

  constructor() {
    effect((onCleanup) => {
      const office = this.officeCode();
      const code = this.code();
      this.loading.set(true);
      this.failed.set(false);
      const subscription = forkJoin([
        this.api.service(office, code),
        this.api.office(office),
      ]).subscribe({
        next: ([detail, officeDetail]) => {
          this.detail.set(detail);
          this.office.set(officeDetail);
          this.draft.set(structuredClone(detail.standard));
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

    let timer: ReturnType<typeof setTimeout> | null = null;
    effect(() => {
      const input = this.previewInput();
      if (!input) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => untracked(() => void this.runPreview()), PREVIEW_DEBOUNCE_MS);
    });
    inject(DestroyRef).onDestroy(() => {
      if (timer) clearTimeout(timer);
      this.previewRun++;
    });
  }

  // ---- preview ------------------------------------------------------------------------------

  /**
   * Asks the API for every due date, steps chained as the ticket runs them: a step starts at the
   * previous step's target, a parallel step together with the previous one. A newer run makes an
   * older one stop and drop its answers.
   */
  private async runPreview(): Promise<void> {
    const draft = this.draft();
    if (!draft) return;
    const run = ++this.previewRun;
    this.previewing.set(true);
    const start = Date.parse(this.previewStart);
    const figure = async (text: string | null, from: number): Promise<PreviewFigure> => {
      const check = checkTime(text);
      if (!check.ok)
        return { target: null, limit: null, problem: 'empty' in check ? 'empty' : 'unreadable' };
      try {
        const answer = await firstValueFrom(
          this.api.previewTime({
            office: draft.office,
            start: new Date(from).toISOString(),
            duration: (text ?? '').trim(),
          }),
        );
        return { target: answer.target, limit: answer.limit, problem: null };
      } catch {
        return { target: null, limit: null, problem: 'failed' };
      }
    };
    const total = await figure(draft.serviceTime.text, start);
    if (run !== this.previewRun) return;
    const channels: PreviewFigure[] = [];
    for (const entry of draft.serviceTime.byChannel ?? []) {
      channels.push(await figure(entry.text, start));
      if (run !== this.previewRun) return;
    }
    const steps: PreviewFigure[] = [];
    let cursor = start;
    let previousStart = start;
    for (const step of draft.steps) {
      const stepStart = step.parallelWithPrevious ? previousStart : cursor;
      const result = await figure(step.time, stepStart);
      if (run !== this.previewRun) return;
      steps.push(result);
      previousStart = stepStart;
      if (result.target) {
        const target = Date.parse(result.target);
        cursor = step.parallelWithPrevious ? Math.max(cursor, target) : target;
      }
    }
    this.preview.set({ start: this.previewStart, total, channels, steps });
    this.previewing.set(false);
  }

  protected due(figure: PreviewFigure | undefined): string {
    if (!figure) return this.i18n.t('app.dash');
    if (figure.problem === 'empty') return this.i18n.t('agent.editor.noTime');
    if (figure.problem === 'unreadable') return this.i18n.t('agent.editor.unreadable');
    if (figure.problem === 'failed' || !figure.target) return this.i18n.t('app.dash');
    const target = formatInZone(figure.target, this.timeZone(), this.i18n.locale());
    if (!figure.limit || figure.limit === figure.target) return target;
    return `${target} – ${formatInZone(figure.limit, this.timeZone(), this.i18n.locale())}`;
  }

  protected startText(): string {
    return formatInZone(this.previewStart, this.timeZone(), this.i18n.locale());
  }

  // ---- editing ------------------------------------------------------------------------------

  private patch(change: (draft: ServiceStandard) => ServiceStandard): void {
    this.draft.update((draft) => (draft ? change(draft) : draft));
  }

  protected error(path: string): string | null {
    return this.serverErrors()[path] ?? (this.showAll() ? (this.problems()[path] ?? null) : null);
  }

  /** A problem with a step's outside participants, the list's or one name's (`...participants[1]`). */
  protected participantsError(index: number): string | null {
    const path = `steps[${index}].participants`;
    const server = Object.entries(this.serverErrors()).find(
      ([key]) => key === path || key.startsWith(`${path}[`),
    );
    return server?.[1] ?? this.error(path);
  }

  /** Inline check of a time field, shown while typing. */
  protected timeCheck(text: string | null | undefined): TimeCheck {
    return checkTime(text);
  }

  protected setName(value: string): void {
    this.patch((d) => ({ ...d, name: value }));
  }

  /** A total time typed by hand is published text, no longer computed from the steps. */
  protected setTotal(value: string): void {
    this.patch((d) => {
      const derived = (d.derived ?? []).filter((f) => f !== 'serviceTime');
      const next: ServiceStandard = { ...d, serviceTime: { ...d.serviceTime, text: value } };
      if (derived.length) next.derived = derived;
      else delete next.derived;
      return next;
    });
  }

  /** A cost typed by hand is published text: it is no longer the one computed from the steps. */
  protected setCost(change: Partial<ServiceStandard['cost']>): void {
    this.costProblem.set(null);
    this.patch((d) => {
      const derived = (d.derived ?? []).filter((f) => f !== 'cost');
      const next: ServiceStandard = { ...d, cost: { ...d.cost, ...change } };
      if (derived.length) next.derived = derived;
      else delete next.derived;
      return next;
    });
  }

  /** Why the cost cannot be computed from the steps as they are now (null when it can). */
  protected readonly costProblem = signal<string | null>(null);

  /**
   * The cost computed from the steps' costs, at once, the way the API computes it again on save;
   * it then follows the step costs as they are edited.
   */
  protected deriveCost(): void {
    this.patch((d) =>
      this.withDerivedCost({
        ...d,
        derived: [...(d.derived ?? []).filter((f) => f !== 'cost'), 'cost'],
      }),
    );
  }

  private withDerivedCost(d: ServiceStandard): ServiceStandard {
    if (!d.derived?.includes('cost')) {
      this.costProblem.set(null);
      return d;
    }
    const result = rederive(d, { fields: ['cost'] });
    this.costProblem.set(result.problems[0]?.message ?? null);
    return result.problems.length ? d : result.standard;
  }

  protected isDerived(field: 'cost' | 'serviceTime'): boolean {
    return this.draft()?.derived?.includes(field) ?? false;
  }

  protected setClockStart(value: 'received' | 'complete'): void {
    this.patch((d) => ({ ...d, clockStartsWhen: value }));
  }

  protected unusedChannels(current: Channel | null): Channel[] {
    const used = (this.draft()?.serviceTime.byChannel ?? []).map((c) => c.channel);
    return freeChannels(
      used.filter((c) => c !== current),
      CHANNELS,
    );
  }

  protected addChannelTime(): void {
    const free = this.unusedChannels(null);
    if (!free.length) return;
    this.patch((d) => ({
      ...d,
      serviceTime: {
        ...d.serviceTime,
        byChannel: [...(d.serviceTime.byChannel ?? []), { channel: free[0], text: '' }],
      },
    }));
  }

  protected setChannelTime(
    index: number,
    change: Partial<{ channel: Channel; text: string }>,
  ): void {
    this.patch((d) => ({
      ...d,
      serviceTime: {
        ...d.serviceTime,
        byChannel: (d.serviceTime.byChannel ?? []).map((c, i) =>
          i === index ? { ...c, ...change } : c,
        ),
      },
    }));
  }

  protected removeChannelTime(index: number): void {
    this.patch((d) => ({
      ...d,
      serviceTime: {
        ...d.serviceTime,
        byChannel: (d.serviceTime.byChannel ?? []).filter((_, i) => i !== index),
      },
    }));
  }

  // requirements

  private setRequirements(change: (list: Requirement[]) => Requirement[]): void {
    this.patch((d) => ({ ...d, requirements: change(d.requirements) }));
  }

  protected addRequirement(): void {
    this.setRequirements((list) => [...list, { code: nextRequirementCode(list), text: '' }]);
  }

  protected setRequirement(index: number, change: Partial<Requirement>): void {
    this.setRequirements((list) => list.map((r, i) => (i === index ? { ...r, ...change } : r)));
  }

  protected moveRequirement(index: number, delta: -1 | 1): void {
    this.setRequirements((list) => move(list, index, delta));
  }

  protected removeRequirement(index: number): void {
    this.setRequirements((list) => list.filter((_, i) => i !== index));
  }

  protected addOption(index: number): void {
    this.setRequirements((list) =>
      list.map((r, i) =>
        i === index ? { ...r, options: [...(r.options ?? []), newOption()] } : r,
      ),
    );
  }

  protected setOption(
    index: number,
    optionIndex: number,
    change: Partial<RequirementOption>,
  ): void {
    this.setRequirements((list) =>
      list.map((r, i) =>
        i === index
          ? {
              ...r,
              options: (r.options ?? []).map((o, j) =>
                j === optionIndex ? { ...o, ...change } : o,
              ),
            }
          : r,
      ),
    );
  }

  protected setOptionChannel(index: number, optionIndex: number, value: Channel | ''): void {
    this.setRequirements((list) =>
      list.map((r, i) => {
        if (i !== index) return r;
        const options = (r.options ?? []).map((o, j) => {
          if (j !== optionIndex) return o;
          const rest = { ...o };
          delete rest.channel;
          return value ? { ...rest, channel: value } : rest;
        });
        return { ...r, options };
      }),
    );
  }

  protected setOptionItems(index: number, optionIndex: number, text: string): void {
    this.setOption(index, optionIndex, { items: lines(text) });
  }

  protected removeOption(index: number, optionIndex: number): void {
    this.setRequirements((list) =>
      list.map((r, i) => {
        if (i !== index) return r;
        const options = (r.options ?? []).filter((_, j) => j !== optionIndex);
        const rest = { ...r };
        delete rest.options;
        return options.length ? { ...rest, options } : rest;
      }),
    );
  }

  protected itemsText(option: RequirementOption): string {
    return option.items.join('\n');
  }

  // steps

  private setSteps(change: (list: Step[]) => Step[]): void {
    this.patch((d) => ({ ...d, steps: renumber(change(d.steps)) }));
  }

  protected addStep(): void {
    this.setSteps((list) => [...list, newStep(list.length + 1, list.at(-1)?.executors[0] ?? null)]);
  }

  protected setStep(index: number, change: Partial<Step>): void {
    this.setSteps((list) => list.map((s, i) => (i === index ? { ...s, ...change } : s)));
  }

  protected setStepTime(index: number, value: string): void {
    this.setStep(index, { time: value });
  }

  protected setStepCost(index: number, value: string): void {
    this.setStep(index, { cost: value.trim() ? value : null });
    this.patch((d) => this.withDerivedCost(d));
  }

  protected setParallel(index: number, on: boolean): void {
    this.setSteps((list) =>
      list.map((s, i) => {
        if (i !== index) return s;
        const rest = { ...s };
        delete rest.parallelWithPrevious;
        return on ? { ...rest, parallelWithPrevious: true } : rest;
      }),
    );
  }

  /** A follow-up after go-live: does not hold the ticket open or pause its clock. */
  protected setFollowUp(index: number, on: boolean): void {
    this.setSteps((list) =>
      list.map((s, i) => {
        if (i !== index) return s;
        const rest = { ...s };
        delete rest.followUp;
        return on ? { ...rest, followUp: true } : rest;
      }),
    );
  }

  /**
   * Parties outside the office's position table that take part in a step (Kementerian PAN-RB,
   * BSSN ...), typed as a comma-separated list; none removes the field.
   */
  protected setParticipants(index: number, text: string): void {
    const names = participantsOf(text);
    this.setSteps((list) =>
      list.map((s, i) => {
        if (i !== index) return s;
        const rest = { ...s };
        delete rest.participants;
        return names.length ? { ...rest, participants: names } : rest;
      }),
    );
  }

  /** The position responsible for a step, read as the API reads it (`stepOwner`). */
  protected ownerOf(step: Step): string | null {
    const side = new Set(
      this.positions()
        .filter((p) => p.requesterSide)
        .map((p) => p.code),
    );
    return stepOwner(step, (code) => side.has(code)) || null;
  }

  /**
   * Makes a position the step's owner. One already taking part keeps its place in the published
   * order; a new one takes the current owner's place. `owner` is written only when the reading
   * of the executors would name someone else.
   */
  protected setResponsible(index: number, code: string): void {
    this.setSteps((list) =>
      list.map((s, i) => {
        if (i !== index) return s;
        const rest = { ...s };
        delete rest.owner;
        const current = this.ownerOf(s);
        rest.executors = s.executors.includes(code)
          ? s.executors
          : current
            ? s.executors.map((c) => (c === current ? code : c))
            : [code];
        return this.ownerOf(rest) === code ? rest : { ...rest, owner: code };
      }),
    );
  }

  protected othersOf(step: Step): string[] {
    const owner = this.ownerOf(step);
    return step.executors.filter((c) => c !== owner);
  }

  /** The other positions taking part; the owner stays, the published order is kept. */
  protected setOthers(index: number, codes: string[]): void {
    this.setSteps((list) =>
      list.map((s, i) => {
        if (i !== index) return s;
        const owner = this.ownerOf(s);
        const kept = s.executors.filter((c) => c === owner || codes.includes(c));
        const added = codes.filter((c) => c !== owner && !kept.includes(c));
        const executors =
          owner && !kept.includes(owner) ? [owner, ...kept, ...added] : [...kept, ...added];
        return { ...s, executors };
      }),
    );
  }

  protected moveStep(index: number, delta: -1 | 1): void {
    this.setSteps((list) => move(list, index, delta));
  }

  protected removeStep(index: number): void {
    this.setSteps((list) => list.filter((_, i) => i !== index));
  }

  protected channelLabel(channel: string): MessageKey {
    return `channel.${channel}` as MessageKey;
  }

  // ---- saving -------------------------------------------------------------------------------

  protected save(): void {
    const draft = this.draft();
    const detail = this.detail();
    if (!draft || !detail || this.saving()) return;
    this.showAll.set(true);
    this.serverErrors.set({});
    if (Object.keys(this.problems()).length) {
      this.formError.set(this.i18n.t('agent.editor.fix'));
      return;
    }
    this.formError.set(null);
    this.saving.set(true);
    this.api.update(toSave(draft), detail.version).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.snackBar.open(
          this.i18n.t('agent.editor.saved', { version: saved.version }),
          undefined,
          { duration: 4000 },
        );
        void this.router.navigate(['/katalog', draft.office, draft.code]);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        if (error instanceof HttpErrorResponse && error.status === 409) {
          this.formError.set(this.i18n.t('agent.editor.stale'));
          return;
        }
        this.serverErrors.set(fieldErrorsOf(problemOf(error)));
        this.formError.set(this.notifier.describe(error));
      },
    });
  }
}
