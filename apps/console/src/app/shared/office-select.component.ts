import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { OfficeSummary } from '@sigap/contracts';
import { TranslatePipe } from '../i18n/i18n.service';

/** The office selector in the header of a per-office page (for admins, who may see any). */
@Component({
  selector: 'sg-office-select',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormFieldModule, MatSelectModule, TranslatePipe],
  template: `
    <mat-form-field class="office-field" subscriptSizing="dynamic">
      <mat-label>{{ 'admin.office' | t }}</mat-label>
      <mat-select [value]="value()" (valueChange)="chosen.emit($event)" data-test="office-select">
        @for (o of offices(); track o.code) {
          <mat-option [value]="o.code">{{ o.name }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  styles: `
    .office-field {
      min-width: 240px;
    }
  `,
})
export class OfficeSelectComponent {
  readonly offices = input.required<readonly OfficeSummary[]>();
  /** The office code shown. */
  readonly value = input('');
  /** The office code the user picked. */
  readonly chosen = output<string>();
}
