/**
 * CPU time of other processes on this machine, read from Linux /proc: the benches print the
 * database server's CPU per operation next to their own, a figure that holds when the machine
 * is busy (throughput does not).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const SERVER_NAMES = new Set(['mariadbd', 'mysqld']);

let ticksPerSecond: number | undefined;

/** Clock ticks per second of /proc's time fields (USER_HZ; 100 on every common Linux). */
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond =
        Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** User + system CPU time (ms) a process has used so far; null when it cannot be read. */
export function processCpuMs(pid: number | string): number | null {
  const split = processCpuSplitMs(pid);
  return split ? split.user + split.kernel : null;
}

/** User and system (kernel) CPU time (ms) a process has used so far; null when unreadable. */
export function processCpuSplitMs(pid: number | string): { user: number; kernel: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The name in parentheses may hold spaces: fields are counted after its closing one.
    // Fields 14 and 15 of the line (utime, stime) are the 12th and 13th after the name.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const user = Number(fields[11]);
    const kernel = Number(fields[12]);
    if (!Number.isFinite(user) || !Number.isFinite(kernel)) return null;
    const perTick = 1000 / clockTicks();
    return { user: user * perTick, kernel: kernel * perTick };
  } catch {
    return null;
  }
}

/** Pid of the local MariaDB / MySQL server (by process name), or null when none runs here. */
export function databaseServerPid(): number | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return null;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (SERVER_NAMES.has(readFileSync(`/proc/${entry}/comm`, 'utf8').trim()))
        return Number(entry);
    } catch {
      // The process ended while the list was read.
    }
  }
  return null;
}

/**
 * CPU time (ms) the MariaDB / MySQL server at `host` has used so far; null when the server
 * does not run on this machine (another host, or no /proc).
 */
export function databaseCpuMs(host = '127.0.0.1'): number | null {
  if (!LOCAL_HOSTS.has(host)) return null;
  const pid = databaseServerPid();
  return pid === null ? null : processCpuMs(pid);
}
