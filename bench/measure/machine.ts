import { cpus, release, totalmem, type } from 'node:os';

/** "Intel Xeon … × 2 cores, 24 GB RAM, Linux 6.x, Node 20.x". */
export function machineDescription(): string {
  const cpu = cpus();
  const model = (cpu[0]?.model ?? 'unknown CPU').replace(/\s+/g, ' ').trim();
  const gb = Math.round(totalmem() / 2 ** 30);
  return `${model} × ${cpu.length} cores, ${gb} GB RAM, ${type()} ${release()}, Node ${process.versions.node}`;
}
