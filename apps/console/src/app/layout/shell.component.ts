import { BreakpointObserver } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import type { Role } from '@sigap/contracts';
import { catchError, filter, map, of } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { CatalogApi } from '../catalog/catalog.api';
import { TranslatePipe } from '../i18n/i18n.service';
import type { MessageKey } from '../i18n/id';
import { LanguageSwitchComponent } from './language-switch.component';

/** Below this width the side nav becomes a menu that slides over the page. */
export const NARROW_QUERY = '(max-width: 839.98px)';

/** A page in the side nav after the catalog; without `roles` every signed-in user sees it. */
export interface NavItem {
  path: string;
  icon: string;
  label: MessageKey;
  test: string;
  roles?: readonly Role[];
}

const STAFF: readonly Role[] = ['admin', 'manager'];

/** The side nav below the catalog, in the order shown. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/kalender', icon: 'clock', label: 'nav.calendar', test: 'nav-calendar' },
  { path: '/tiket', icon: 'ticket', label: 'nav.tickets', test: 'nav-tickets' },
  { path: '/tiket/jawaban', icon: 'mail', label: 'agent.nav.canned', test: 'nav-canned' },
  {
    path: '/admin/kantor',
    icon: 'building',
    label: 'onboard.nav.offices',
    test: 'nav-offices',
    roles: ['admin'],
  },
  { path: '/admin/pengguna', icon: 'users', label: 'nav.users', test: 'nav-users', roles: STAFF },
  {
    path: '/admin/jabatan',
    icon: 'shield',
    label: 'agent.nav.positions',
    test: 'nav-positions',
    roles: STAFF,
  },
  {
    path: '/admin/opd',
    icon: 'building',
    label: 'nav.opds',
    test: 'nav-opds',
    roles: [...STAFF, 'agent'],
  },
  {
    path: '/admin/layanan-ti',
    icon: 'shield',
    label: 'inc.nav.itServices',
    test: 'nav-it-services',
    roles: [...STAFF, 'agent'],
  },
  {
    path: '/perubahan',
    icon: 'clock',
    label: 'chg.nav.calendar',
    test: 'nav-change-calendar',
    roles: [...STAFF, 'agent'],
  },
  {
    path: '/admin/persetujuan-perubahan',
    icon: 'shield',
    label: 'chg.nav.policy',
    test: 'nav-change-policy',
    roles: [...STAFF, 'agent'],
  },
  {
    path: '/masalah',
    icon: 'shield',
    label: 'problem.nav',
    test: 'nav-problems',
    roles: [...STAFF, 'agent'],
  },
  {
    path: '/admin/karantina',
    icon: 'shield',
    label: 'nav.quarantine',
    test: 'nav-quarantine',
    roles: ['admin'],
  },
  {
    path: '/admin/templat-email',
    icon: 'mail',
    label: 'nav.templates',
    test: 'nav-templates',
    roles: ['admin'],
  },
  {
    path: '/admin/kotak-surat',
    icon: 'mail',
    label: 'nav.mailboxes',
    test: 'nav-mailboxes',
    roles: ['admin'],
  },
  {
    path: '/admin/kotak-keluar',
    icon: 'mail',
    label: 'nav.outbox',
    test: 'nav-outbox',
    roles: ['admin'],
  },
  {
    path: '/admin/token-api',
    icon: 'shield',
    label: 'nav.apiTokens',
    test: 'nav-api-tokens',
    roles: ['admin'],
  },
  {
    path: '/admin/webhook',
    icon: 'mail',
    label: 'nav.webhooks',
    test: 'nav-webhooks',
    roles: ['admin'],
  },
  { path: '/dasbor', icon: 'dashboard', label: 'nav.dashboard', test: 'nav-dashboard' },
  { path: '/laporan', icon: 'dashboard', label: 'nav.reports', test: 'nav-reports', roles: STAFF },
  {
    path: '/tinjauan',
    icon: 'dashboard',
    label: 'review.nav',
    test: 'nav-reviews',
    roles: STAFF,
  },
  {
    path: '/penyiapan',
    icon: 'add',
    label: 'onboard.nav.setup',
    test: 'nav-setup',
    roles: ['admin'],
  },
];

@Component({
  selector: 'sg-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatSidenavModule,
    MatListModule,
    MatButtonModule,
    MatIconModule,
    MatTooltipModule,
    TranslatePipe,
    LanguageSwitchComponent,
  ],
  template: `
    <mat-toolbar class="toolbar">
      @if (narrow()) {
        <button
          mat-icon-button
          type="button"
          (click)="toggleMenu()"
          [attr.aria-label]="'nav.menu' | t"
          data-test="menu-button"
        >
          <mat-icon svgIcon="menu" />
        </button>
      }
      <a class="product" routerLink="/">
        <span class="brand-mark" aria-hidden="true">S</span>
        <span>{{ 'app.name' | t }}</span>
      </a>
      <span class="spacer"></span>
      @if (auth.user(); as user) {
        <span class="who" data-test="who">
          <span class="who-name">{{ user.name }}</span>
          <span class="who-office">{{ officeName() }}</span>
        </span>
      }
      <sg-language-switch />
      <button
        mat-icon-button
        type="button"
        (click)="logout()"
        [matTooltip]="'nav.logout' | t"
        [attr.aria-label]="'nav.logout' | t"
        data-test="logout"
      >
        <mat-icon svgIcon="logout" />
      </button>
    </mat-toolbar>
    <mat-sidenav-container class="container">
      <mat-sidenav
        #sidenav
        [mode]="narrow() ? 'over' : 'side'"
        [opened]="!narrow()"
        class="sidenav"
      >
        <mat-nav-list>
          <a
            mat-list-item
            routerLink="/katalog"
            routerLinkActive="active"
            [routerLinkActiveOptions]="{ exact: false }"
            #catalogLink="routerLinkActive"
            [activated]="catalogLink.isActive && !importActive()"
          >
            <mat-icon matListItemIcon svgIcon="catalog" />
            <span matListItemTitle>{{ 'nav.catalog' | t }}</span>
          </a>
          @if (auth.isAdmin()) {
            <a
              mat-list-item
              routerLink="/katalog/impor"
              data-test="nav-import"
              [activated]="importActive()"
            >
              <mat-icon matListItemIcon svgIcon="upload" />
              <span matListItemTitle>{{ 'nav.import' | t }}</span>
            </a>
          }
          @for (item of navItems(); track item.path) {
            <a
              mat-list-item
              [routerLink]="item.path"
              routerLinkActive="active"
              #itemLink="routerLinkActive"
              [activated]="itemLink.isActive"
              [attr.data-test]="item.test"
            >
              <mat-icon matListItemIcon [svgIcon]="item.icon" />
              <span matListItemTitle>{{ item.label | t }}</span>
            </a>
          }
        </mat-nav-list>
      </mat-sidenav>
      <mat-sidenav-content class="content">
        <router-outlet />
      </mat-sidenav-content>
    </mat-sidenav-container>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      height: 100dvh;
    }
    .toolbar {
      position: sticky;
      top: 0;
      z-index: 2;
      gap: 8px;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
      --mat-icon-button-icon-color: var(--mat-sys-on-primary);
    }
    .product {
      display: inline-flex;
      align-items: center;
      gap: 10px;
      color: inherit;
      text-decoration: none;
      font-weight: 600;
    }
    .spacer {
      flex: 1;
    }
    .who {
      display: flex;
      flex-direction: column;
      align-items: flex-end;
      line-height: 1.2;
      font-size: 14px;
      margin-right: 8px;
    }
    .who-office {
      opacity: 0.8;
      font-size: 12px;
    }
    .container {
      flex: 1;
    }
    .sidenav {
      width: 240px;
    }
    .content {
      background: var(--sg-page-bg);
    }
    @media (max-width: 599.98px) {
      .who {
        display: none;
      }
    }
  `,
})
export class ShellComponent {
  protected readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly catalog = inject(CatalogApi);
  private readonly sidenav = viewChild<MatSidenav>('sidenav');

  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  private readonly url = toSignal(
    this.router.events.pipe(
      filter((event): event is NavigationEnd => event instanceof NavigationEnd),
      map((event) => event.urlAfterRedirects),
    ),
    { initialValue: this.router.url },
  );
  protected readonly importActive = computed(() => this.url().startsWith('/katalog/impor'));
  /** The nav pages the signed-in user's roles open. */
  protected readonly navItems = computed(() =>
    NAV_ITEMS.filter((item) => !item.roles || item.roles.some((role) => this.auth.hasRole(role))),
  );

  private readonly offices = toSignal(this.catalog.offices().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  protected readonly officeName = computed(() => {
    const code = this.auth.user()?.office;
    if (!code) return '';
    return this.offices().find((office) => office.code === code)?.name ?? code;
  });

  constructor() {
    // On a phone the menu closes after choosing a page.
    effect(() => {
      this.url();
      if (this.narrow()) void this.sidenav()?.close();
    });
  }

  protected toggleMenu(): void {
    void this.sidenav()?.toggle();
  }

  protected logout(): void {
    this.auth.signOut().subscribe();
    void this.router.navigate(['/masuk']);
  }
}
