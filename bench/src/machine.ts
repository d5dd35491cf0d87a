import { cpus, loadavg, platform, release, totalmem } from 'node:os';

/** Where and when the numbers were measured. */
export interface MachineInfo {
  readonly date: string;
  readonly node: string;
  readonly os: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  /** 1-minute load average when the bench started and ended (others sharing the machine show here). */
  readonly loadAverage: { start: number; end?: number };
}

/** Describes this machine now. */
export function describeMachine(): MachineInfo {
  const processors = cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    os: `${platform()} ${release()}`,
    cpu: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    loadAverage: { start: round1(loadavg()[0] ?? 0) },
  };
}

/** Rounds to one decimal. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
