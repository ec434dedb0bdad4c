import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { FIELD_LIMITS } from '@sigap/contracts';
import type { PositionView } from '@sigap/contracts';
import { I18nService, TranslatePipe } from '../i18n/i18n.service';
import { EditForm } from '../shared/edit-form';
import {
  EditButtonComponent,
  FormActionsComponent,
  FormHeadComponent,
  RetireConfirmComponent,
} from '../shared/form-parts';
import { ErrorNotifier } from '../shared/problem';
import { TextFieldComponent, type TextFieldSpec } from '../shared/text-field.component';
import { PositionsApi } from './positions.api';

/** One position in the chain of command, with the positions that report to it. */
export interface PositionNode {
  position: PositionView;
  children: PositionNode[];
}

/**
 * The chain of command as a forest: each position under the one it reports to. A position whose
 * parent is not in the list (or that sits in a loop) is shown at the top, so nothing is hidden.
 */
export function positionTree(positions: readonly PositionView[]): PositionNode[] {
  const ids = new Set(positions.map((p) => p.id));
  const roots: PositionNode[] = [];
  const placed = new Set<string>();
  // Walk from each root down; whatever is not reached (a loop) becomes a root of its own.
  const grow = (position: PositionView): PositionNode => {
    placed.add(position.id);
    const node: PositionNode = { position, children: [] };
    for (const p of positions) {
      if (p.reportsToId === position.id && !placed.has(p.id)) node.children.push(grow(p));
    }
    return node;
  };
  for (const p of positions) {
    if (!p.reportsToId || !ids.has(p.reportsToId)) roots.push(grow(p));
  }
  for (const p of positions) {
    if (!placed.has(p.id)) roots.push(grow(p));
  }
  return roots;
}

/** Ids of the position and every position under it (they cannot become its parent). */
export function descendantIds(positions: readonly PositionView[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of positions) {
      if (p.reportsToId && out.has(p.reportsToId) && !out.has(p.id)) {
        out.add(p.id);
        grew = true;
      }
    }
  }
  return out;
}

const POSITION_CODE = /^[a-z0-9][a-z0-9-]{0,58}[a-z0-9]$/;

/** What the form holds: a new position (`id` null) or an edit. */
interface Draft {
  id: string | null;
  code: string;
  name: string;
  parentCode: string;
}

/**
 * `/admin/jabatan`'s chain of command: the positions as an indented tree, each under the one a
 * late step escalates to; create (at the top or under a position), rename, move and retire.
 */
