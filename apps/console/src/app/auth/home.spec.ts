import { homeFor } from './home';

describe('homeFor', () => {
  it('starts agents on the queue, managers and admins on the dashboard, executors on steps', () => {
    expect(homeFor(['agent'])).toBe('/tiket');
    expect(homeFor(['agent', 'manager'])).toBe('/tiket');
    expect(homeFor(['manager'])).toBe('/dasbor');
    expect(homeFor(['admin'])).toBe('/dasbor');
    // Executors' own steps are the queue's "mine" view, the one it opens with for them.
    expect(homeFor(['executor'])).toBe('/tiket');
  });

  it('never starts anyone on the catalog', () => {
    for (const roles of [[], null, ['executor', 'manager'], ['admin', 'agent']] as const) {
      expect(homeFor(roles)).not.toContain('katalog');
    }
  });
});
