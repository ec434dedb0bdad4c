import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { FIELD_LIMITS, type PositionView } from '@sigap/contracts';
import { ADMIN } from '../../testing/fixtures';
import { consoleTestProviders, resetStorage } from '../../testing/providers';
import { descendantIds, PositionTreeComponent, positionTree } from './position-tree.component';

const p = (id: string, code: string, name: string, reportsToId: string | null): PositionView => ({
  id,
  office: 'dogiyai',
  code,
  name,
  reportsToId,
  requesterSide: false,
  holders: [],
});

const POSITIONS: PositionView[] = [
  p('p-tim', 'tim-teknis', 'Tim Teknis', 'p-kabid'),
  p('p-kadis', 'kadis', 'Kepala Dinas', null),
  p('p-kabid', 'kabid-aptika', 'Kabid Aptika', 'p-kadis'),
  { ...p('p-opd', 'opd-pemohon', 'OPD Pemohon', null), requesterSide: true },
];

function type(root: HTMLElement, selector: string, value: string): void {
  const input = root.querySelector<HTMLInputElement | HTMLSelectElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
}

describe('positionTree', () => {
  it('nests each position under its parent, whatever the list order', () => {
    const tree = positionTree(POSITIONS);
    expect(tree.map((n) => n.position.code)).toEqual(['kadis', 'opd-pemohon']);
    expect(tree[0].children.map((n) => n.position.code)).toEqual(['kabid-aptika']);
    expect(tree[0].children[0].children.map((n) => n.position.code)).toEqual(['tim-teknis']);
  });

  it('shows a loop or an unknown parent at the top instead of hiding it', () => {
    const loop = [p('a', 'a', 'A', 'b'), p('b', 'b', 'B', 'a'), p('c', 'c', 'C', 'gone')];
    const codes = (nodes: ReturnType<typeof positionTree>): string[] =>
      nodes.flatMap((n) => [n.position.code, ...codes(n.children)]);
    const tree = positionTree(loop);
    expect(codes(tree).sort()).toEqual(['a', 'b', 'c']);
    expect(tree.map((n) => n.position.code)).toContain('c');
  });

  it('knows what lies below a position (it cannot become its parent)', () => {
    expect([...descendantIds(POSITIONS, 'p-kadis')].sort()).toEqual([
      'p-kabid',
      'p-kadis',
      'p-tim',
    ]);
    expect([...descendantIds(POSITIONS, 'p-tim')]).toEqual(['p-tim']);
  });
});

