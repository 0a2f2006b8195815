import type { StationStats } from '../store/stations';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The status page: totals for anyone who can reach it, per-station rows with the admin token. */
export function statusPage(
  stations: readonly StationStats[],
  detailed: boolean,
  now: Date,
): string {
  const events = stations.reduce((n, s) => n + s.events, 0);
  const failures = stations.reduce((n, s) => n + s.verificationFailures, 0);
  const rows = detailed
    ? `<table><thead><tr><th>Station</th><th>Name</th><th>Events</th><th>Last seq</th><th>Last contact</th><th>Verification failures</th></tr></thead><tbody>${stations
        .map(
          (s) =>
            `<tr${s.verificationFailures > 0 ? ' class="bad"' : ''}><td>${escape(s.stationId)}</td><td>${escape(s.name ?? '')}</td>` +
            `<td>${s.events}</td><td>${s.lastSeq}</td><td>${escape(s.lastContact ?? 'never')}</td><td>${s.verificationFailures}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p>Per-station details need the admin token.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Intake QC — head office</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}.bad{background:#fdd}</style>
</head><body><h1>Intake QC — head office</h1>
<p>${stations.length} station(s), ${events} event(s), ${failures} verification failure(s). As of ${now.toISOString()}.</p>
${rows}
</body></html>
`;
}
