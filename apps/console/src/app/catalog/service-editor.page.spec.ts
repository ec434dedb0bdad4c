import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { OfficeDetail, SlaPreviewRequest, SlaPreviewResponse } from '@sigap/contracts';
import { ADMIN, SERVICE_DETAIL } from '../../testing/fixtures';
import {
  BlankComponent,
  consoleTestProviders,
  resetStorage,
  textOf,
} from '../../testing/providers';
import { PREVIEW_DEBOUNCE_MS, ServiceEditorPage } from './service-editor.page';

const URL = '/api/v1/catalog/services/tebingtinggi/inventarisasi-aplikasi';
const PREVIEW_URL = '/api/v1/sla/preview';

const OFFICE: OfficeDetail = {
  code: 'tebingtinggi',
  name: 'Diskominfo Kota Tebing Tinggi',
  timeZone: 'Asia/Jakarta',
  zoneAbbreviation: 'WIB',
  ticketPrefix: 'TT',
  region: 'ID-SU',
  positions: [
    { code: 'kadis', name: 'Kepala Dinas', reportsTo: null },
    { code: 'tim-teknis', name: 'Tim Teknis Kominfo', reportsTo: 'kadis' },
    { code: 'opd-pemohon', name: 'OPD Pemohon', reportsTo: null, requesterSide: true },
  ],
};

/** The preview answers "start + hours" for "N Jam" and a day later for anything else. */
function answer(request: TestRequest): SlaPreviewRequest {
  const body = request.request.body as SlaPreviewRequest;
  const text = String(body.duration);
  const hours = /^(\d+) jam$/i.exec(text)?.[1];
  const target = new Date(Date.parse(body.start) + (hours ? Number(hours) : 24) * 3_600_000);
  request.flush({
    target: target.toISOString(),
    limit: target.toISOString(),
    breakdown: {},
  } as unknown as SlaPreviewResponse);
  return body;
}

