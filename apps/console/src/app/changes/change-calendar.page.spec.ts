import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { AGENT, OFFICES } from '../../testing/fixtures';
import { consoleTestProviders, resetStorage, textOf } from '../../testing/providers';
import { ChangeCalendarPage, groupByDay, shiftMonth } from './change-calendar.page';
import { CALENDAR } from './fixtures';

describe('change calendar helpers', () => {
  it('moves across years and groups by the start day on the office clock', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    const groups = groupByDay(CALENDAR, 'Asia/Jakarta', 'id');
    expect(groups.map((g) => g.entries.length)).toEqual([1, 1]);
    expect(groups[0].day).toContain('12');
  });
});

describe('ChangeCalendarPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  const calendarRequests = () => backend.match((r) => r.url === '/api/v1/changes/calendar');

  afterEach(() => backend.verify());

  it("lists a month's changes by day with overlaps flagged, and moves between months", async () => {
    resetStorage(AGENT);
    TestBed.configureTestingModule({
      providers: consoleTestProviders([{ path: 'perubahan', component: ChangeCalendarPage }]),
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/perubahan');
    await harness.fixture.whenStable();
    backend.expectOne('/api/v1/offices').flush(OFFICES);
    await harness.fixture.whenStable();
    for (const r of calendarRequests()) r.flush([]);
    const page = harness.routeDebugElement!.componentInstance as ChangeCalendarPage;
    page.month.set('2027-02');
    await harness.fixture.whenStable();
    const [req] = calendarRequests() as TestRequest[];
    // February on Tebing Tinggi's clock (WIB, UTC+7).
    expect(req.request.params.get('office')).toBe('tebingtinggi');
    expect(req.request.params.get('from')).toBe('2027-01-31T17:00:00.000Z');
    expect(req.request.params.get('to')).toBe('2027-02-28T17:00:00.000Z');
    req.flush(CALENDAR);
    await harness.fixture.whenStable();
    const element = harness.routeNativeElement!;
    expect(textOf(element, '[data-test=cal-month]')).toContain('Februari 2027');
    expect(element.querySelectorAll('[data-test=cal-entry]').length).toBe(2);
    expect(element.querySelectorAll('[data-test=cal-overlap]').length).toBe(1);
    expect(textOf(element, '[data-test=cal-overlap]')).toContain('PRBTT-2026-000002');

    element.querySelector<HTMLElement>('[data-test=cal-next]')!.click();
    await harness.fixture.whenStable();
    const [next] = calendarRequests() as TestRequest[];
    expect(next.request.params.get('from')).toBe('2027-02-28T17:00:00.000Z');
    next.flush([]);
    await harness.fixture.whenStable();
    expect(element.querySelector('[data-test=cal-empty]')).not.toBeNull();
  });
});
