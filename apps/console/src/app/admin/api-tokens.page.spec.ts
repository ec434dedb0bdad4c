import { Clipboard } from '@angular/cdk/clipboard';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ApiTokenView } from '@sigap/contracts';
import { ADMIN, OFFICES } from '../../testing/fixtures';
import { openPage, textOf, type OpenedPage } from '../../testing/providers';
import { ApiTokensPage } from './api-tokens.page';

const EOFFICE: ApiTokenView = {
  id: 't-1',
  name: 'e-Office',
  scopes: ['tickets:read'],
  office: 'bali',
  prefix: 'sgp_AbCd',
  createdBy: { id: 'u-2', name: 'Admin Kominfo' },
  createdAt: '2026-11-01T02:00:00.000Z',
  expiresAt: null,
  lastUsedAt: null,
};

describe('ApiTokensPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  let page: OpenedPage;

  async function open(list: ApiTokenView[] = [EOFFICE]): Promise<HTMLElement> {
    page = await openPage('/admin/token-api', ApiTokensPage, ADMIN, [
      ['/api/v1/api-tokens', list],
      ['/api/v1/offices', OFFICES],
    ]);
    ({ harness, backend } = page);
    return page.element;
  }

  afterEach(() => backend.verify());

  it('lists tokens with scopes, office, creator and "never used", in Bahasa Indonesia', async () => {
    const element = await open();
    const row = textOf(element, '[data-test=token-row]');
    expect(row).toContain('e-Office');
    expect(row).toContain('sgp_AbCd');
    expect(row).toContain('Diskominfos Provinsi Bali');
    expect(row).toContain('Admin Kominfo');
    expect(textOf(element, '[data-test=token-row-scopes]')).toBe('tickets:read');
    expect(textOf(element, '[data-test=token-row-last-used]')).toBe('Belum pernah');
  });

  it('asks for a name and a scope before sending', async () => {
    const element = await open([]);
    await page.click('[data-test=new-token]');
    await page.click('[data-test=save-token]');
    expect(textOf(element, '[data-test=error-name]')).toBe('Nama token wajib diisi.');
    expect(textOf(element, '[data-test=error-scopes]')).toBe('Pilih sedikitnya satu cakupan.');
    backend.expectNone({ method: 'POST', url: '/api/v1/api-tokens' });
  });

  it('creates a token, shows it once with a copy button, and lists it', async () => {
    const element = await open([]);
    const copied: string[] = [];
    spyOn(TestBed.inject(Clipboard), 'copy').and.callFake((text: string) => {
      copied.push(text);
      return true;
    });
    await page.click('[data-test=new-token]');
    const name = element.querySelector<HTMLInputElement>('[data-test=token-name]')!;
    name.value = 'e-Office';
    name.dispatchEvent(new Event('input'));
    element.querySelector<HTMLInputElement>('[data-test="scope-tickets:write"] input')!.click();
    element.querySelector<HTMLInputElement>('[data-test="scope-tickets:read"] input')!.click();
    await harness.fixture.whenStable();
    await page.click('[data-test=save-token]');
    const req = backend.expectOne({ method: 'POST', url: '/api/v1/api-tokens' });
    // Scopes go in the API's order, whatever order they were ticked in; no office: all offices.
    expect(req.request.body).toEqual({
      name: 'e-Office',
      scopes: ['tickets:read', 'tickets:write'],
    });
    const token = 'sgp_' + 'x'.repeat(43);
    req.flush({ id: 't-9', token });
    await harness.fixture.whenStable();
    backend
      .expectOne('/api/v1/api-tokens')
      .flush([{ ...EOFFICE, id: 't-9', scopes: ['tickets:read', 'tickets:write'], office: null }]);
    await harness.fixture.whenStable();
    expect(textOf(element, '[data-test=fresh-token-value]')).toBe(token);
    expect(textOf(element, '[data-test=fresh-token]')).toContain('hanya ditampilkan sekali');
    await page.click('[data-test=copy-token]');
    expect(copied).toEqual([token]);
    expect(textOf(element, '[data-test=token-row]')).toContain('Semua kantor');
    await page.click('[data-test=dismiss-token]');
    expect(element.querySelector('[data-test=fresh-token]')).toBeNull();
    expect(element.textContent).not.toContain(token);
  });

  it('limits a new token to the office chosen in the form', async () => {
    const element = await open([]);
    await page.click('[data-test=new-token]');
    const name = element.querySelector<HTMLInputElement>('[data-test=token-name]')!;
    name.value = 'e-Office';
    name.dispatchEvent(new Event('input'));
    element.querySelector<HTMLInputElement>('[data-test="scope-tickets:read"] input')!.click();
    await page.click('[data-test=token-office]');
    const bali = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find((o) =>
      o.textContent?.includes('Diskominfos Provinsi Bali'),
    );
    bali!.click();
    await harness.fixture.whenStable();
    await page.click('[data-test=save-token]');
    const req = backend.expectOne({ method: 'POST', url: '/api/v1/api-tokens' });
    expect(req.request.body).toEqual({
      name: 'e-Office',
      scopes: ['tickets:read'],
      office: 'bali',
    });
    req.flush({ id: 't-9', token: 'sgp_' + 'y'.repeat(43) });
    await harness.fixture.whenStable();
    backend.expectOne('/api/v1/api-tokens').flush([EOFFICE]);
    await harness.fixture.whenStable();
  });

  it('shows a refusal of the API beside the form', async () => {
    const element = await open([]);
    await page.click('[data-test=new-token]');
    const name = element.querySelector<HTMLInputElement>('[data-test=token-name]')!;
    name.value = 'Dasbor';
    name.dispatchEvent(new Event('input'));
    element.querySelector<HTMLInputElement>('[data-test="scope-dashboards:read"] input')!.click();
    await harness.fixture.whenStable();
    await page.click('[data-test=save-token]');
    backend.expectOne({ method: 'POST', url: '/api/v1/api-tokens' }).flush(
      {
        type: 'about:blank',
        title: 'Data tidak valid',
        status: 400,
        errors: [{ path: 'expiresAt', message: 'harus di masa depan' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await harness.fixture.whenStable();
    expect(textOf(element, '[data-test=error-expiresAt]')).toBe('harus di masa depan');
    expect(element.querySelector('[data-test=fresh-token]')).toBeNull();
  });

  it('revokes a token after confirmation', async () => {
    const element = await open();
    spyOn(window, 'confirm').and.returnValue(true);
    await page.click('[data-test=revoke-token]');
    expect(window.confirm).toHaveBeenCalledWith(
      'Cabut token "e-Office"? Panggilan dengan token ini langsung ditolak.',
    );
    backend.expectOne({ method: 'DELETE', url: '/api/v1/api-tokens/t-1' }).flush(null, {
      status: 204,
      statusText: 'No Content',
    });
    await harness.fixture.whenStable();
    expect(element.querySelectorAll('[data-test=token-row]').length).toBe(0);
  });
});
