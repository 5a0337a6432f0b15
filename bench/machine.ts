/** What the figures were measured on, so results from different machines are not compared blindly. */
import { cpus, platform, release, arch, totalmem, tmpdir } from 'node:os';

/** Machine and runtime description stored with every results file. */
export interface MachineInfo {
  readonly cpuModel: string;
  readonly cpuCount: number;
  readonly totalMemBytes: number;
  readonly node: string;
  readonly platform: string;
  readonly arch: string;
  readonly osRelease: string;
  readonly tmpdir: string;
  readonly date: string;
}

/** Describes this machine and Node runtime at the time of the run. */
export function machineInfo(now: Date = new Date()): MachineInfo {
  const list = cpus();
  return {
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cpuCount: list.length,
    totalMemBytes: totalmem(),
    node: process.version,
    platform: platform(),
    arch: arch(),
    osRelease: release(),
    tmpdir: tmpdir(),
    date: now.toISOString(),
  };
}
