import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CurrentUser, ProblemDetail, ProblemView } from '@sigap/contracts';
import { AGENT, OFFICES } from '../../testing/fixtures';
import { consoleTestProviders, resetStorage, textOf } from '../../testing/providers';
import { ProblemDetailPage } from './problem-detail.page';
import { ProblemsPage } from './problems.page';

const EXECUTOR: CurrentUser = { ...AGENT, id: 'u-7', name: 'Staf', roles: [] };

const PROBLEM: ProblemView = {
  id: '7d4c1a52-3f0e-4c55-9a7e-0e4b3c1f2a10',
  office: 'tebingtinggi',
  title: 'UPS ruang server sering mati',
  description: 'UPS lama tidak menahan beban saat listrik PLN turun.',
  status: 'known-error',
  rootCause: 'Baterai UPS sudah lewat umur pakai.',
  workaround: 'Nyalakan genset manual.',
  incidentCount: 1,
  createdAt: '2026-11-20T02:00:00.000Z',
  updatedAt: '2026-11-21T02:00:00.000Z',
  version: 3,
};

const DETAIL: ProblemDetail = {
  ...PROBLEM,
  incidents: [
    {
      number: 'GNGTT-2026-000002',
      subject: 'Semua aplikasi OPD tidak dapat diakses',
      status: 'resolved',
      requesterName: 'Operator',
      priority: 'P1',
      receivedAt: '2026-11-20T01:00:00.000Z',
    },
  ],
};

describe('ProblemsPage and ProblemDetailPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  async function open(user: CurrentUser, url: string): Promise<HTMLElement> {
    resetStorage(user);
    TestBed.configureTestingModule({
      providers: consoleTestProviders([
        { path: 'masalah', component: ProblemsPage },
        { path: 'masalah/:id', component: ProblemDetailPage },
      ]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    await harness.fixture.whenStable();
    return harness.routeNativeElement!;
  }

  const type = (root: HTMLElement, selector: string, value: string) => {
    const el = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
    el.value = value;
    el.dispatchEvent(new Event('input'));
  };

  afterEach(() => backend.verify());

  it('lists the office problems and records a new one', async () => {
    const element = await open(AGENT, '/masalah');
    backend.expectOne('/api/v1/offices').flush(OFFICES);
    backend.expectOne('/api/v1/problems?office=tebingtinggi').flush([PROBLEM]);
    await harness.fixture.whenStable();
    expect(textOf(element, '[data-test=problem-list]')).toContain('UPS ruang server sering mati');
    expect(textOf(element, '[data-test=problem-list]')).toContain('Galat diketahui');

    element.querySelector<HTMLElement>('[data-test=new-problem]')!.click();
    await harness.fixture.whenStable();
    type(element, '[data-test=problem-title]', 'Sertifikat TLS kedaluwarsa');
    type(
      element,
      '[data-test=problem-description]',
      'Sertifikat website OPD kedaluwarsa berulang.',
    );
    await harness.fixture.whenStable();
    element.querySelector<HTMLButtonElement>('[data-test=problem-create]')!.click();
    const req = backend.expectOne({ method: 'POST', url: '/api/v1/problems' });
    expect(req.request.body).toEqual({
      office: 'tebingtinggi',
      title: 'Sertifikat TLS kedaluwarsa',
      description: 'Sertifikat website OPD kedaluwarsa berulang.',
    });
    req.flush({ ...PROBLEM, id: 'x', status: 'open' });
    backend.expectOne('/api/v1/problems?office=tebingtinggi').flush([PROBLEM]);
  });

  it('shows a problem with its incidents; the helpdesk edits and links by number', async () => {
    const element = await open(AGENT, `/masalah/${PROBLEM.id}`);
    backend.expectOne(`/api/v1/problems/${PROBLEM.id}`).flush(DETAIL);
    await harness.fixture.whenStable();
    expect(textOf(element, '[data-test=problem-heading]')).toBe(PROBLEM.title);
    expect(textOf(element, '[data-test=problem-incidents]')).toContain('GNGTT-2026-000002');

    type(element, '[data-test=problem-link-input]', 'gngtt-2026-000009');
    await harness.fixture.whenStable();
    element.querySelector<HTMLButtonElement>('[data-test=problem-link-incident]')!.click();
    const link = backend.expectOne({
      method: 'POST',
      url: `/api/v1/problems/${PROBLEM.id}/incidents`,
    });
    expect(link.request.body).toEqual({ incident: 'GNGTT-2026-000009' });
    link.flush(DETAIL);
    backend.expectOne(`/api/v1/problems/${PROBLEM.id}`).flush(DETAIL);
    await harness.fixture.whenStable();

    type(element, '[data-test=problem-workaround]', 'Ganti baterai UPS.');
    await harness.fixture.whenStable();
    element.querySelector<HTMLButtonElement>('[data-test=problem-save]')!.click();
    const save = backend.expectOne({ method: 'PUT', url: `/api/v1/problems/${PROBLEM.id}` });
    expect(save.request.body).toEqual(
      jasmine.objectContaining({ workaround: 'Ganti baterai UPS.', expectedVersion: 3 }),
    );
    save.flush(PROBLEM);
    backend.expectOne(`/api/v1/problems/${PROBLEM.id}`).flush(DETAIL);
  });

  it('reads only for staff who are neither helpdesk nor manager', async () => {
    const element = await open(EXECUTOR, `/masalah/${PROBLEM.id}`);
    backend.expectOne(`/api/v1/problems/${PROBLEM.id}`).flush(DETAIL);
    await harness.fixture.whenStable();
    expect(element.querySelector('[data-test=problem-save]')).toBeNull();
    expect(element.querySelector('[data-test=problem-link-incident]')).toBeNull();
  });
});
