import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  type OnInit,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute, RouterLink } from '@angular/router';
import {
  RESPONDENT_AGE_BANDS,
  RESPONDENT_EDUCATIONS,
  RESPONDENT_OCCUPATIONS,
  RESPONDENT_SEXES,
  SKM_ELEMENTS,
  SURVEY_COMMENT_MAX,
  type ProfileOption,
  type SkmElement,
  type SurveySubmission,
  type SurveyText,
  type SurveyView,
} from '@sigap/contracts';
import type { MessageKey } from '../i18n/id';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import { LanguageSwitchComponent } from '../layout/language-switch.component';
import { problemOf } from '../shared/problem';
import { SurveyApi } from './survey.api';

type ProfileKey = 'sex' | 'ageBand' | 'education' | 'occupation';

/** What the page shows: the questionnaire, or one of the end states. */
export type SurveyState =
  'loading' | 'open' | 'done' | 'invalid' | 'expired' | 'used' | 'limited' | 'failed';

/** The page's state for a failed call: the problem code decides, else a generic failure. */
export function stateOfError(error: unknown): SurveyState {
  const code = problemOf(error)?.code;
  if (code === 'survey.invalid') return 'invalid';
  if (code === 'survey.expired') return 'expired';
  if (code === 'survey.used') return 'used';
  if (code === 'survey.rate_limited') return 'limited';
  if (error instanceof HttpErrorResponse && error.status === 404) return 'invalid';
  return 'failed';
}

/**
 * The public satisfaction survey (`/survei/:token`), outside the console's shell: the ticket
 * number and service, the nine SKM elements as groups of four radio buttons (arrow keys move
 * within a group), an optional comment, and clear pages for invalid, expired and used links.
 */
