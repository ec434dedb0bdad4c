import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { PORTAL_ME } from '../../testing/fixtures';
import { BlankComponent, consoleTestProviders, resetStorage } from '../../testing/providers';
import { PortalLayoutComponent } from '../portal/portal-layout.component';
import { PortalApi } from '../portal/portal.api';
import { PublicLayoutComponent } from './public-layout.component';

describe('the shared frame of the public pages and the portal', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  async function open(url: string): Promise<HTMLElement> {
    resetStorage();
    TestBed.configureTestingModule({
      providers: consoleTestProviders([
        {
          path: 'standar-pelayanan',
          component: PublicLayoutComponent,
          children: [{ path: '', component: BlankComponent }],
        },
        {
          path: 'portal',
          component: PortalLayoutComponent,
          children: [{ path: '', component: BlankComponent }],
        },
      ]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    await harness.fixture.whenStable();
    return harness.fixture.nativeElement as HTMLElement;
  }

  afterEach(() => backend.verify());

  it('frames the public pages: skip link, brand, navigation in the header, page in main', async () => {
    const root = await open('/standar-pelayanan');
    const header = root.querySelector('sg-site-frame header.frame-bar');
    expect(header).not.toBeNull();
    expect(header?.querySelector('.frame-brand')?.getAttribute('href')).toBe('/standar-pelayanan');
    expect(header?.querySelector('.frame-what')?.textContent?.trim()).toBeTruthy();
    expect(header?.querySelector('nav [data-test=nav-complaint]')).not.toBeNull();
    expect(header?.querySelector('sg-language-switch')).not.toBeNull();
    const main = root.querySelector('sg-site-frame main#isi');
    expect(main?.querySelector('router-outlet')).not.toBeNull();
    expect(main?.querySelector('nav')).toBeNull();
    expect(root.querySelector('.frame-skip')?.getAttribute('href')).toBe('#isi');
  });

  it('frames the portal: the menu and sign-out only once signed in, always in the header', async () => {
    const root = await open('/portal');
    const header = () => root.querySelector('sg-site-frame header.frame-bar')!;
    expect(header().querySelector('.frame-brand')?.getAttribute('href')).toBe('/portal');
    expect(header().querySelector('[data-test=portal-sign-out]')).toBeNull();
    expect(header().querySelector('.frame-spacer')).not.toBeNull();

    TestBed.inject(PortalApi).me.set(PORTAL_ME);
    await harness.fixture.whenStable();
    expect(header().querySelector('[data-test=portal-nav-new]')).not.toBeNull();
    expect(header().querySelector('[data-test=portal-sign-out]')).not.toBeNull();
    expect(header().querySelector('.who')?.textContent).toContain('Ani Rahmawati');
    expect(root.querySelector('main#isi [data-test=portal-sign-out]')).toBeNull();
  });
});
