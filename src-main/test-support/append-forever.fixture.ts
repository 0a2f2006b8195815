// Test fixture: appends events to a station's log forever, printing each seq as soon as its
// append has returned (i.e. committed). The crash test kills this process with SIGKILL.
import { openStationCore } from '../station';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: append-forever DATA_DIR');
const core = openStationCore(dataDir);
let n = 0;
for (;;) {
  n += 1;
  const batch = n % 3 === 0 ? 1 + (n % 17) : 1;
  const events = Array.from({ length: batch }, (_, i) => ({
    type: 'scan.recorded' as const,
    payload: {
      scanId: `s-${process.pid}-${n}-${i}`,
      source: 'serial' as const,
      data: `]C10106920001000011\u001d10LOT${n}`,
      deliveryId: null,
      valid: true,
      gtin: '06920001000011',
      lot: `LOT${n}`,
    },
    actor: 'usr-crash',
    subjects: [`scan:s-${process.pid}-${n}-${i}`],
  }));
  const stored = core.log.appendMany(events);
  // Pipes are synchronous on Linux: once written, the parent sees the line even if we die now.
  process.stdout.write(`${stored.map((e) => e.seq).join(' ')}\n`);
}
