import { TEBING_TINGGI_STANDARD } from '../../testing/fixtures';
import {
  checkTime,
  draftProblems,
  participantsOf,
  lines,
  move,
  nextRequirementCode,
  renumber,
  toSave,
} from './service-draft';

const MESSAGES = {
  required: 'wajib',
  executor: 'pilih pelaksana',
  participantTwice: 'dua kali',
  tooLong: 'terlalu panjang',
};

describe('service draft helpers', () => {
  it('reads times with the duration grammar and names the part it cannot read', () => {
    expect(checkTime('2x24 jam')).toEqual({ ok: true });
    expect(checkTime('1 s.d 2 bulan')).toEqual({ ok: true });
    expect(checkTime('  ')).toEqual({ ok: false, empty: true });
    const bad = checkTime('secepatnya');
    expect(bad.ok).toBeFalse();
    expect('at' in bad && bad.at.length > 0).toBeTrue();
  });

  it('moves, renumbers and codes items', () => {
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
    const steps = renumber([
      { ...TEBING_TINGGI_STANDARD.steps[1] },
      { ...TEBING_TINGGI_STANDARD.steps[0] },
    ]);
    expect(steps.map((s) => s.order)).toEqual([1, 2]);
    expect(
      nextRequirementCode([
        { code: 'r1', text: 'a' },
        { code: 'r3', text: 'b' },
      ]),
    ).toBe('r4');
    expect(nextRequirementCode([{ code: 'r2', text: 'a' }])).toBe('r3');
    expect(lines(' satu \n\n dua ')).toEqual(['satu', 'dua']);
  });

  it('finds empty texts, unreadable times and steps without executor, by API path', () => {
    const draft = {
      ...TEBING_TINGGI_STANDARD,
      name: ' ',
      serviceTime: { text: 'kapan-kapan', byChannel: [{ channel: 'walk-in' as const, text: '' }] },
      requirements: [{ code: 'r1', text: '' }],
      steps: [
        { ...TEBING_TINGGI_STANDARD.steps[0], executors: [], time: '3 purnama' },
        { ...TEBING_TINGGI_STANDARD.steps[0], time: '' },
      ],
    };
    const problems = draftProblems(draft, MESSAGES);
    expect(Object.keys(problems).sort()).toEqual([
      'name',
      'requirements[0].text',
      'serviceTime.byChannel[0].text',
      'serviceTime.text',
      'steps[0].executors',
      'steps[0].time',
    ]);
    expect(problems['steps[0].executors']).toBe('pilih pelaksana');
    expect(draftProblems(TEBING_TINGGI_STANDARD, MESSAGES)).toEqual({});
  });

  it('reads outside participants as a list and finds names given twice or too long', () => {
    expect(participantsOf(' Kementerian PAN-RB, BSSN;  ,Ditjen Aptika ')).toEqual([
      'Kementerian PAN-RB',
      'BSSN',
      'Ditjen Aptika',
    ]);
    expect(participantsOf(' , ')).toEqual([]);
    const step = TEBING_TINGGI_STANDARD.steps[0];
    const twice = draftProblems(
      {
        ...TEBING_TINGGI_STANDARD,
        steps: [{ ...step, participants: ['BSSN', 'Kementerian PAN-RB', 'bssn'] }],
      },
      MESSAGES,
    );
    expect(twice).toEqual({ 'steps[0].participants': 'dua kali' });
    const long = draftProblems(
      { ...TEBING_TINGGI_STANDARD, steps: [{ ...step, participants: ['x'.repeat(201)] }] },
      MESSAGES,
    );
    expect(long).toEqual({ 'steps[0].participants': 'terlalu panjang' });
  });

  it('sends empty step times as null and numbers the steps in order', () => {
    const saved = toSave({
      ...TEBING_TINGGI_STANDARD,
      serviceTime: { text: ' 1 Hari ', byChannel: [] },
      steps: [
        { ...TEBING_TINGGI_STANDARD.steps[0], order: 5, time: '  ' },
        { ...TEBING_TINGGI_STANDARD.steps[0], order: 9, time: ' 2 jam ' },
      ],
    });
    expect(saved.serviceTime).toEqual({ text: '1 Hari' });
    expect(saved.steps.map((s) => [s.order, s.time])).toEqual([
      [1, null],
      [2, '2 jam'],
    ]);
  });
});
