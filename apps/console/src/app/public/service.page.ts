import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { PublicServiceDetail } from '@sigap/contracts';
import type { Channel, ComplaintChannelKind } from '@sigap/standards';
import type { MessageKey } from '../i18n/id';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import { ZonedDatePipe } from '../shared/zoned-date';
import { PublicPerformanceComponent } from './performance.component';
import { PublicApi } from './public.api';

/**
 * `/standar-pelayanan/:office/:code`: one service standard as published, the six service-delivery
 * components in their order (Permenpan RB 15/2014), printable as a clean document.
 */
@Component({
  selector: 'sg-public-service-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TranslatePipe,
    ZonedDatePipe,
    PublicPerformanceComponent,
  ],
  templateUrl: './service.page.html',
  styleUrl: './service.page.scss',
})
export class PublicServicePage {
  private readonly api = inject(PublicApi);
  private readonly route = inject(ActivatedRoute);
  private readonly i18n = inject(I18nService);
  private readonly params = toSignal(this.route.paramMap, {
    initialValue: this.route.snapshot.paramMap,
  });
  protected readonly office = computed(() => this.params().get('office') ?? '');
  protected readonly code = computed(() => this.params().get('code') ?? '');
  protected readonly detail = rxResource({
    params: () => ({ office: this.office(), code: this.code() }),
    stream: ({ params }) => this.api.service(params.office, params.code),
  });

  protected channelName(channel: Channel): string {
    return this.i18n.t(`pub.channel.${channel}` as MessageKey);
  }

  protected channels(list: readonly Channel[]): string {
    return list.map((c) => this.channelName(c)).join(', ');
  }

  protected complaintKind(kind: ComplaintChannelKind): string {
    return this.i18n.t(`pub.cchannel.${kind}` as MessageKey);
  }

  /** Whether a component was computed from the steps rather than published. */
  protected derived(
    s: PublicServiceDetail,
    field: PublicServiceDetail['derived'][number],
  ): boolean {
    return s.derived.includes(field);
  }

  protected print(): void {
    window.print();
  }
}