@Component({
  selector: 'sg-survey-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, TranslatePipe, LanguageSwitchComponent],
  template: `
    <a class="skip" href="#isi-survei">{{ 'survey.skip' | t }}</a>
    <header class="bar">
      <span class="brand">
        <span class="app">{{ 'app.name' | t }}</span>
        <span class="what">{{ 'survey.title' | t }}</span>
      </span>
      <sg-language-switch />
    </header>
    <main id="isi-survei" tabindex="-1">
      <h1>{{ 'survey.title' | t }}</h1>
      @switch (state()) {
        @case ('loading') {
          <p role="status">{{ 'survey.loading' | t }}</p>
        }
        @case ('done') {
          <section class="end" role="status" data-test="survey-done">
            <h2>{{ 'survey.done.title' | t }}</h2>
            <p>{{ 'survey.done.text' | t: { number: view()?.ticketNumber ?? '' } }}</p>
          </section>
        }
        @case ('invalid') {
          <section class="end" data-test="survey-invalid">
            <h2>{{ 'survey.invalid.title' | t }}</h2>
            <p>{{ 'survey.invalid.text' | t }}</p>
          </section>
        }
        @case ('expired') {
          <section class="end" data-test="survey-expired">
            <h2>{{ 'survey.expired.title' | t }}</h2>
            <p>{{ 'survey.expired.text' | t }}</p>
            <a mat-stroked-button routerLink="/pengaduan">{{ 'survey.complaint' | t }}</a>
          </section>
        }
        @case ('used') {
          <section class="end" data-test="survey-used">
            <h2>{{ 'survey.used.title' | t }}</h2>
            <p>{{ 'survey.used.text' | t }}</p>
          </section>
        }
        @case ('limited') {
          <p class="failure" role="alert" data-test="survey-limited">{{ 'survey.limited' | t }}</p>
        }
        @default {
          @if (view(); as v) {
            <dl class="ticket">
              <div>
                <dt>{{ 'survey.ticket' | t }}</dt>
                <dd data-test="survey-ticket">{{ v.ticketNumber }}</dd>
              </div>
              <div>
                <dt>{{ 'survey.service' | t }}</dt>
                <dd data-test="survey-service">{{ v.serviceName }}</dd>
              </div>
            </dl>
            <p>{{ 'survey.intro' | t }}</p>
            <p class="hint">{{ 'survey.validUntil' | t: { date: dateText(v.expiresAt) } }}</p>
            <form (submit)="submit($event)" novalidate data-test="survey-form">
              @for (e of elements; track e.code; let i = $index) {
                <fieldset
                  [class.missing]="tried() && !scores()[i]"
                  [attr.aria-describedby]="tried() && !scores()[i] ? 'err-' + e.code : null"
                  [attr.data-test]="'element-' + e.code"
                >
                  <legend>
                    <span class="code">{{ e.code }}</span> {{ text(e.label) }}
                    <span class="question">{{ text(e.question) }}</span>
                  </legend>
                  <div class="answers">
                    @for (a of e.answers; track $index; let s = $index) {
                      <label>
                        <input
                          type="radio"
                          [name]="e.code"
                          [value]="s + 1"
                          [checked]="scores()[i] === s + 1"
                          (change)="choose(i, s + 1)"
                          [attr.data-test]="e.code + '-' + (s + 1)"
                        />
                        <span class="score">{{ s + 1 }}</span>
                        <span>{{ text(a) }}</span>
                      </label>
                    }
                  </div>
                  @if (tried() && !scores()[i]) {
                    <p class="error" [id]="'err-' + e.code">{{ 'survey.required' | t }}</p>
                  }
                </fieldset>
              }
              <!-- A group of selects, not one of the nine rated elements: no fieldset. -->
              <div
                class="profile"
                role="group"
                aria-labelledby="survey-profile-title"
                data-test="survey-profile"
              >
                <p id="survey-profile-title" class="profile-title">
                  <strong>{{ 'survey.profile.title' | t }}</strong>
                  <span class="hint">{{ 'survey.profile.hint' | t }}</span>
                </p>
                @for (p of profileFields; track p.key) {
                  <label class="profile-field">
                    <span>{{ p.label | t }}</span>
                    <select
                      [value]="profile()[p.key]"
                      (change)="setProfile(p.key, $any($event.target).value)"
                      [attr.data-test]="'profile-' + p.key"
                    >
                      <option value="">{{ 'survey.profile.none' | t }}</option>
                      @for (o of p.options; track o.code) {
                        <option [value]="o.code">{{ text(o.label) }}</option>
                      }
                    </select>
                  </label>
                }
              </div>
              <label class="comment-label" for="survey-comment">{{ 'survey.comment' | t }}</label>
              <textarea
                id="survey-comment"
                rows="4"
                [attr.maxlength]="commentMax"
                aria-describedby="survey-comment-hint"
                [value]="comment()"
                (input)="comment.set($any($event.target).value)"
                data-test="survey-comment"
              ></textarea>
              <p id="survey-comment-hint" class="hint">
                {{ 'survey.commentHint' | t: { max: commentMax } }}
                <span class="count" data-test="survey-comment-count"
                  >{{ comment().length }}/{{ commentMax }}</span
                >
              </p>
              @if (tried() && missing().length) {
                <p class="failure" role="alert" data-test="survey-missing">
                  {{ 'survey.missing' | t: { list: missing().join(', ') } }}
                </p>
              }
              @if (state() === 'failed') {
                <p class="failure" role="alert" data-test="survey-failed">
                  {{ 'survey.failed' | t }}
                </p>
              }
              <button
                mat-flat-button
                type="submit"
                [disabled]="sending()"
                data-test="survey-submit"
              >
                {{ (sending() ? 'survey.submitting' : 'survey.submit') | t }}
              </button>
            </form>
          } @else {
            <p class="failure" role="alert" data-test="survey-failed">{{ 'survey.failed' | t }}</p>
          }
        }
      }
    </main>
  `,
  styles: `
    :host {
      display: block;
      min-height: 100%;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
    .skip {
      position: absolute;
      left: -9999px;
    }
    .skip:focus {
      left: 8px;
      top: 8px;
      z-index: 10;
      background: var(--mat-sys-surface);
      padding: 8px;
    }
    .bar {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 16px;
      padding: 12px 24px;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .brand {
      display: flex;
      flex-direction: column;
    }
    .brand .app {
      font-size: 1.3rem;
      font-weight: 700;
    }
    main {
      max-width: 760px;
      margin: 0 auto;
      padding: 16px 24px 48px;
    }
    .ticket {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 32px;
    }
    .ticket dt {
      font-size: 0.85rem;
    }
    .ticket dd {
      margin: 0;
      font-weight: 600;
    }
    fieldset {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      margin: 0 0 16px;
      padding: 8px 16px 12px;
    }
    fieldset.missing {
      border-color: var(--mat-sys-error);
    }
    legend {
      font-weight: 600;
      padding: 0 4px;
    }
    legend .code {
      display: inline-block;
      min-width: 2em;
    }
    legend .question {
      display: block;
      font-weight: 400;
    }
    .answers {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
      gap: 8px;
      margin-top: 8px;
    }
    .answers label {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 8px;
      border-radius: 6px;
      cursor: pointer;
    }
    .answers label:has(input:checked) {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .answers input {
      width: 20px;
      height: 20px;
      margin: 0;
    }
    .answers input:focus-visible {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .score {
      font-weight: 700;
    }
    .profile {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(200px, 1fr));
      gap: 12px;
    }
    .profile {
      margin: 16px 0;
    }
    .profile-title {
      grid-column: 1 / -1;
      display: flex;
      flex-direction: column;
      margin: 0;
    }
    .profile-field {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .profile-field select {
      min-height: 40px;
      font: inherit;
    }
    .comment-label {
      display: block;
      font-weight: 600;
      margin-top: 8px;
    }
    .count {
      float: right;
    }
    textarea {
      width: 100%;
      box-sizing: border-box;
      font: inherit;
      padding: 8px;
      margin-top: 4px;
    }
    .hint {
      font-size: 0.9rem;
    }
    .error,
    .failure {
      color: var(--mat-sys-error);
    }
  `,
})
export class SurveyPage implements OnInit {
  private readonly route = inject(ActivatedRoute);

