import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslatePipe } from '../i18n/i18n.service';
import { LanguageSwitchComponent } from '../layout/language-switch.component';

/** The frame of the public pages (no sign-in): a light header, the page, nothing when printed. */
@Component({
  selector: 'sg-public-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, RouterLinkActive, TranslatePipe, LanguageSwitchComponent],
  template: `
    <a class="skip" href="#isi">{{ 'pub.skip' | t }}</a>
    <header class="bar no-print">
      <a class="brand" routerLink="/standar-pelayanan">
        <span class="app">{{ 'app.name' | t }}</span>
        <span class="what">{{ 'pub.brand' | t }}</span>
      </a>
      <nav [attr.aria-label]="'nav.menu' | t">
        <a routerLink="/standar-pelayanan" routerLinkActive="active">{{
          'pub.nav.standards' | t
        }}</a>
        <a routerLink="/pengaduan" routerLinkActive="active" data-test="nav-complaint">{{
          'pub.nav.complaint' | t
        }}</a>
        <a routerLink="/masuk">{{ 'pub.nav.signIn' | t }}</a>
      </nav>
      <sg-language-switch />
    </header>
    <main id="isi" class="public-page" tabindex="-1">
      <router-outlet />
    </main>
  `,
  styles: `
    :host {
      display: block;
      min-height: 100%;
      background: var(--mat-sys-surface);
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
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 24px;
      padding: 12px 24px;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .brand {
      display: flex;
      flex-direction: column;
      color: inherit;
      text-decoration: none;
    }
    .brand .app {
      font-size: 1.3rem;
      font-weight: 700;
    }
    nav {
      display: flex;
      flex-wrap: wrap;
      gap: 16px;
      flex: 1;
    }
    nav a {
      color: inherit;
      text-decoration: underline;
      text-underline-offset: 3px;
    }
    nav a.active {
      font-weight: 700;
    }
    .public-page {
      display: block;
      max-width: 1100px;
      margin: 0 auto;
      padding: 16px 24px 48px;
      outline: none;
    }
    @media print {
      .no-print,
      .skip {
        display: none !important;
      }
      .public-page {
        max-width: none;
        padding: 0;
      }
    }
  `,
})
export class PublicLayoutComponent {}