@Component({
  selector: 'sg-position-tree',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    EditButtonComponent,
    FormActionsComponent,
    FormHeadComponent,
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    NgTemplateOutlet,
    RetireConfirmComponent,
    TextFieldComponent,
    TranslatePipe,
  ],
  template: `
    <section class="card chain" aria-labelledby="chain-title" data-test="position-tree">
      <div class="chain-header">
        <h2 id="chain-title">{{ 'onboard.positions.chain' | t }}</h2>
        <span class="spacer"></span>
        @if (canEdit() && !draft()) {
          <button
            mat-flat-button
            type="button"
            (click)="startCreate(null)"
            data-test="new-position"
          >
            {{ 'onboard.positions.new' | t }}
          </button>
        }
      </div>
      <p class="muted">{{ 'onboard.positions.chainIntro' | t }}</p>

      @if (draft(); as d) {
        <form class="form" (ngSubmit)="save()" data-test="position-form" novalidate>
          <sg-form-head
            [title]="(d.id ? 'onboard.positions.edit' : 'onboard.positions.new') | t"
            [error]="form.formError()"
          />
          <div class="grid">
            @if (!d.id) {
              <sg-text-field
                [spec]="codeField"
                [value]="d.code"
                [dense]="true"
                [error]="form.errors()['code']"
                (changed)="patch({ code: $event })"
              />
            }
            <sg-text-field
              [spec]="nameField"
              [value]="d.name"
              [dense]="true"
              [error]="form.errors()['name']"
              (changed)="patch({ name: $event })"
            />
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>{{ 'onboard.positions.parent' | t }}</mat-label>
              <select
                matNativeControl
                name="parentCode"
                [ngModel]="d.parentCode"
                (ngModelChange)="patch({ parentCode: $event })"
                data-test="position-parent"
              >
                <option value="">{{ 'onboard.positions.top' | t }}</option>
                @for (p of parentChoices(); track p.id) {
                  <option [value]="p.code">{{ p.name }} ({{ p.code }})</option>
                }
              </select>
              @if (form.errors()['parentCode']; as e) {
                <mat-hint class="field-error">{{ e }}</mat-hint>
              } @else {
                <mat-hint>{{ 'onboard.positions.parentHint' | t }}</mat-hint>
              }
            </mat-form-field>
          </div>
          <sg-form-actions
            [saving]="form.saving()"
            saveTest="save-position"
            (cancelled)="draft.set(null)"
          />
        </form>
      }

      @if (tree().length) {
        <ul class="tree" [attr.aria-label]="'onboard.positions.chain' | t">
          @for (node of tree(); track node.position.id) {
            <ng-container
              *ngTemplateOutlet="branch; context: { $implicit: node, level: 1, parent: null }"
            />
          }
        </ul>
      } @else {
        <p class="muted" data-test="no-positions">{{ 'agent.positions.none' | t }}</p>
      }

      <ng-template #branch let-node let-level="level" let-parent="parent">
        <li
          [attr.data-level]="level"
          data-test="tree-node"
          [attr.data-code]="node.position.code"
          [attr.data-parent]="parent?.code ?? ''"
        >
          <div class="node">
            <div class="label">
              <span class="name">{{ node.position.name }}</span>
              <span class="muted small">{{ node.position.code }}</span>
              @if (parent) {
                <span class="muted small up">{{
                  'onboard.positions.reportsTo' | t: { name: parent.name }
                }}</span>
              }
              @if (node.position.requesterSide) {
                <span class="tag">{{ 'agent.positions.requesterSide' | t }}</span>
              } @else if (!node.position.holders.length) {
                <span class="vacant small">{{ 'agent.positions.vacant' | t }}</span>
              }
            </div>
            @if (canEdit() && !node.position.requesterSide) {
              @if (confirming() === node.position.id) {
                <sg-retire-confirm
                  [question]="'onboard.positions.retireAsk' | t: { name: node.position.name }"
                  test="confirm-retire-position"
                  (confirmed)="retire(node.position)"
                  (cancelled)="confirming.set(null)"
                />
              } @else {
                <span class="node-actions">
                  <button
                    mat-button
                    type="button"
                    (click)="startCreate(node.position)"
                    data-test="add-child"
                    [attr.aria-label]="
                      ('onboard.positions.addChild' | t) + ': ' + node.position.name
                    "
                  >
                    {{ 'onboard.positions.addChild' | t }}
                  </button>
                  <sg-edit-button
                    [label]="'admin.edit' | t"
                    [name]="node.position.name"
                    test="edit-position"
                    (pressed)="startEdit(node.position, parent)"
                  />
                  <sg-edit-button
                    [label]="'onboard.retire' | t"
                    text="onboard.retire"
                    [name]="node.position.name"
                    test="retire-position"
                    (pressed)="confirming.set(node.position.id)"
                  />
                </span>
              }
            }
          </div>
          @if (node.children.length) {
            <ul [attr.aria-label]="'onboard.positions.below' | t: { name: node.position.name }">
              @for (child of node.children; track child.position.id) {
                <ng-container
                  *ngTemplateOutlet="
                    branch;
                    context: { $implicit: child, level: level + 1, parent: node.position }
                  "
                />
              }
            </ul>
          }
        </li>
      </ng-template>
    </section>
  `,
  styleUrl: './admin.scss',
  styles: `
    .chain {
      margin-bottom: 16px;
    }
    .chain-header {
      display: flex;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
    }
    .chain-header h2 {
      margin: 0;
    }
    .spacer {
      flex: 1;
    }
    .tree,
    .tree ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .tree ul {
      margin-left: 10px;
      padding-left: 14px;
      border-left: 2px solid var(--mat-sys-outline-variant);
    }
    .node {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 4px 8px;
      padding: 6px 0;
      border-bottom: 1px solid var(--mat-sys-surface-variant);
    }
    .label {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 2px 8px;
      min-width: 0;
    }
    .name {
      font-weight: 500;
    }
    .small {
      font-size: 12px;
    }
    .vacant {
      color: var(--mat-sys-error);
    }
    .node-actions {
      --mat-button-text-horizontal-padding: 8px;
    }
    .node-actions {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 4px;
      align-items: center;
    }
    mat-form-field {
      width: 100%;
    }
  `,
})
export class PositionTreeComponent {
  private readonly api = inject(PositionsApi);
  private readonly notifier = inject(ErrorNotifier);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  readonly office = input.required<string>();
  readonly positions = input.required<PositionView[]>();
  readonly canEdit = input(false);
  /** A position was created, edited or retired: the page reads the list again. */
  readonly changed = output<void>();

