import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { AGENT, OFFICES } from '../../testing/fixtures';
import { consoleTestProviders, resetStorage } from '../../testing/providers';
import { ChangePolicyPage } from './change-policy.page';
import { KADIS, POLICY } from './fixtures';

const POSITIONS = [
  {
    id: 'p1',
    office: 'tebingtinggi',
    code: 'kadis',
    name: 'Kepala Dinas',
    reportsToId: null,
    requesterSide: false,
  },
  {
    id: 'p2',
    office: 'tebingtinggi',
    code: 'kabid-tik',
    name: 'Kabid TIK',
    reportsToId: 'p1',
    requesterSide: false,
  },
  {
    id: 'p3',
    office: 'tebingtinggi',
    code: 'opd',
    name: 'OPD pemohon',
    reportsToId: null,
    requesterSide: true,
  },
];

describe('ChangePolicyPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  async function open(user = KADIS): Promise<HTMLElement> {
    resetStorage(user);
    TestBed.configureTestingModule({
      providers: consoleTestProviders([
        { path: 'admin/persetujuan-perubahan', component: ChangePolicyPage },
      ]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/admin/persetujuan-perubahan');
    await harness.fixture.whenStable();
    backend.expectOne('/api/v1/offices').flush(OFFICES);
    await harness.fixture.whenStable();
    backend.expectOne('/api/v1/changes/approval-policy/tebingtinggi').flush(POLICY);
    backend.expectOne('/api/v1/positions?office=tebingtinggi').flush(POSITIONS);
    await harness.fixture.whenStable();
    return harness.routeNativeElement!;
  }

  afterEach(() => backend.verify());

  it('lets the manager add an approver to a risk level and saves all three levels', async () => {
    const element = await open();
    expect(element.querySelectorAll('[data-test=policy-tinggi] .row').length).toBe(2);
    element.querySelector<HTMLElement>('[data-test=policy-add-rendah]')!.click();
    await harness.fixture.whenStable();
    expect(element.querySelectorAll('[data-test=policy-rendah] .row').length).toBe(2);
    const page = harness.routeDebugElement!.componentInstance as unknown as {
      rules(): { risk: string; approvers: { position: string; time: string }[] }[];
    };
    page.rules()[0].approvers[1].position = 'kadis';
    element.querySelector<HTMLElement>('[data-test=policy-save]')!.click();
    const req = backend.expectOne({
      method: 'PUT',
      url: '/api/v1/changes/approval-policy/tebingtinggi',
    });
    expect(req.request.body.rules[0]).toEqual({
      risk: 'rendah',
      approvers: [
        { position: 'kabid-tik', time: '1 hari' },
        { position: 'kadis', time: '1 hari' },
      ],
    });
    expect(req.request.body.rules.map((r: { risk: string }) => r.risk)).toEqual([
      'rendah',
      'sedang',
      'tinggi',
    ]);
    req.flush(POLICY);
  });

  it('shows the helpdesk the rules read-only', async () => {
    const element = await open(AGENT);
    expect(element.querySelector('[data-test=policy-save]')).toBeNull();
    expect(element.querySelector('[data-test=policy-add-rendah]')).toBeNull();
  });
});
