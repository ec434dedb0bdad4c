import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import { TranslatePipe } from '../i18n/i18n.service';
import { ComplaintFormComponent } from './complaint-form.component';

/** `/pengaduan?kantor=bali&layanan=…`: the public complaint form. */
@Component({
  selector: 'sg-complaint-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, ComplaintFormComponent],
  template: `
    <h1>{{ 'pub.cf.title' | t }}</h1>
    <p class="intro">{{ 'pub.cf.intro' | t }}</p>
    <sg-complaint-form [office]="office()" [service]="service()" />
  `,
  styles: `
    .intro {
      max-width: 70ch;
    }
  `,
})
export class ComplaintPage {
  private readonly route = inject(ActivatedRoute);
  private readonly query = toSignal(this.route.queryParamMap, {
    initialValue: this.route.snapshot.queryParamMap,
  });
  protected readonly office = computed(() => this.query().get('kantor'));
  protected readonly service = computed(() => this.query().get('layanan'));
}
