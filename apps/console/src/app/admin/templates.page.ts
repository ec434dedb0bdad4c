import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatListModule } from '@angular/material/list';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { DomSanitizer, type SafeHtml } from '@angular/platform-browser';
import type { MailLocale, MailPreview, MailTemplateSummary } from '@sigap/contracts';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import { ErrorNotifier } from '../shared/problem';
import { AdminApi } from './admin.api';

/**
 * `/admin/templat-email`: every outgoing e-mail rendered with sample data, in Indonesian or
 * English. The HTML is shown in a sandboxed frame (no scripts, no same origin).
 */
@Component({
  selector: 'sg-templates-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonToggleModule, MatListModule, MatProgressBarModule, TranslatePipe],
  templateUrl: './templates.page.html',
  styleUrl: './admin.scss',
})
export class TemplatesPage {
  private readonly api = inject(AdminApi);
  private readonly notifier = inject(ErrorNotifier);
  protected readonly i18n = inject(I18nService);

  protected readonly templates = signal<MailTemplateSummary[]>([]);
  protected readonly selected = signal<string | null>(null);
  protected readonly locale = signal<MailLocale>('id');
  protected readonly preview = signal<MailPreview | null>(null);
  protected readonly loading = signal(false);

  private readonly sanitizer = inject(DomSanitizer);
  /**
   * The message HTML as sent (inline styles included). Trusted only because it goes into a frame
   * with an empty `sandbox`: no scripts, no forms, no same-origin access.
   */
  protected readonly frameHtml = computed((): SafeHtml | null => {
    const html = this.preview()?.html;
    return html === undefined ? null : this.sanitizer.bypassSecurityTrustHtml(html);
  });

  constructor() {
    this.api.templates().subscribe({
      next: (list) => {
        this.templates.set(list);
        if (list.length) this.open(list[0].name);
      },
      error: (e: unknown) => this.notifier.show(e),
    });
  }

  protected open(name: string, locale: MailLocale = this.locale()): void {
    this.selected.set(name);
    this.locale.set(locale);
    this.loading.set(true);
    this.api.preview(name, locale).subscribe({
      next: (preview) => {
        this.preview.set(preview);
        this.loading.set(false);
      },
      error: (e: unknown) => {
        this.loading.set(false);
        this.notifier.show(e);
      },
    });
  }

  protected switchLocale(locale: MailLocale): void {
    const name = this.selected();
    if (name) this.open(name, locale);
  }
}
