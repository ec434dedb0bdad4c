import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import type {
  CurrentUser,
  ImprovementActionDetail,
  ImprovementActionOwnerOptions,
  ImprovementActionView,
  ReviewFiguresSnapshot,
  ReviewView,
} from '@sigap/contracts';
import { AGENT, OFFICES } from '../../testing/fixtures';
import { consoleTestProviders, resetStorage, textOf } from '../../testing/providers';
import { ReviewsPage } from './reviews.page';

const MANAGER: CurrentUser = { ...AGENT, id: 'u-9', name: 'Kadis', roles: ['manager'] };

const FIGURES: ReviewFiguresSnapshot = {
  from: '2026-07',
  to: '2026-09',
  takenAt: '2026-10-05T02:00:00.000Z',
  dataAsOf: '2026-10-05T01:59:00.000Z',
  tickets: { total: 40, met: 30, metLate: 6, breached: 4, withinLimitShare: 0.9 },
  firstResponse: {
    total: 40,
    met: 38,
    metLate: 1,
    breached: 1,
    withinLimitShare: 0.975,
    medianMinutes: 45,
  },
  incidents: {
    total: 7,
    responseShare: 1,
    resolutionShare: 0.857,
    meanRestoreMinutes: 135,
  },
  ikm: [{ period: '2026-Q3', respondents: 25, shown: '84.12', gradeName: 'Baik' }],
};

const REVIEW: ReviewView = {
  id: '5b0c1f7e-2a4d-4c8e-9f10-1a2b3c4d5e6f',
  office: 'tebingtinggi',
  heldOn: '2026-10-05',
  title: 'Tinjauan triwulan III',
  attendees: [{ name: 'Kadis', position: 'Kepala Dinas' }],
  periodFrom: '2026-07',
  periodTo: '2026-09',
  figures: FIGURES,
  notes: null,
  decisions: ['Tambah petugas helpdesk'],
  actionCount: 1,
  createdBy: 'u-9',
  createdByName: 'Kadis',
  createdAt: '2026-10-05T02:00:00.000Z',
  updatedAt: '2026-10-05T02:00:00.000Z',
  version: 1,
};

const ACTION: ImprovementActionView = {
  id: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
  office: 'tebingtinggi',
  reviewId: REVIEW.id,
  reviewTitle: REVIEW.title,
  title: 'Perbarui SOP hosting',
  description: null,
  ownerUserId: null,
  ownerPosition: 'sekretaris',
  ownerName: 'Sekretaris',
  dueOn: '2026-10-15',
  status: 'open',
  doneOn: null,
  closingNote: null,
  overdue: true,
  createdAt: '2026-10-05T02:00:00.000Z',
  updatedAt: '2026-10-05T02:00:00.000Z',
  version: 2,
};

const OWNERS: ImprovementActionOwnerOptions = {
  users: [{ id: 'u-9', name: 'Kadis' }],
  positions: [{ code: 'sekretaris', name: 'Sekretaris' }],
};

