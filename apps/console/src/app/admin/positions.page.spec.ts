import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CurrentUser, PositionView, UserView } from '@sigap/contracts';
import { OFFICES } from '../../testing/fixtures';
import { consoleTestProviders, resetStorage, textOf } from '../../testing/providers';
import { PositionsPage } from './positions.page';

const MANAGER: CurrentUser = {
  id: 'u-kadis',
  email: 'kadis.bali@sigap.local',
  name: 'Kadis Bali',
  roles: ['manager'],
  office: 'bali',
  locale: 'id',
};

const POSITIONS: PositionView[] = [
  {
    id: 'p-kadis',
    office: 'bali',
    code: 'kadis',
    name: 'Kepala Dinas',
    reportsToId: null,
    requesterSide: false,
    holders: [{ id: 'u-kadis', name: 'Kadis Bali', email: 'kadis.bali@sigap.local' }],
  },
  {
    id: 'p-kasi',
    office: 'bali',
    code: 'kasi-ai',
    name: 'Kasi Aplikasi Informatika',
    reportsToId: 'p-kadis',
    requesterSide: false,
    holders: [],
  },
  {
    id: 'p-opd',
    office: 'bali',
    code: 'opd-pemohon',
    name: 'OPD Pemohon',
    reportsToId: null,
    requesterSide: true,
    holders: [],
  },
];

const user = (id: string, email: string, active = true): UserView => ({
  id,
  email,
  name: email.split('@')[0],
  roles: ['executor'],
  office: 'bali',
  positions: [],
  active,
  locale: 'id',
});

describe('PositionsPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  async function open(): Promise<HTMLElement> {
    resetStorage(MANAGER);
    TestBed.configureTestingModule({
      providers: consoleTestProviders([{ path: 'admin/jabatan', component: PositionsPage }]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/admin/jabatan');
    backend.expectOne('/api/v1/offices').flush(OFFICES);
    await harness.fixture.whenStable();
    backend.expectOne('/api/v1/positions?office=bali').flush(POSITIONS);
    backend
      .expectOne('/api/v1/users?office=bali')
      .flush([
        user('u-kadis', 'kadis.bali@sigap.local'),
        user('u-kasi', 'kasi-ai.bali@sigap.local'),
        user('u-old', 'lama.bali@sigap.local', false),
      ]);
    await harness.fixture.whenStable();
    return harness.routeNativeElement!;
  }

  afterEach(() => backend.verify());

  it('lists positions with their holders, vacancies and the requester side', async () => {
    const element = await open();
    const rows = element.querySelectorAll<HTMLElement>('[data-test=position-row]');
    expect(rows.length).toBe(3);
    expect(textOf(rows[0], '[data-test=position-holders]')).toBe('Kadis Bali');
    expect(textOf(rows[1], '[data-test=vacant]')).toBe('Kosong');
    expect(rows[1].textContent).toContain('Kepala Dinas');
    expect(rows[2].querySelector('[data-test=edit-holders]')).toBeNull();
  });

  it('sets the holders of a position from the active users of the office', async () => {
    const element = await open();
    const row = element.querySelectorAll<HTMLElement>('[data-test=position-row]')[1];
    row.querySelector<HTMLElement>('[data-test=edit-holders]')!.click();
    await harness.fixture.whenStable();
    const boxes = row.querySelectorAll('mat-checkbox');
    expect(boxes.length).toBe(2); // the inactive user is not offered
    row
      .querySelector<HTMLInputElement>('[data-test="holder-kasi-ai.bali@sigap.local"] input')!
      .click();
    await harness.fixture.whenStable();
    row.querySelector<HTMLElement>('[data-test=save-holders]')!.click();
    const request = backend.expectOne('/api/v1/positions/p-kasi/holders');
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({ userIds: ['u-kasi'] });
    request.flush({
      positionId: 'p-kasi',
      office: 'bali',
      position: 'kasi-ai',
      holders: [{ id: 'u-kasi', name: 'Kasi AI', email: 'kasi-ai.bali@sigap.local' }],
    });
    await harness.fixture.whenStable();
    expect(textOf(row, '[data-test=position-holders]')).toBe('Kasi AI');
  });
});
