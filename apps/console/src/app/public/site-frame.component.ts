import { ChangeDetectionStrategy, Component, ViewEncapsulation, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { MessageKey } from '../i18n/id';
import { TranslatePipe } from '../i18n/i18n.service';
import { LanguageSwitchComponent } from '../layout/language-switch.component';

/**
 * The frame shared by the pages outside the agents' shell (public standards and complaints, the
 * requester portal): a skip link, a header with the brand, the caller's navigation (projected
 * with the `frameBar` attribute) and the language switch, then the page. The header, the skip
 * link and the navigation are not printed.
 */
@Component({
  selector: 'sg-site-frame',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // Unencapsulated so the projected navigation gets the frame's look; every rule is scoped
  // under `sg-site-frame`.
  encapsulation: ViewEncapsulation.None,
  imports: [RouterLink, TranslatePipe, LanguageSwitchComponent],
  template: `
    <a class="frame-skip" href="#isi">{{ skipKey() | t }}</a>
    <header class="frame-bar frame-no-print">
      <a class="frame-brand" [routerLink]="home()">
        <span class="frame-app">{{ 'app.name' | t }}</span>
        <span class="frame-what">{{ brandKey() | t }}</span>
      </a>
      <ng-content select="[frameBar]" />
      <sg-language-switch />
    </header>
    <main id="isi" class="frame-page" tabindex="-1" [style.max-width.px]="maxWidth()">
      <ng-content />
    </main>
  `,
  styles: `
    sg-site-frame {
      display: block;
      min-height: 100%;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
    sg-site-frame .frame-skip {
      position: absolute;
      left: -9999px;
    }
    sg-site-frame .frame-skip:focus {
      left: 8px;
      top: 8px;
      z-index: 10;
      background: var(--mat-sys-surface);
      padding: 8px;
    }
    sg-site-frame .frame-bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 24px;
      padding: 12px 24px;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    sg-site-frame .frame-brand {
      display: flex;
      flex-direction: column;
      color: inherit;
      text-decoration: none;
    }
    sg-site-frame .frame-app {
      font-size: 1.3rem;
      font-weight: 700;
    }
    sg-site-frame .frame-bar nav {
      display: flex;
      flex-wrap: wrap;
      gap: 16px;
      flex: 1;
    }
    sg-site-frame .frame-bar nav a {
      color: inherit;
      text-decoration: underline;
      text-underline-offset: 3px;
    }
    sg-site-frame .frame-bar nav a.active {
      font-weight: 700;
    }
    sg-site-frame .frame-spacer {
      flex: 1;
    }
    sg-site-frame .frame-page {
      display: block;
      margin: 0 auto;
      padding: 16px 24px 48px;
      outline: none;
    }
    @media print {
      sg-site-frame .frame-no-print,
      sg-site-frame .frame-skip {
        display: none !important;
      }
      sg-site-frame .frame-page {
        max-width: none !important;
        padding: 0;
      }
    }
  `,
})
export class SiteFrameComponent {
  /** Where the brand links to. */
  readonly home = input.required<string>();
  /** i18n key of the line under the application's name. */
  readonly brandKey = input.required<MessageKey>();
  /** i18n key of the skip link's text. */
  readonly skipKey = input.required<MessageKey>();
  /** Widest the page gets, in CSS pixels. */
  readonly maxWidth = input(1100);
}
