import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslatePipe } from '../i18n/i18n.service';
import { LanguageSwitchComponent } from '../layout/language-switch.component';
import { PortalApi } from './portal.api';

/** The frame of the requester portal: outside the agents' shell, its own header and sign-out. */
@Component({
  selector: 'sg-portal-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatButtonModule,
    TranslatePipe,
    LanguageSwitchComponent,
  ],
  template: `
    <a class="skip" href="#isi">{{ 'portal.skip' | t }}</a>
    <header class="bar">
      <a class="brand" routerLink="/portal">
        <span class="app">{{ 'app.name' | t }}</span>
        <span class="what">{{ 'portal.brand' | t }}</span>
      </a>
      @if (api.me(); as me) {
        <nav [attr.aria-label]="'nav.menu' | t">
          <a
            routerLink="/portal"
            routerLinkActive="active"
            [routerLinkActiveOptions]="{ exact: true }"
            >{{ 'portal.nav.requests' | t }}</a
          >
          <a routerLink="/portal/ajukan" routerLinkActive="active" data-test="portal-nav-new">{{
            'portal.nav.new' | t
          }}</a>
          <a routerLink="/pengaduan">{{ 'portal.nav.complaint' | t }}</a>
        </nav>
        <span class="who">{{ 'portal.signedInAs' | t: { name: me.name } }}</span>
        <button mat-stroked-button type="button" (click)="signOut()" data-test="portal-sign-out">
          {{ 'portal.nav.signOut' | t }}
        </button>
      } @else {
        <span class="spacer"></span>
      }
      <sg-language-switch />
    </header>
    <main id="isi" class="portal-page" tabindex="-1">
      <router-outlet />
    </main>
  `,
  styles: `
    :host {
      display: block;
      min-height: 100%;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
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
    .spacer {
      flex: 1;
    }
    .portal-page {
      max-width: 1040px;
      margin: 0 auto;
      padding: 24px 16px 48px;
    }
  `,
})
export class PortalLayoutComponent {
  protected readonly api = inject(PortalApi);
  private readonly router = inject(Router);

  protected async signOut(): Promise<void> {
    try {
      await this.api.signOut();
    } finally {
      this.api.me.set(null);
      await this.router.navigate(['/portal/masuk']);
    }
  }
}
