import {
  readDuration,
  type Channel,
  type Requirement,
  type RequirementOption,
  type ServiceStandard,
  type Step,
} from '@sigap/standards';

/** Result of reading a time standard as typed: fine, empty, or the part that cannot be read. */
export type TimeCheck =
  { ok: true } | { ok: false; empty: true } | { ok: false; at: string; message: string };

/** Reads a time standard with the duration grammar of the service standards. */
export function checkTime(text: string | null | undefined): TimeCheck {
  const value = (text ?? '').trim();
  if (!value) return { ok: false, empty: true };
  const read = readDuration(value);
  return read.ok ? { ok: true } : { ok: false, at: read.error.at, message: read.error.message };
}

/** Moves the item at `index` one place up (-1) or down (+1); out of range leaves the list. */
export function move<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const copy = [...list];
  [copy[index], copy[target]] = [copy[target], copy[index]];
  return copy;
}

/** Steps numbered 1..n in the order shown (order is what the standard publishes). */
export function renumber(steps: readonly Step[]): Step[] {
  return steps.map((step, index) => ({ ...step, order: index + 1 }));
}

/** A requirement code not used yet (r1, r2 ...), so codes stay stable across versions. */
export function nextRequirementCode(requirements: readonly Requirement[]): string {
  const used = new Set(requirements.map((r) => r.code));
  let n = requirements.length + 1;
  while (used.has(`r${n}`)) n++;
  return `r${n}`;
}

export function newStep(order: number, executor: string | null): Step {
  return {
    order,
    description: '',
    executors: executor ? [executor] : [],
    time: null,
    inputs: [],
    output: null,
    notes: null,
  };
}

export function newOption(): RequirementOption {
  return { label: '', items: [] };
}

/** Lines of a text area as list items: trimmed, empty ones dropped. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** The API's limit on one outside participant's name (`StepDto.participants`). */
export const PARTICIPANT_MAX_LENGTH = 200;

/** "Kementerian PAN-RB, BSSN" as a list: split on commas and semicolons, trimmed. */
export function participantsOf(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

/**
 * Problems the editor can see before saving, by field path (the paths the API uses):
 * empty texts, times the grammar cannot read, steps without an executor, outside participants
 * named twice or longer than the API takes.
 */
export function draftProblems(
  standard: ServiceStandard,
  messages: { required: string; executor: string; participantTwice: string; tooLong: string },
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!standard.name.trim()) problems['name'] = messages.required;
  const total = checkTime(standard.serviceTime.text);
  if (!total.ok)
    problems['serviceTime.text'] = 'empty' in total ? messages.required : total.message;
  (standard.serviceTime.byChannel ?? []).forEach((entry, i) => {
    const check = checkTime(entry.text);
    if (!check.ok)
      problems[`serviceTime.byChannel[${i}].text`] =
        'empty' in check ? messages.required : check.message;
  });
  standard.requirements.forEach((r, i) => {
    if (!r.text.trim()) problems[`requirements[${i}].text`] = messages.required;
  });
  standard.steps.forEach((step, i) => {
    if (!step.description.trim()) problems[`steps[${i}].description`] = messages.required;
    if (step.executors.length === 0) problems[`steps[${i}].executors`] = messages.executor;
    if (step.time !== null && step.time.trim() !== '') {
      const check = checkTime(step.time);
      if (!check.ok && !('empty' in check)) problems[`steps[${i}].time`] = check.message;
    }
    const seen = new Set<string>();
    for (const name of step.participants ?? []) {
      const key = name.trim().toLowerCase();
      if (name.length > PARTICIPANT_MAX_LENGTH)
        problems[`steps[${i}].participants`] = messages.tooLong;
      else if (seen.has(key)) problems[`steps[${i}].participants`] = messages.participantTwice;
      seen.add(key);
    }
  });
  return problems;
}

/** The standard as sent to the API: step time '' becomes null, per-channel list dropped when empty. */
export function toSave(standard: ServiceStandard): ServiceStandard {
  const byChannel = standard.serviceTime.byChannel ?? [];
  return {
    ...standard,
    name: standard.name.trim(),
    serviceTime: {
      text: standard.serviceTime.text.trim(),
      ...(byChannel.length
        ? { byChannel: byChannel.map((c) => ({ ...c, text: c.text.trim() })) }
        : {}),
    },
    requirements: standard.requirements.map((r) => ({ ...r, text: r.text.trim() })),
    steps: renumber(standard.steps).map((step) => ({
      ...step,
      description: step.description.trim(),
      time: step.time && step.time.trim() ? step.time.trim() : null,
    })),
  };
}

/** Channels a per-channel time may name, without the ones already used. */
export function freeChannels(used: readonly Channel[], all: readonly Channel[]): Channel[] {
  return all.filter((c) => !used.includes(c));
}
