import type { DefectClass, TemplateCheck } from '../../src-shared/events/schemas-inspection';

/**
 * Checks the demo inspection templates share (seed-templates.ts): the wording a receiving QC
 * team uses on its checklists, in English and Simplified Chinese.
 */
export type Choice = NonNullable<TemplateCheck['choices']>[number];

export function check(
  checkId: string,
  kind: TemplateCheck['kind'],
  defectClass: DefectClass,
  label: string,
  labelZh: string,
  extra: Partial<TemplateCheck> = {},
): TemplateCheck {
  return {
    checkId,
    kind,
    label,
    labelZh,
    defectClass,
    // A failed check is evidence: the photo is what a supplier dispute will be settled on.
    photo: kind === 'note' ? 'optional' : 'required-on-fail',
    ...extra,
  };
}

export const choice = (value: string, label: string, labelZh: string, pass: boolean): Choice => ({
  value,
  label,
  labelZh,
  pass,
});

export const labelMatchesBarcode = check(
  'label-matches-barcode',
  'label-match',
  'critical',
  'Printed lot, production and expiry dates match the barcode',
  '标签上的批号、生产日期和保质期与条码一致',
  { counterfeitSignal: true },
);
export const foreignMatter = check(
  'no-foreign-matter',
  'pass-fail',
  'critical',
  'No foreign matter, insects or mould visible',
  '无可见异物、虫害或霉变',
);
export const labelLegible = check(
  'label-legible',
  'pass-fail',
  'minor',
  'Label straight, legible and complete, Chinese label present',
  '标签端正、清晰、完整，有中文标签',
);
export const scLicence = check(
  'sc-licence-number',
  'pass-fail',
  'major',
  'SC food production licence number printed',
  '印有SC食品生产许可证编号',
);
export const remarks = check('remarks', 'note', 'minor', 'Remarks', '备注');
export const packagingDamage = (failing: Choice): TemplateCheck =>
  check('packaging-damage', 'choice', 'major', 'Packaging damage', '包装破损', {
    choices: [
      choice('none', 'No damage', '无破损', true),
      choice('dented', 'Dented or creased, still sealed', '凹陷或折痕，密封完好', true),
      failing,
    ],
  });
export const tamperSeal = check(
  'tamper-seal',
  'pass-fail',
  'critical',
  'Tamper-evident seal and foil membrane intact',
  '防拆封条及铝箔封膜完好',
);
export const authenticityMark = (label: string, labelZh: string) =>
  check('authenticity-mark', 'pass-fail', 'critical', label, labelZh, { counterfeitSignal: true });
export const tinCondition = check('tin-condition', 'choice', 'major', 'Tin condition', '罐体状况', {
  choices: [
    choice('none', 'No dents', '无凹痕', true),
    choice('body-dent', 'Small dent on the body, seam intact', '罐身轻微凹痕，卷边完好', true),
    choice('seam-dent', 'Dent on the seam or rim', '卷边或罐口凹陷', false),
    choice('pierced', 'Pierced, rusted or bulging', '穿孔、锈蚀或胀罐', false),
  ],
});
export const netContent = check(
  'net-content-deviation',
  'numeric',
  'major',
  'Net content minus declared quantity (JJF 1070 allows −15 g from 500 g to 1 kg)',
  '净含量减标注值（JJF 1070：500克至1千克允许短缺15克）',
  { unit: 'g', lower: -15, readingsPerUnit: 1, photo: 'optional' },
);
export const colourFragrance = (defectClass: DefectClass) =>
  check('colour-fragrance', 'choice', defectClass, 'Colour and fragrance', '颜色与气味', {
    choices: [
      choice('matches', 'Matches the reference sample', '与标准样品一致', true),
      choice('slight', 'Slight difference, within the shade card', '轻微差异，在色卡范围内', true),
      choice('off', 'Off colour, off smell or separated', '变色、异味或分层', false),
    ],
  });
export const batchCodeMatches = check(
  'batch-code-matches',
  'label-match',
  'critical',
  'Batch code and expiry on the unit match the carton and the barcode',
  '产品批号及限用日期与外箱和条码一致',
  { counterfeitSignal: true },
);
export const cosmeticsFiling = check(
  'filing-number',
  'pass-fail',
  'major',
  'NMPA filing or registration number printed (国妆备进字, 国妆特字 or provincial filing)',
  '印有化妆品备案或注册编号（国妆备进字、国妆特字或省级备案号）',
);