describe('ServiceEditorPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
  }

  /** Waits for the debounce, then answers the chained preview requests one by one. */
  async function flushPreview(): Promise<SlaPreviewRequest[]> {
    await new Promise((resolve) => setTimeout(resolve, PREVIEW_DEBOUNCE_MS + 30));
    const sent: SlaPreviewRequest[] = [];
    let idle = 0;
    while (idle < 3) {
      const pending = backend.match(PREVIEW_URL);
      if (pending.length === 0) idle++;
      else idle = 0;
      for (const request of pending) sent.push(answer(request));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await settle();
    return sent;
  }

  async function open(): Promise<HTMLElement> {
    resetStorage(ADMIN);
    TestBed.configureTestingModule({
      providers: consoleTestProviders([
        { path: 'katalog/:office/:code', component: BlankComponent },
        { path: 'katalog/:office/:code/ubah', component: ServiceEditorPage },
      ]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/katalog/tebingtinggi/inventarisasi-aplikasi/ubah');
    backend.expectOne(URL).flush(SERVICE_DETAIL);
    backend.expectOne('/api/v1/offices/tebingtinggi').flush(OFFICE);
    await settle();
    return harness.routeNativeElement!;
  }

  function type(element: HTMLElement, selector: string, value: string): void {
    const input = element.querySelector<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  afterEach(() => backend.verify());

  it('shows the standard to edit and its due dates, steps chained', async () => {
    const element = await open();
    expect(element.querySelectorAll('[data-test=step-editor]').length).toBe(12);
    expect(element.querySelectorAll('[data-test=requirement-option]').length).toBe(2);
    const sent = await flushPreview();
    // Total, the walk-in time, and step 7 (the only step with a time).
    expect(sent.map((s) => s.duration)).toEqual([
      '1 Hari',
      '30 (tiga puluh) menit sejak permintaan disampaikan',
      '2 Jam',
    ]);
    expect(textOf(element, '[data-test=preview-step-7]')).toMatch(/WIB|\d{2}\.\d{2}/);
    expect(textOf(element, '[data-test=preview-step-1]')).toBe('tanpa waktu');
  });

  it('checks a step time as it is typed and updates the preview from it', async () => {
    const element = await open();
    await flushPreview();
    const before = textOf(element, '[data-test=preview-step-7]');

    type(element, '[data-test=step-time-0]', 'secepatnya');
    await settle();
    expect(textOf(element, '[data-test=step-time-error-0]')).toContain('Tidak terbaca');
    await flushPreview();
    expect(textOf(element, '[data-test=preview-step-1]')).toBe('waktu tidak terbaca');

    type(element, '[data-test=step-time-0]', '3 Jam');
    await settle();
    expect(element.querySelector('[data-test=step-time-error-0]')).toBeNull();
    const sent = await flushPreview();
    const step1 = sent.find((s) => s.duration === '3 Jam')!;
    const step7 = sent.find((s) => s.duration === '2 Jam')!;
    // Step 7 now starts where step 1's target is: three hours later than before.
    expect(Date.parse(step7.start) - Date.parse(step1.start)).toBe(3 * 3_600_000);
    expect(textOf(element, '[data-test=preview-step-7]')).not.toBe(before);
  });

  it('saves the edited standard as a new version, with the version it was based on', async () => {
    const element = await open();
    await flushPreview();
    type(element, '[data-test=step-time-6]', '4 Jam');
    element.querySelector<HTMLElement>('[data-test=add-requirement]')!.click();
    await settle();
    type(element, '[data-test=requirement-text-1]', 'Identitas pemohon');
    await settle();
    element.querySelector<HTMLElement>('[data-test=save-service]')!.click();
    const request = backend.expectOne((r) => r.method === 'PUT' && r.url === URL);
    const body = request.request.body as {
      expectedVersion: number;
      standard: typeof SERVICE_DETAIL.standard;
    };
    expect(body.expectedVersion).toBe(2);
    expect(body.standard.steps[6].time).toBe('4 Jam');
    expect(body.standard.steps[0].time).toBeNull();
    expect(body.standard.requirements.map((r) => [r.code, r.text])).toEqual([
      ['r1', 'Permohonan layanan'],
      ['r2', 'Identitas pemohon'],
    ]);
    request.flush({ ...SERVICE_DETAIL, version: 3 });
    await settle();
    expect(TestBed.inject(Router).url).toBe('/katalog/tebingtinggi/inventarisasi-aplikasi');
    backend.match(PREVIEW_URL);
  });

  it('names the owner as the API reads it and writes it only when the reading differs', async () => {
    const element = await open();
    await flushPreview();
    const page = harness.routeDebugElement!.componentInstance as unknown as {
      setResponsible(index: number, code: string): void;
      setOthers(index: number, codes: string[]): void;
      setFollowUp(index: number, on: boolean): void;
      ownerOf(step: { executors: string[]; owner?: string }): string | null;
    };
    // Step 5: the OPD, now with the office's team: the team owns it without an explicit owner.
    page.setOthers(4, ['tim-teknis']);
    // Step 6: the team with the OPD and the Kepala Dinas; the Kepala Dinas is made the owner.
    page.setOthers(5, ['opd-pemohon', 'kadis']);
    page.setResponsible(5, 'kadis');
    // The last step (the Kepala Dinas tells the result) marked as a follow-up, then not.
    page.setFollowUp(10, true);
    page.setFollowUp(11, true);
    page.setFollowUp(10, false);
    await settle();
    element.querySelector<HTMLElement>('[data-test=save-service]')!.click();
    const request = backend.expectOne((r) => r.method === 'PUT' && r.url === URL);
    const steps = (request.request.body as { standard: typeof SERVICE_DETAIL.standard }).standard
      .steps;
    expect(steps[4].executors).toEqual(['opd-pemohon', 'tim-teknis']);
    expect(steps[4].owner).toBeUndefined();
    expect(page.ownerOf(steps[4])).toBe('tim-teknis');
    expect(steps[5].executors).toEqual(['tim-teknis', 'opd-pemohon', 'kadis']);
    expect(steps[5].owner).toBe('kadis');
    expect(steps[11].followUp).toBeTrue();
    expect('followUp' in steps[10]).toBeFalse();
    request.flush({ ...SERVICE_DETAIL, version: 3 });
    await settle();
    backend.match(PREVIEW_URL);
  });

  it('sets outside participants and the follow-up flag on a step, and shows the API refusal', async () => {
    const element = await open();
    await flushPreview();
    const input = element.querySelector<HTMLInputElement>('[data-test=step-participants-5]')!;
    expect(input.value).toBe('');
    input.value = 'Kementerian PAN-RB,  BSSN ,';
    input.dispatchEvent(new Event('change'));
    await settle();
    expect(element.querySelector<HTMLInputElement>('[data-test=step-participants-5]')!.value).toBe(
      'Kementerian PAN-RB, BSSN',
    );
    element.querySelector<HTMLElement>('[data-test=step-follow-up-11] input')!.click();
    await settle();
    // The same party twice is refused before saving.
    const twice = element.querySelector<HTMLInputElement>('[data-test=step-participants-4]')!;
    twice.value = 'BSSN, bssn';
    twice.dispatchEvent(new Event('change'));
    await settle();
    element.querySelector<HTMLElement>('[data-test=save-service]')!.click();
    await settle();
    backend.expectNone((r) => r.method === 'PUT');
    expect(textOf(element, '[data-test=step-participants-error-4]')).toBe(
      'Pihak yang sama disebut dua kali',
    );
    twice.value = '';
    twice.dispatchEvent(new Event('change'));
    await settle();

    element.querySelector<HTMLElement>('[data-test=save-service]')!.click();
    const request = backend.expectOne((r) => r.method === 'PUT' && r.url === URL);
    const steps = (request.request.body as { standard: typeof SERVICE_DETAIL.standard }).standard
      .steps;
    expect(steps[5].participants).toEqual(['Kementerian PAN-RB', 'BSSN']);
    expect('participants' in steps[4]).toBeFalse();
    expect(steps[11].followUp).toBeTrue();
    // The API names the refused name by its path; the field shows it.
    request.flush(
      {
        status: 400,
        title: 'Permintaan tidak valid',
        code: 'validation_failed',
        errors: [{ path: 'standard.steps.5.participants.1', message: 'BSSN tidak dikenal' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(textOf(element, '[data-test=step-participants-error-5]')).toBe('BSSN tidak dikenal');
    backend.match(PREVIEW_URL);
  });

  it('sets step costs and computes the cost from them, until a cost is typed by hand', async () => {
    const element = await open();
    await flushPreview();
    const cost = () => element.querySelector<HTMLInputElement>('[data-test=service-cost]')!.value;
    expect(cost()).toBe(SERVICE_DETAIL.standard.cost.text);
    // No step names a cost yet: nothing to compute, and the editor says why.
    element.querySelector<HTMLElement>('[data-test=service-cost-derive]')!.click();
    await settle();
    expect(textOf(element, '[data-test=service-cost-error]')).toContain(
      'tidak ada langkah yang menyebut biaya',
    );
    expect(cost()).toBe(SERVICE_DETAIL.standard.cost.text);
    // Every step free but step 7: the cost follows the steps as they are typed.
    for (let i = 0; i < 12; i++)
      type(element, `[data-test=step-cost-${i}]`, i === 6 ? 'Rp 25.000' : 'Gratis');
    await settle();
    expect(cost()).toBe('Rp 25.000');
    expect(element.querySelector('[data-test=service-cost-derived]')).not.toBeNull();
    expect(element.querySelector('[data-test=service-cost-derive]')).toBeNull();
    type(element, '[data-test=step-cost-6]', 'Rp 30.000');
    await settle();
    expect(cost()).toBe('Rp 30.000');

    element.querySelector<HTMLElement>('[data-test=save-service]')!.click();
    const request = backend.expectOne((r) => r.method === 'PUT' && r.url === URL);
    const standard = (request.request.body as { standard: typeof SERVICE_DETAIL.standard })
      .standard;
    expect(standard.cost).toEqual({ text: 'Rp 30.000', free: false });
    expect(standard.derived).toContain('cost');
    expect(standard.steps[6].cost).toBe('Rp 30.000');
    // The API's refusal of the computed cost shows on the field.
    request.flush(
      {
        status: 400,
        title: 'Permintaan tidak valid',
        code: 'validation_failed',
        errors: [{ path: 'standard.cost.text', message: 'biaya tidak dapat dihitung' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(textOf(element, '[data-test=service-cost-error]')).toBe('biaya tidak dapat dihitung');

    // Typed by hand: published text, no longer computed.
    type(element, '[data-test=service-cost]', 'Sesuai Perda retribusi');
    await settle();
    expect(element.querySelector('[data-test=service-cost-derived]')).toBeNull();
    element.querySelector<HTMLElement>('[data-test=save-service]')!.click();
    const typed = backend.expectOne((r) => r.method === 'PUT' && r.url === URL);
    const sent = (typed.request.body as { standard: typeof SERVICE_DETAIL.standard }).standard;
    expect(sent.cost.text).toBe('Sesuai Perda retribusi');
    expect(sent.derived ?? []).not.toContain('cost');
    typed.flush({ ...SERVICE_DETAIL, version: 3 });
    await settle();
    backend.match(PREVIEW_URL);
  });

  it('refuses to save with problems, and says so on 409', async () => {
    const element = await open();
    await flushPreview();
    type(element, '[data-test=step-time-0]', 'kapan-kapan');
    await settle();
    element.querySelector<HTMLElement>('[data-test=save-service]')!.click();
    await settle();
    backend.expectNone((r) => r.method === 'PUT');
    expect(textOf(element, '[data-test=form-error]')).toBe('Periksa isian yang ditandai.');

    type(element, '[data-test=step-time-0]', '1 Jam');
    await settle();
    element.querySelector<HTMLElement>('[data-test=save-service]')!.click();
    backend
      .expectOne((r) => r.method === 'PUT')
      .flush(
        { status: 409, title: 'Versi berubah', code: 'catalog.version_conflict' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(textOf(element, '[data-test=form-error]')).toContain('sudah diubah orang lain');
    await flushPreview();
  });
});