  protected readonly tree = computed(() => positionTree(this.positions()));
  protected readonly draft = signal<Draft | null>(null);
  protected readonly form = new EditForm();
  protected readonly codeField: TextFieldSpec = {
    label: 'onboard.positions.code',
    hint: 'onboard.positions.codeHint',
    required: true,
    maxlength: FIELD_LIMITS.position.code,
    test: 'position-code',
  };
  protected readonly nameField: TextFieldSpec = {
    label: 'onboard.positions.name',
    required: true,
    maxlength: FIELD_LIMITS.position.name,
    test: 'position-name',
  };
  protected readonly confirming = signal<string | null>(null);
  /** Positions the drafted one may report to: on the office's side, not itself or below it. */
  protected readonly parentChoices = computed(() => {
    const d = this.draft();
    const all = this.positions();
    const excluded = d?.id ? descendantIds(all, d.id) : new Set<string>();
    return all.filter((p) => !p.requesterSide && !excluded.has(p.id));
  });

  protected startCreate(parent: PositionView | null): void {
    this.form.open('');
    this.draft.set({ id: null, code: '', name: '', parentCode: parent?.code ?? '' });
  }

  protected startEdit(position: PositionView, parent: PositionView | null): void {
    this.form.open(position.id);
    this.draft.set({
      id: position.id,
      code: position.code,
      name: position.name,
      parentCode: parent?.code ?? '',
    });
  }

  protected patch(change: Partial<Draft>): void {
    this.draft.update((d) => (d ? { ...d, ...change } : d));
  }

  protected save(): void {
    const d = this.draft();
    if (!d) return;
    const errors: Record<string, string> = {};
    const name = d.name.replace(/\s+/g, ' ').trim();
    if (!d.id && !POSITION_CODE.test(d.code))
      errors['code'] = this.i18n.t('onboard.positions.err.code');
    if (name.length < 2 || /[<>]/.test(name))
      errors['name'] = this.i18n.t('onboard.office.err.name');
    if (Object.keys(errors).length) {
      this.form.refuse(errors, this.i18n.t('onboard.office.err.form'));
      return;
    }
    const call = d.id
      ? this.api.update(d.id, { name, parentCode: d.parentCode || null })
      : this.api.create({
          office: this.office(),
          code: d.code,
          name,
          parentCode: d.parentCode || null,
        });
    this.form.submit(call, () => {
      this.draft.set(null);
      this.changed.emit();
    });
  }

  protected retire(position: PositionView): void {
    this.confirming.set(null);
    this.api.retire(position.id).subscribe({
      next: () => {
        this.snackBar.open(
          this.i18n.t('onboard.positions.retiredDone', { name: position.name }),
          undefined,
          { duration: 4000 },
        );
        this.changed.emit();
      },
      error: (e: unknown) => this.notifier.show(e),
    });
  }
}
