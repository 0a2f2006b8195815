/** One line a QC manager can read for an event in the log browser (English; ids stay ids). */
export function describeEvent(type: string, payload: unknown): string {
  const p = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<
    string,
    unknown
  >;
  const s = (key: string): string =>
    typeof p[key] === 'string' || typeof p[key] === 'number' ? String(p[key]) : '';
  switch (type) {
    case 'station.initialized':
      return `Station ${s('stationId')} initialised (software ${s('softwareVersion')})`;
    case 'station.enrolled':
      return `Enrolled with head office at ${s('centralUrl')}`;
    case 'backup.completed':
      return `Backup ${s('file')} written and verified (${s('bytes')} bytes, up to event ${s('headSeq')})`;
    case 'backup.failed':
      return `Backup failed: ${s('message')}`;
    case 'settings.changed':
      return `Setting ${s('key')} changed to ${JSON.stringify(p.value)}`;
    case 'user.upserted':
      return `User ${s('name')} (${s('role')}) saved`;
    case 'user.signed-in':
      return `Signed in`;
    case 'user.signed-out':
      return `Signed out (${s('why')})`;
    case 'user.sign-in-failed':
      return `Sign-in refused for badge ${s('badge')}: ${s('why')}`;
    case 'user.unlocked':
      return `Badge unlocked by an admin`;
    case 'supplier.upserted':
      return `Supplier ${s('code')} ${s('name')} saved: ${s('standing')}`;
    case 'sku.upserted':
      return `SKU ${s('gtin')} ${s('name')} saved`;
    case 'delivery.expected':
      return `Delivery ${s('number')} expected on ${s('expectedDate')}`;
    case 'delivery.opened':
      return `Delivery opened (via ${s('via')})`;
    case 'delivery.created':
      return `Ad-hoc delivery ${s('number')} created: ${s('reason')}`;
    case 'delivery.refused':
      return `Delivery refused at the dock (supplier ${s('standing')})`;
    case 'quarantine.identified':
      return `Unknown GTIN ${s('gtin')} identified as SKU ${s('skuId')}`;
    case 'delivery.closed':
      return `Delivery closed: ${s('receivedUnits')} of ${s('expectedUnits')} units, ${s('discrepancies')} discrepancies`;
    case 'scan.recorded':
      return s('message') || `Scan (${s('source')}): ${s('data').replaceAll('\x1d', '<GS>')}`;
    case 'lot.received':
      return `Lot ${s('lot')} of ${s('gtin')} received: ${s('quantity')} units`;
    case 'inspection.completed':
      return `Inspection (${s('severity')}, n=${s('sampleSize')}): ${s('critical')} critical, ${s('major')} major, ${s('minor')} minor`;
    case 'lot.decided':
      return `Lot decision: ${s('decision')} — ${s('reason')}`;
    case 'demo.seeded':
      return `Demo data loaded (version ${s('version')})`;
    default:
      return type;
  }
}
