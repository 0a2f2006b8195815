import type { Handlers } from '../api/registry';
import type { ShelfLifeService } from './shelf-life-service';

type ShelfLifeCall =
  | 'shelfLife.board'
  | 'shelfLife.ofLot'
  | 'shelfLife.enterDates'
  | 'shelfLife.mark'
  | 'shelfLife.pullList';

export function shelfLifeHandlers(
  service: ShelfLifeService,
  station: { stationId: string; today: () => string; now: () => number },
): Handlers<ShelfLifeCall> {
  const actor = (user: { userId: string } | null) => user?.userId ?? 'system';
  return {
    'shelfLife.board': () => service.board(),
    'shelfLife.ofLot': (input) => service.view(input.lotId),
    'shelfLife.enterDates': (input, ctx) => service.enterDates(input, actor(ctx.user)),
    'shelfLife.mark': (input, ctx) => service.mark(input, actor(ctx.user)),
    'shelfLife.pullList': async (input) => {
      // pdfkit and the font load only when a list is printed.
      const { renderPullListCsv, renderPullListPdf } = await import('../reports/pull-list');
      const today = station.today();
      const data = {
        stationId: station.stationId,
        today,
        printedAt: new Date(station.now()).toISOString(),
        rows: service.pullList(),
      };
      const csv = input.format === 'csv';
      const bytes = csv ? renderPullListCsv(data) : await renderPullListPdf(data);
      return {
        fileName: `pull-list-${today}.${input.format}`,
        mimeType: csv ? 'text/csv' : 'application/pdf',
        base64: bytes.toString('base64'),
        lots: data.rows.length,
      };
    },
  };
}
