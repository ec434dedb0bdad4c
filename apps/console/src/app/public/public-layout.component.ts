import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslatePipe } from '../i18n/i18n.service';
import { SiteFrameComponent } from './site-frame.component';

/** The frame of the public pages (no sign-in): a light header, the page, nothing when printed. */
@Component({
  selector: 'sg-public-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, RouterLinkActive, TranslatePipe, SiteFrameComponent],
  template: `
    <sg-site-frame home="/standar-pelayanan" brandKey="pub.brand" skipKey="pub.skip">
      <nav frameBar [attr.aria-label]="'nav.menu' | t">
        <a routerLink="/standar-pelayanan" routerLinkActive="active">{{
          'pub.nav.standards' | t
        }}</a>
        <a routerLink="/status-layanan" routerLinkActive="active" data-test="nav-status">{{
          'pub.nav.status' | t
        }}</a>
        <a routerLink="/pengaduan" routerLinkActive="active" data-test="nav-complaint">{{
          'pub.nav.complaint' | t
        }}</a>
        <a routerLink="/lacak" routerLinkActive="active" data-test="nav-track">{{
          'pub.nav.track' | t
        }}</a>
        <a routerLink="/portal" data-test="nav-portal">{{ 'pub.nav.portal' | t }}</a>
        <a routerLink="/masuk">{{ 'pub.nav.signIn' | t }}</a>
      </nav>
      <router-outlet />
    </sg-site-frame>
  `,
})
export class PublicLayoutComponent {}