describe('ReviewsPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  async function open(user: CurrentUser): Promise<HTMLElement> {
    resetStorage(user);
    TestBed.configureTestingModule({
      providers: consoleTestProviders([{ path: 'tinjauan', component: ReviewsPage }]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/tinjauan');
    await harness.fixture.whenStable();
    return harness.routeNativeElement!;
  }

  const type = (root: HTMLElement, selector: string, value: string, event = 'input') => {
    const el = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
    el.value = value;
    el.dispatchEvent(new Event(event));
  };

  const loaded = async (actions: ImprovementActionView[] = [ACTION], owners = true) => {
    backend.expectOne('/api/v1/offices').flush(OFFICES);
    backend.expectOne('/api/v1/reviews?office=tebingtinggi').flush([REVIEW]);
    backend.expectOne('/api/v1/improvement-actions?office=tebingtinggi').flush(actions);
    if (owners)
      backend.expectOne('/api/v1/improvement-actions/owners?office=tebingtinggi').flush(OWNERS);
    await harness.fixture.whenStable();
  };

  afterEach(() => backend.verify());

  it('lists reviews with their figures and actions with an overdue badge', async () => {
    const element = await open(MANAGER);
    await loaded();
    const reviews = textOf(element, '[data-test=review-list]');
    expect(reviews).toContain('Tinjauan triwulan III');
    expect(reviews).toContain('90,0 %');
    expect(reviews).toContain('84.12 Baik');
    const actions = textOf(element, '[data-test=action-list]');
    expect(actions).toContain('Perbarui SOP hosting');
    expect(actions).toContain('Oleh Sekretaris');
    expect(textOf(element, '[data-test=action-overdue]')).toBe('Terlambat');
  });

  it('records a review with the figures of the period shown read-only', async () => {
    const element = await open(MANAGER);
    await loaded();
    element.querySelector<HTMLElement>('[data-test=new-review]')!.click();
    await harness.fixture.whenStable();
    type(element, '[data-test=review-from]', '2026-07', 'change');
    type(element, '[data-test=review-to]', '2026-09', 'change');
    element.querySelector<HTMLElement>('[data-test=review-load-figures]')!.click();
    // Opening the form asked for the default period's figures; the button for the chosen one.
    const asked = backend.match((r) => r.url === '/api/v1/reviews/figures');
    expect(asked.length).toBe(2);
    const last = asked[1].request.params;
    expect([last.get('office'), last.get('from'), last.get('to')]).toEqual([
      'tebingtinggi',
      '2026-07',
      '2026-09',
    ]);
    asked.forEach((r) => r.flush(FIGURES));
    await harness.fixture.whenStable();
    const form = element.querySelector<HTMLElement>('[data-test=review-form]')!;
    expect(textOf(form, '[data-test=review-figures]')).toContain('40');
    expect(form.querySelector('[data-test=review-figures] input')).toBeNull();

    type(element, '[data-test=review-held-on]', '2026-10-05');
    type(element, '[data-test=review-title]', 'Tinjauan triwulan III');
    type(element, '[data-test=review-attendee-name-0]', 'Kadis');
    type(element, '[data-test=review-attendee-position-0]', 'Kepala Dinas');
    type(element, '[data-test=review-decisions]', 'Tambah petugas\n\n Perbarui SOP ');
    await harness.fixture.whenStable();
    element.querySelector<HTMLButtonElement>('[data-test=review-save]')!.click();
    const save = backend.expectOne({ method: 'POST', url: '/api/v1/reviews' });
    expect(save.request.body).toEqual({
      office: 'tebingtinggi',
      heldOn: '2026-10-05',
      title: 'Tinjauan triwulan III',
      attendees: [{ name: 'Kadis', position: 'Kepala Dinas' }],
      periodFrom: '2026-07',
      periodTo: '2026-09',
      notes: null,
      decisions: ['Tambah petugas', 'Perbarui SOP'],
    });
    save.flush(REVIEW);
    backend.expectOne('/api/v1/reviews?office=tebingtinggi').flush([REVIEW]);
    backend.expectOne('/api/v1/improvement-actions?office=tebingtinggi').flush([ACTION]);
    backend.expectOne('/api/v1/improvement-actions/owners?office=tebingtinggi').flush(OWNERS);
    await harness.fixture.whenStable();
    expect(element.querySelector('[data-test=review-form]')).toBeNull();
  });

  it('marks an action done with a closing note and its version', async () => {
    const element = await open(MANAGER);
    await loaded();
    element.querySelector<HTMLElement>('[data-test=action-change-status]')!.click();
    await harness.fixture.whenStable();
    type(element, '[data-test=action-closing-note]', 'SOP baru disahkan.');
    await harness.fixture.whenStable();
    // The status select starts at "in progress"; the test sets "done" through the page.
    const page = harness.fixture.debugElement.query(
      (d) => d.componentInstance instanceof ReviewsPage,
    ).componentInstance as unknown as { newStatus: { set(v: string): void } };
    page.newStatus.set('done');
    await harness.fixture.whenStable();
    expect(element.querySelector('[data-test=action-done-on]')).not.toBeNull();
    element.querySelector<HTMLButtonElement>('[data-test=action-apply-status]')!.click();
    const put = backend.expectOne({
      method: 'PUT',
      url: `/api/v1/improvement-actions/${ACTION.id}`,
    });
    expect(put.request.body).toEqual({
      title: ACTION.title,
      description: null,
      ownerUserId: null,
      ownerPosition: 'sekretaris',
      dueOn: '2026-10-15',
      status: 'done',
      doneOn: null,
      closingNote: 'SOP baru disahkan.',
      expectedVersion: 2,
    });
    const done: ImprovementActionDetail = {
      ...ACTION,
      status: 'done',
      doneOn: '2026-10-20',
      overdue: false,
      version: 3,
      history: [],
    };
    put.flush(done);
    backend.expectOne('/api/v1/reviews?office=tebingtinggi').flush([REVIEW]);
    backend.expectOne('/api/v1/improvement-actions?office=tebingtinggi').flush([done]);
    backend.expectOne('/api/v1/improvement-actions/owners?office=tebingtinggi').flush(OWNERS);
    await harness.fixture.whenStable();
    expect(textOf(element, '[data-test=action-status]')).toBe('Selesai');
    expect(element.querySelector('[data-test=action-overdue]')).toBeNull();
  });

  it('filters overdue actions, and shows an agent no write controls', async () => {
    const element = await open(AGENT);
    await loaded([ACTION], false);
    expect(element.querySelector('[data-test=new-review]')).toBeNull();
    expect(element.querySelector('[data-test=new-action]')).toBeNull();
    expect(element.querySelector('[data-test=action-change-status]')).toBeNull();
    element.querySelector<HTMLElement>('[data-test=action-overdue-only] input')!.click();
    await harness.fixture.whenStable();
    backend
      .expectOne('/api/v1/improvement-actions?office=tebingtinggi&overdue=true')
      .flush([ACTION]);
  });
});
