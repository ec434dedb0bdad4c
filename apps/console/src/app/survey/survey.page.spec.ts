import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import type { SurveyView } from '@sigap/contracts';
import { I18nService } from '../i18n/i18n.service';
import { consoleTestProviders, resetStorage, textOf } from '../../testing/providers';
import { SurveyPage } from './survey.page';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUv.' + 'x'.repeat(43);
const URL = `/api/v1/survey/${encodeURIComponent(TOKEN)}`;
const VIEW: SurveyView = {
  ticketNumber: 'BALI-2026-000042',
  serviceName: 'Pembangunan dan Pengembangan Aplikasi',
  expiresAt: '2026-06-03T02:00:00.000Z',
};

describe('SurveyPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  async function open(answer: (url: string) => void): Promise<HTMLElement> {
    resetStorage();
    TestBed.configureTestingModule({
      providers: consoleTestProviders([{ path: 'survei/:token', component: SurveyPage }]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(`/survei/${TOKEN}`);
    answer(URL);
    await harness.fixture.whenStable();
    return harness.routeNativeElement!;
  }

  const problem = (status: number, code: string) => ({
    type: 'about:blank',
    title: 'x',
    status,
    code,
  });

  afterEach(() => backend.verify());

  it('shows the ticket, the service and the nine elements with four labelled answers each', async () => {
    const el = await open((url) => backend.expectOne(url).flush(VIEW));
    expect(textOf(el, '[data-test=survey-ticket]')).toBe('BALI-2026-000042');
    expect(textOf(el, '[data-test=survey-service]')).toContain('Pengembangan Aplikasi');
    const groups = el.querySelectorAll('fieldset');
    expect(groups.length).toBe(9);
    for (const g of Array.from(groups)) {
      expect(g.querySelector('legend')?.textContent?.trim().length).toBeGreaterThan(3);
      const radios = g.querySelectorAll<HTMLInputElement>('input[type=radio]');
      expect(radios.length).toBe(4);
      for (const r of Array.from(radios)) expect(r.closest('label')).not.toBeNull();
    }
    expect(textOf(el, '[data-test=element-U1] legend')).toContain('Persyaratan');
    expect(textOf(el, '[data-test=element-U4]')).toContain('Gratis');
  });

  it('switches the texts to English', async () => {
    const el = await open((url) => backend.expectOne(url).flush(VIEW));
    TestBed.inject(I18nService).setLocale('en');
    await harness.fixture.whenStable();
    expect(textOf(el, '[data-test=element-U1] legend')).toContain('Requirements');
    expect(textOf(el, '[data-test=survey-submit]')).toBe('Send answers');
    TestBed.inject(I18nService).setLocale('id');
  });

  it('asks for the missing elements and sends nothing until all nine are answered', async () => {
    const el = await open((url) => backend.expectOne(url).flush(VIEW));
    el.querySelector<HTMLInputElement>('[data-test=U1-4]')!.click();
    el.querySelector<HTMLButtonElement>('[data-test=survey-submit]')!.click();
    await harness.fixture.whenStable();
    expect(textOf(el, '[data-test=survey-missing]')).toContain('U2');
    expect(textOf(el, '[data-test=survey-missing]')).not.toContain('U1');
    // The first unanswered question has the cursor.
    expect(document.activeElement?.getAttribute('data-test')).toBe('U2-1');
    backend.expectNone(URL);
  });

  it('sends the nine scores and the comment, then thanks', async () => {
    const el = await open((url) => backend.expectOne(url).flush(VIEW));
    const chosen = [4, 3, 3, 2, 4, 4, 3, 1, 2];
    chosen.forEach((s, i) =>
      el.querySelector<HTMLInputElement>(`[data-test=U${i + 1}-${s}]`)!.click(),
    );
    const comment = el.querySelector<HTMLTextAreaElement>('[data-test=survey-comment]')!;
    comment.value = '  Cepat dan ramah.  ';
    comment.dispatchEvent(new Event('input'));
    await harness.fixture.whenStable();
    expect(textOf(el, '[data-test=survey-comment-count]')).toBe(
      `20/${comment.getAttribute('maxlength')}`,
    );
    el.querySelector<HTMLButtonElement>('[data-test=survey-submit]')!.click();
    const req = backend.expectOne((r) => r.method === 'POST' && r.url === URL);
    expect(req.request.body).toEqual({ scores: chosen, comment: 'Cepat dan ramah.' });
    req.flush({ ticketNumber: VIEW.ticketNumber, submittedAt: '2026-05-20T02:00:00.000Z' });
    await harness.fixture.whenStable();
    expect(textOf(el, '[data-test=survey-done]')).toContain('BALI-2026-000042');
  });

  it('offers the optional respondent profile and sends only the fields chosen', async () => {
    const el = await open((url) => backend.expectOne(url).flush(VIEW));
    const profile = el.querySelector('[data-test=survey-profile]')!;
    expect(profile.textContent).toContain('Profil responden (tidak wajib)');
    for (const key of ['sex', 'ageBand', 'education', 'occupation']) {
      expect(el.querySelector(`[data-test=profile-${key}]`))
        .withContext(key)
        .not.toBeNull();
    }
    const pick = (key: string, value: string) => {
      const select = el.querySelector<HTMLSelectElement>(`[data-test=profile-${key}]`)!;
      select.value = value;
      select.dispatchEvent(new Event('change'));
    };
    expect(
      Array.from(
        el.querySelectorAll<HTMLOptionElement>('[data-test=profile-education] option'),
      ).map((o) => o.textContent?.trim()),
    ).toContain('D1/D2/D3/D4');
    pick('sex', 'perempuan');
    pick('education', 's1');
    const chosen = [4, 4, 4, 4, 4, 4, 4, 4, 4];
    chosen.forEach((s, i) =>
      el.querySelector<HTMLInputElement>(`[data-test=U${i + 1}-${s}]`)!.click(),
    );
    el.querySelector<HTMLButtonElement>('[data-test=survey-submit]')!.click();
    const req = backend.expectOne((r) => r.method === 'POST' && r.url === URL);
    expect(req.request.body).toEqual({
      scores: chosen,
      comment: null,
      sex: 'perempuan',
      education: 's1',
    });
    req.flush({ ticketNumber: VIEW.ticketNumber, submittedAt: '2026-05-20T02:00:00.000Z' });
  });

  it('shows a page of its own for invalid, expired and used links', async () => {
    const el = await open((url) =>
      backend
        .expectOne(url)
        .flush(problem(410, 'survey.expired'), { status: 410, statusText: 'Gone' }),
    );
    expect(el.querySelector('[data-test=survey-expired]')).not.toBeNull();
    expect(el.querySelector('form')).toBeNull();
  });

  it('shows "already answered" for a used link', async () => {
    const el = await open((url) =>
      backend
        .expectOne(url)
        .flush(problem(409, 'survey.used'), { status: 409, statusText: 'Conflict' }),
    );
    expect(el.querySelector('[data-test=survey-used]')).not.toBeNull();
  });

  it('shows "unknown link" for an invalid one', async () => {
    const el = await open((url) =>
      backend
        .expectOne(url)
        .flush(problem(404, 'survey.invalid'), { status: 404, statusText: 'Not Found' }),
    );
    expect(el.querySelector('[data-test=survey-invalid]')).not.toBeNull();
  });
});
