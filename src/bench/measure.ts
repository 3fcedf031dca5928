/**
 * Running one stage in a child process and measuring it: wall time; CPU time of the child and
 * everything it started (the larger of this process's children's times in /proc/self/stat, which
 * count only processes someone waited for, and the sum of every process of the tree as last
 * sampled, which counts Pagefind's binary too: it is stopped, not waited for); the load
 * average before and after (other work on the machine stretches wall times); and peak memory as
 * the largest sum of resident memory over the child and every process it starts (Astro's
 * workers, Pagefind's binary), sampled from /proc; where /proc is missing, the child's own max RSS.
 * Each stage starts once what earlier stages wrote is on disk (`sync`, as hyperfine's --prepare
 * does it), so the kernel writing one stage's files back is not timed as the next stage's work.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface StageRun {
  wallMs: number;
  /** Peak resident memory of the whole process tree, bytes. */
  peakBytes: number;
  /** User + system CPU time of the stage's processes, ms (0 where /proc is missing). */
  cpuMs: number;
  /** One-minute load average just before and just after (null where /proc is missing). */
  load: [number, number] | null;
  stdout: string;
  stderr: string;
  code: number;
}

const ticksPerSecond = 100; // USER_HZ, 100 on Linux

/** The fields of /proc/<pid>/stat from field 3, "state", on (the command name before them may hold spaces); null once the process has ended. */
function statFields(pid: number | 'self'): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** Ticks of two stat fields (from field 3 on) as ms. */
const ticksMs = (fields: string[], a: number, b: number) => ((Number(fields[a]) + Number(fields[b])) * 1000) / ticksPerSecond;

/** CPU time of this process's waited-for children (cutime + cstime), ms; 0 without /proc. */
export function childrenCpuMs(): number {
  const fields = statFields('self');
  return fields ? ticksMs(fields, 13, 14) : 0;
}

export function loadAverage(): number | null {
  try {
    return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  } catch {
    return null;
  }
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (text) out.push(...text.split(/\s+/).map(Number));
    }
  } catch {
    // The process ended between two reads.
  }
  return out;
}

function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** A process's own CPU time (utime + stime, every thread), ms, and its start time (which tells two processes of one pid apart); null once it has ended. */
function cpuOf(pid: number): { ms: number; start: string } | null {
  const fields = statFields(pid);
  return fields ? { ms: ticksMs(fields, 11, 12), start: fields[19]! } : null;
}

/**
 * Resident memory of a process and all its descendants, bytes; `cpu`, when given, gets each
 * one's CPU time so far, keyed by pid and start time (so a later sample's figure replaces it).
 */
export function treeRss(pid: number, cpu?: Map<string, number>): number {
  let total = 0;
  const stack = [pid];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    total += rssOf(p);
    if (cpu) {
      const used = cpuOf(p);
      if (used) cpu.set(`${p}@${used.start}`, used.ms);
    }
    stack.push(...childrenOf(p));
  }
  return total;
}

const maxRssLine = /^bench-max-rss: (\d+)$/m;

/** Waits until every file written so far is on disk; where there is no `sync`, nothing happens. */
function settleDisk(): void {
  spawnSync('sync', [], { stdio: 'ignore' });
}

/**
 * Run `node <args>` and measure it. A child may print `bench-max-rss: <bytes>` (its own
 * `process.resourceUsage().maxRSS`), used when /proc sampling is not available.
 */
export function runStage(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; sampleMs?: number }): Promise<StageRun> {
  settleDisk();
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const cpuBefore = childrenCpuMs();
    const loadBefore = loadAverage();
    const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d.length > 200_000 ? d.slice(-200_000) : d));
    let peak = 0;
    const sampledCpu = new Map<string, number>();
    const sample = () => {
      if (child.pid) peak = Math.max(peak, treeRss(child.pid, sampledCpu));
    };
    const timer = setInterval(sample, options.sampleMs ?? 50);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const wallMs = performance.now() - started;
      const reported = Number(maxRssLine.exec(stdout)?.[1] ?? 0);
      const loadAfter = loadAverage();
      const load: [number, number] | null = loadBefore !== null && loadAfter !== null ? [loadBefore, loadAfter] : null;
      const sampled = [...sampledCpu.values()].reduce((sum, ms) => sum + ms, 0);
      resolve({ wallMs, cpuMs: Math.max(childrenCpuMs() - cpuBefore, sampled), load, peakBytes: Math.max(peak, reported), stdout, stderr, code: code ?? 1 });
    });
  });
}
