import { localIsoDate, addDays } from '../../src-shared/util/dates';
import { caseGtin, unitGtin } from './demo-data';
import { demoSscc } from './seed';

const GS = '\x1d';

/** yymmdd of an ISO date, as AI (17) and (11) carry it. */
function yymmdd(iso: string): string {
  return iso.slice(2).replaceAll('-', '');
}

/** Barcodes the scanner-simulator panel offers in demo mode, built around today's deliveries. */
export function demoScanExamples(
  today: string = localIsoDate(),
): { label: string; data: string }[] {
  const milkCase = caseGtin('692000100001');
  const yoghurt = unitGtin('692000100003');
  const cashewCase = caseGtin('692000300001');
  return [
    { label: 'Pallet SSCC (today, Northfield Dairy)', data: `]C100${demoSscc(101)}` },
    {
      label: 'GS1-128 case: UHT milk, expiry + lot',
      data: `]C101${milkCase}17${yymmdd(addDays(today, 170))}10L${today.slice(5).replace('-', '')}A`,
    },
    {
      label: 'GS1-128 pallet content: 20 cases of UHT milk',
      data: `]C100${demoSscc(101)}02${milkCase}3720${GS}10L${today.slice(5).replace('-', '')}A`,
    },
    {
      label: 'GS1 DataMatrix unit: yoghurt, expiry, lot, serial',
      data: `]d201${yoghurt}17${yymmdd(addDays(today, 19))}10Y0428${GS}21SN000123`,
    },
    { label: 'EAN-13 unit: whole milk', data: `]E0${unitGtin('692000100001').slice(1)}` },
    {
      label: 'GS1-128 case: cashews, production date only',
      data: `]C101${cashewCase}11${yymmdd(addDays(today, -200))}10CF2207`,
    },
    { label: 'Unknown GTIN', data: `]C101${caseGtin('692099999999')}10X1` },
    { label: 'Bad check digit', data: `]C10106920001000010` },
  ];
}
