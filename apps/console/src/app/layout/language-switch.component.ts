import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { I18nService, TranslatePipe, type Locale } from '../i18n/i18n.service';

/** ID | EN toggle; the choice is remembered by `I18nService`. */
@Component({
  selector: 'sg-language-switch',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonToggleModule, TranslatePipe],
  template: `
    <mat-button-toggle-group
      hideSingleSelectionIndicator
      [value]="i18n.locale()"
      (change)="choose($event.value)"
      [attr.aria-label]="'lang.label' | t"
    >
      <mat-button-toggle value="id" [attr.title]="'lang.id' | t" data-test="lang-id"
        >ID</mat-button-toggle
      >
      <mat-button-toggle value="en" [attr.title]="'lang.en' | t" data-test="lang-en"
        >EN</mat-button-toggle
      >
    </mat-button-toggle-group>
  `,
  styles: `
    :host {
      --mat-button-toggle-height: 32px;
    }
  `,
})
export class LanguageSwitchComponent {
  protected readonly i18n = inject(I18nService);

  protected choose(locale: Locale): void {
    this.i18n.setLocale(locale);
  }
}
