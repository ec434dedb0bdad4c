import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslatePipe } from '../i18n/i18n.service';
import { SiteFrameComponent } from '../public/site-frame.component';
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
    SiteFrameComponent,
  ],
  template: `
    <sg-site-frame home="/portal" brandKey="portal.brand" skipKey="portal.skip" [maxWidth]="1040">
      <ng-container ngProjectAs="[frameBar]">
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
          <span class="frame-spacer"></span>
        }
      </ng-container>
      <router-outlet />
    </sg-site-frame>
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