describe('PositionTreeComponent', () => {
  let fixture: ComponentFixture<PositionTreeComponent>;
  let backend: HttpTestingController;
  let element: HTMLElement;
  let changes: number;

  beforeEach(async () => {
    resetStorage(ADMIN);
    TestBed.configureTestingModule({ providers: consoleTestProviders() });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PositionTreeComponent);
    fixture.componentRef.setInput('office', 'dogiyai');
    fixture.componentRef.setInput('positions', POSITIONS);
    fixture.componentRef.setInput('canEdit', true);
    changes = 0;
    fixture.componentInstance.changed.subscribe(() => changes++);
    await fixture.whenStable();
    element = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  it('draws the chain of command as a tree with levels and parent links', () => {
    const nodes = Array.from(element.querySelectorAll<HTMLElement>('[data-test=tree-node]'));
    expect(nodes.map((n) => [n.dataset['code'], n.dataset['parent'], n.dataset['level']])).toEqual([
      ['kadis', '', '1'],
      ['kabid-aptika', 'kadis', '2'],
      ['tim-teknis', 'kabid-aptika', '3'],
      ['opd-pemohon', '', '1'],
    ]);
    expect(nodes[2].textContent).toContain('↑ Kabid Aptika');
    expect(nodes[3].querySelector('[data-test=edit-position]')).toBeNull();
  });

  it('adds a position under another one', async () => {
    const kabid = element.querySelector<HTMLElement>(
      '[data-test=tree-node][data-code=kabid-aptika]',
    )!;
    kabid.querySelector<HTMLElement>('[data-test=add-child]')!.click();
    await fixture.whenStable();
    const form = element.querySelector<HTMLElement>('[data-test=position-form]')!;
    expect(form.querySelector<HTMLSelectElement>('[data-test=position-parent]')!.value).toBe(
      'kabid-aptika',
    );
    type(form, '[data-test=position-code]', 'kasi-aplikasi');
    type(form, '[data-test=position-name]', 'Kepala Seksi Aplikasi');
    await fixture.whenStable();
    form.querySelector<HTMLElement>('[data-test=save-position]')!.click();
    const request = backend.expectOne('/api/v1/positions');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      office: 'dogiyai',
      code: 'kasi-aplikasi',
      name: 'Kepala Seksi Aplikasi',
      parentCode: 'kabid-aptika',
    });
    request.flush({}, { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    expect(changes).toBe(1);
    expect(element.querySelector('[data-test=position-form]')).toBeNull();
  });

  it("counts the code and the name up to the API's limits", async () => {
    element.querySelector<HTMLElement>('[data-test=new-position]')!.click();
    await fixture.whenStable();
    const form = element.querySelector<HTMLElement>('[data-test=position-form]')!;
    type(form, '[data-test=position-name]', 'Kepala Seksi');
    await fixture.whenStable();
    const counts = Array.from(form.querySelectorAll('[data-test=field-count]')).map((c) =>
      c.textContent!.trim(),
    );
    expect(counts).toEqual([`0/${FIELD_LIMITS.position.code}`, `12/${FIELD_LIMITS.position.name}`]);
    expect(form.querySelector('[data-test=position-code]')!.getAttribute('maxlength')).toBe(
      String(FIELD_LIMITS.position.code),
    );
  });

  it('refuses a bad code before sending, beside the field, with the cursor in it', async () => {
    element.querySelector<HTMLElement>('[data-test=new-position]')!.click();
    await fixture.whenStable();
    const form = element.querySelector<HTMLElement>('[data-test=position-form]')!;
    type(form, '[data-test=position-code]', 'Kasi Aplikasi');
    type(form, '[data-test=position-name]', 'Kepala Seksi Aplikasi');
    await fixture.whenStable();
    form.querySelector<HTMLElement>('[data-test=save-position]')!.click();
    await fixture.whenStable();
    backend.expectNone('/api/v1/positions');
    expect(form.querySelector('[data-test=form-error]')?.textContent).toContain(
      'Periksa isian yang ditandai.',
    );
    const code = form.querySelector('[data-test=position-code]')!.closest('mat-form-field')!;
    expect(code.classList).toContain('sg-refused');
  });

  it('does not offer a position or its subordinates as its own parent', async () => {
    const kabid = element.querySelector<HTMLElement>(
      '[data-test=tree-node][data-code=kabid-aptika]',
    )!;
    kabid.querySelector<HTMLElement>('[data-test=edit-position]')!.click();
    await fixture.whenStable();
    const options = Array.from(
      element.querySelectorAll<HTMLOptionElement>('[data-test=position-parent] option'),
    ).map((o) => o.value);
    expect(options).toEqual(['', 'kadis']);
  });

  it('shows why a retirement is refused', async () => {
    const tim = element.querySelector<HTMLElement>('[data-test=tree-node][data-code=tim-teknis]')!;
    tim.querySelector<HTMLElement>('[data-test=retire-position]')!.click();
    await fixture.whenStable();
    tim.querySelector<HTMLElement>('[data-test=confirm-retire-position]')!.click();
    backend.expectOne('/api/v1/positions/p-tim/retire').flush(
      {
        type: 'urn:sigap:problem:position.conflict',
        title: 'Konflik dengan data yang ada',
        status: 409,
        code: 'position.conflict',
        detail:
          'Jabatan "tim-teknis" belum dapat dipensiunkan: prosedur layanan aktif masih menyebutnya (email-dinas).',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(changes).toBe(0);
    expect(document.querySelector('.sg-snack-error')?.textContent).toContain('email-dinas');
  });
});