  private readonly api = inject(SurveyApi);
  private readonly i18n = inject(I18nService);

  protected readonly elements: readonly SkmElement[] = SKM_ELEMENTS;
  protected readonly commentMax = SURVEY_COMMENT_MAX;
  protected readonly state = signal<SurveyState>('loading');
  protected readonly view = signal<SurveyView | null>(null);
  protected readonly scores = signal<(number | null)[]>(SKM_ELEMENTS.map(() => null));
  protected readonly comment = signal('');
  /** The optional respondent profile (Permenpan RB 14/2017); '' = left out. */
  protected readonly profileFields: readonly {
    key: ProfileKey;
    label: MessageKey;
    options: readonly ProfileOption<string>[];
  }[] = [
    { key: 'sex', label: 'survey.profile.sex', options: RESPONDENT_SEXES },
    { key: 'ageBand', label: 'survey.profile.age', options: RESPONDENT_AGE_BANDS },
    { key: 'education', label: 'survey.profile.education', options: RESPONDENT_EDUCATIONS },
    { key: 'occupation', label: 'survey.profile.occupation', options: RESPONDENT_OCCUPATIONS },
  ];
  protected readonly profile = signal<Record<ProfileKey, string>>({
    sex: '',
    ageBand: '',
    education: '',
    occupation: '',
  });
  protected readonly tried = signal(false);
  protected readonly sending = signal(false);
  protected readonly missing = computed(() =>
    this.elements.filter((_, i) => !this.scores()[i]).map((e) => e.code),
  );

  ngOnInit(): void {
    this.api.view(this.token()).subscribe({
      next: (v) => {
        this.view.set(v);
        this.state.set('open');
      },
      error: (e: unknown) => this.state.set(stateOfError(e)),
    });
  }

  /** The link's token: the last segment of `/survei/:token`. */
  private token(): string {
    return this.route.snapshot.paramMap.get('token') ?? '';
  }

  protected text(value: SurveyText): string {
    return this.i18n.locale() === 'en' ? value.en : value.id;
  }

  protected dateText(iso: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale() === 'en' ? 'en-GB' : 'id-ID', {
      dateStyle: 'long',
    }).format(new Date(iso));
  }

  protected choose(index: number, score: number): void {
    this.scores.update((list) => list.map((s, i) => (i === index ? score : s)));
  }

  protected setProfile(key: ProfileKey, value: string): void {
    const field = this.profileFields.find((f) => f.key === key);
    const known = !value || !!field?.options.some((o) => o.code === value);
    this.profile.update((p) => ({ ...p, [key]: known ? value : '' }));
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.tried.set(true);
    if (this.missing().length || this.sending()) {
      const first = this.missing()[0];
      const field = first
        ? document.querySelector<HTMLInputElement>(`input[name="${first}"]`)
        : null;
      // The question to answer comes into view (a long form on a phone), the cursor on it.
      field?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
      field?.focus({ preventScroll: true });
      return;
    }
    this.sending.set(true);
    const comment = this.comment().trim();
    this.api
      .submit(this.token(), {
        scores: this.scores().map((s) => s ?? 0),
        comment: comment || null,
        // Only what the respondent chose: the profile is optional, field by field.
        ...(Object.fromEntries(
          Object.entries(this.profile()).filter(([, v]) => v !== ''),
        ) as Partial<Pick<SurveySubmission, ProfileKey>>),
      })
      .subscribe({
        next: () => {
          this.sending.set(false);
          this.state.set('done');
        },
        error: (e: unknown) => {
          this.sending.set(false);
          this.state.set(stateOfError(e));
        },
      });
  }
}
