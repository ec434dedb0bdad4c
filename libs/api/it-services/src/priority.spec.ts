import { DEFAULT_PRIORITY_MATRIX, matrixProblems, priorityOf, readableDuration } from './priority';

describe('incident priority matrix', () => {
  it('gives the default priorities and targets', () => {
    expect(priorityOf(DEFAULT_PRIORITY_MATRIX, 'tinggi', 'tinggi')).toEqual({
      priority: 'P1',
      name: 'Kritis',
      response: '15 menit',
      resolution: '4 jam',
    });
    expect(priorityOf(DEFAULT_PRIORITY_MATRIX, 'tinggi', 'rendah').priority).toBe('P3');
    expect(priorityOf(DEFAULT_PRIORITY_MATRIX, 'sedang', 'tinggi').priority).toBe('P2');
    expect(priorityOf(DEFAULT_PRIORITY_MATRIX, 'rendah', 'rendah').priority).toBe('P4');
  });

  it('finds nothing wrong with the default, and every target reads as a duration', () => {
    expect(matrixProblems(DEFAULT_PRIORITY_MATRIX)).toEqual([]);
    for (const t of DEFAULT_PRIORITY_MATRIX.targets) {
      expect(readableDuration(t.response)).withContext(t.response).toBeTrue();
      expect(readableDuration(t.resolution)).withContext(t.resolution).toBeTrue();
    }
  });

  it('names a missing or doubled cell, a missing priority and an unreadable target', () => {
    const cells = [...DEFAULT_PRIORITY_MATRIX.cells];
    cells[8] = { ...cells[0] };
    const targets = DEFAULT_PRIORITY_MATRIX.targets
      .slice(0, 3)
      .map((t, i) => (i === 1 ? { ...t, resolution: 'secepatnya' } : t));
    const problems = matrixProblems({ cells, targets });
    expect(problems.map((p) => p.path)).toEqual([
      'cells[8]',
      'cells',
      'targets[1].resolution',
      'targets',
    ]);
    expect(problems[1].message).toContain('rendah x urgensi rendah');
    expect(problems[3].message).toContain('P4');
  });
});
