import type { Handlers } from '../api/registry';
import type { Repos } from '../store/repos';
import type { PhotoStore } from '../vision/photo-store';

export interface LotPdfDeps {
  repos: Repos;
  photos: PhotoStore;
  stationId: string;
  /** The station key's fingerprint (as `system.info` shows it), printed on certificates. */
  publicKeyFingerprint: string;
  now: () => number;
}

/** Lot codes and delivery numbers are typed or scanned: keep the file name safe on any disk. */
const safeName = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, '_');

const pdfReply = (fileName: string, pdf: Buffer) => ({
  fileName: safeName(fileName),
  mimeType: 'application/pdf' as const,
  base64: pdf.toString('base64'),
});

/** The certificate of a lot and the evidence pack of a delivery (the lot pack is inspection's). */
export function lotPdfHandlers(
  deps: LotPdfDeps,
): Handlers<'inspection.certificate' | 'inspection.deliveryEvidencePack'> {
  return {
    'inspection.certificate': async (input) => {
      // pdfkit and the font load only when something is printed.
      const { evidencePackData } = await import('./evidence-pack-data');
      const { renderCertificate } = await import('./certificate');
      const data = evidencePackData(deps.repos, input.lotId, {
        stationId: deps.stationId,
        now: new Date(deps.now()),
      });
      const pdf = await renderCertificate(data, {
        publicKeyFingerprint: deps.publicKeyFingerprint,
      });
      return pdfReply(`certificate-${data.lot.gtin}-${data.lot.lotCode}.pdf`, pdf);
    },
    'inspection.deliveryEvidencePack': async (input) => {
      const { deliveryPackData, renderDeliveryEvidencePack } =
        await import('./delivery-evidence-pack');
      const data = deliveryPackData(deps.repos, input.deliveryId, {
        stationId: deps.stationId,
        now: new Date(deps.now()),
      });
      const pdf = await renderDeliveryEvidencePack(data, deps.photos);
      return pdfReply(`delivery-evidence-pack-${data.delivery.number}.pdf`, pdf);
    },
  };
}
