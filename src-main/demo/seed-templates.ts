import type { InspectionTemplate } from '../../src-shared/events/schemas-inspection';
import { SYSTEM_ACTOR, type NewEvent } from '../store/event-log';
import {
  check,
  choice,
  labelMatchesBarcode,
  foreignMatter,
  labelLegible,
  scLicence,
  remarks,
  packagingDamage,
  tamperSeal,
  authenticityMark,
  tinCondition,
  netContent,
  colourFragrance,
  batchCodeMatches,
  cosmeticsFiling,
} from './seed-template-checks';

/**
 * Demo inspection templates, one default per demo category, as a receiving QC team would set
 * them: general level II; zero tolerance for critical defects (any one rejects the lot); major
 * and minor AQLs tighter where a defect reaches a baby or a face; special level S-2 where every
 * sampled unit must be unboxed and powered on. Two more templates are not category defaults:
 * a SKU names them itself (ambient dairy, imported formula).
 */

const base = { critical: null, major: 1.0, minor: 2.5 } satisfies InspectionTemplate['aql'];

export const demoTemplates: readonly InspectionTemplate[] = [
  {
    templateId: 'tpl-dairy-chilled',
    name: 'Dairy, chilled',
    nameZh: '乳制品（冷藏）',
    level: 'II',
    aql: base,
    categories: ['dairy'],
    checks: [
      check(
        'seal-intact',
        'pass-fail',
        'critical',
        'Seal, cap and foil lid intact, no leak',
        '封口、瓶盖及铝箔盖完好，无渗漏',
      ),
      labelMatchesBarcode,
      check(
        'cold-chain-temperature',
        'numeric',
        'major',
        'Product temperature (probe between packs)',
        '产品温度（探针插入包装之间）',
        {
          unit: '°C',
          lower: 0,
          upper: 6,
          readingsPerUnit: 2,
        },
      ),
      packagingDamage(
        choice('leaking', 'Leaking, swollen or punctured', '渗漏、胀包或破损', false),
      ),
      scLicence,
      labelLegible,
      remarks,
    ],
    active: true,
  },
  {
    templateId: 'tpl-dairy-ambient',
    name: 'Dairy, ambient (UHT milk, milk powder)',
    nameZh: '乳制品（常温：UHT奶、奶粉）',
    level: 'II',
    aql: base,
    categories: [],
    checks: [
      check(
        'seal-intact',
        'pass-fail',
        'critical',
        'Seal and cap intact, no leak',
        '封口及瓶盖完好，无渗漏',
      ),
      labelMatchesBarcode,
      packagingDamage(
        choice('swollen', 'Swollen, leaking or punctured', '胀包、渗漏或破损', false),
      ),
      scLicence,
      labelLegible,
      remarks,
    ],
    active: true,
  },
  {
    templateId: 'tpl-infant-formula',
    name: 'Infant formula',
    nameZh: '婴幼儿配方食品',
    level: 'II',
    aql: { critical: null, major: 0.65, minor: 1.5 },
    categories: ['infant-formula'],
    checks: [
      tamperSeal,
      authenticityMark(
        'Anti-counterfeit hologram or brand authenticity code present and verifies',
        '防伪全息标或品牌防伪码齐全且验证通过',
      ),
      labelMatchesBarcode,
      check(
        'samr-registration',
        'pass-fail',
        'major',
        'Chinese label with the SAMR formula registration number (国食注字YP…)',
        '中文标签标有国家市场监督管理总局配方注册号（国食注字YP…）',
      ),
      tinCondition,
      netContent,
      check(
        'scoop-present',
        'pass-fail',
        'minor',
        'Scoop inside, clean and sealed',
        '罐内附有清洁密封的量勺',
      ),
      remarks,
    ],
    active: true,
  },
  {
    templateId: 'tpl-infant-formula-imported',
    name: 'Infant formula, imported',
    nameZh: '婴幼儿配方食品（进口）',
    level: 'II',
    aql: { critical: null, major: 0.65, minor: 1.5 },
    categories: [],
    checks: [
      tamperSeal,
      authenticityMark(
        'Brand authenticity code verifies with the brand owner',
        '品牌防伪码经品牌方验证通过',
      ),
      labelMatchesBarcode,
      check(
        'chinese-back-label',
        'pass-fail',
        'major',
        'Chinese back label firmly attached, not covering the original dates',
        '中文背标粘贴牢固，未遮盖原产日期',
      ),
      check(
        'samr-registration',
        'pass-fail',
        'major',
        'SAMR formula registration number on the Chinese label',
        '中文标签标有配方注册号',
      ),
      check(
        'customs-certificate',
        'pass-fail',
        'major',
        'Customs inspection and quarantine certificate for this lot on file',
        '该批次入境货物检验检疫证明已备案',
        { photo: 'optional' },
      ),
      tinCondition,
      netContent,
      remarks,
    ],
    active: true,
  },
  {
    templateId: 'tpl-snacks',
    name: 'Snacks and nuts',
    nameZh: '休闲食品及坚果',
    level: 'II',
    aql: { critical: null, major: 2.5, minor: 4.0 },
    categories: ['snacks'],
    checks: [
      check('inner-seal', 'pass-fail', 'critical', 'Inner bag seal intact', '内袋封口完好'),
      foreignMatter,
      labelMatchesBarcode,
      check(
        'bag-inflation',
        'choice',
        'major',
        'Bag inflation (nitrogen flush)',
        '包装充气状态（充氮）',
        {
          choices: [
            choice('firm', 'Firm', '饱满', true),
            choice('soft', 'Slightly soft', '略软', true),
            choice('flat', 'Flat or punctured', '瘪袋或破孔', false),
          ],
        },
      ),
      check('breakage', 'choice', 'minor', 'Breakage', '碎裂情况', {
        choices: [
          choice('whole', 'Whole', '完整', true),
          choice('some', 'Some broken pieces (under 10 %)', '少量碎块（10%以下）', true),
          choice('crushed', 'Mostly crushed', '大部分压碎', false),
        ],
      }),
      check(
        'allergen-statement',
        'pass-fail',
        'major',
        'Ingredient list and allergen statement on the Chinese label',
        '中文标签标有配料表及致敏物质提示',
      ),
      labelLegible,
    ],
    active: true,
  },
  {
    templateId: 'tpl-beverages',
    name: 'Beverages',
    nameZh: '饮料',
    level: 'II',
    aql: { critical: null, major: 1.5, minor: 4.0 },
    categories: ['beverages'],
    checks: [
      check(
        'cap-seal',
        'pass-fail',
        'critical',
        'Cap and tamper ring intact (ring not broken)',
        '瓶盖及防盗环完好（未断开）',
      ),
      check(
        'no-foreign-matter',
        'pass-fail',
        'critical',
        'No foreign matter or sediment (held against the light)',
        '对光检查无异物、无沉淀',
      ),
      labelMatchesBarcode,
      check(
        'leak-test',
        'pass-fail',
        'major',
        'No leak when squeezed and inverted',
        '挤压及倒置无渗漏',
      ),
      check('fill-level', 'choice', 'major', 'Fill level', '灌装液位', {
        choices: [
          choice('normal', 'Normal', '正常', true),
          choice('slightly-low', 'Slightly low, within the line', '略低，在刻度范围内', true),
          choice('low', 'Visibly low', '明显不足', false),
        ],
      }),
      check('container-deformation', 'choice', 'minor', 'Container deformation', '容器变形', {
        choices: [
          choice('none', 'None', '无', true),
          choice('slight', 'Slight dent', '轻微凹陷', true),
          choice('crushed', 'Crushed or creased', '压扁或折痕', false),
        ],
      }),
      labelLegible,
    ],
    active: true,
  },
  {
    templateId: 'tpl-cosmetics',
    name: 'Cosmetics',
    nameZh: '化妆品',
    level: 'II',
    aql: { critical: null, major: 1.5, minor: 4.0 },
    categories: ['cosmetics'],
    checks: [
      batchCodeMatches,
      authenticityMark(
        'Brand anti-counterfeit label present and verifies',
        '品牌防伪标签齐全且验证通过',
      ),
      cosmeticsFiling,
      check(
        'seal-intact',
        'pass-fail',
        'major',
        'Shrink wrap or inner seal intact',
        '塑封或内封完好',
      ),
      colourFragrance('major'),
      check(
        'ingredient-list',
        'pass-fail',
        'minor',
        'Chinese label with the full ingredient list',
        '中文标签含全成分表',
      ),
      check('packaging-damage', 'choice', 'minor', 'Packaging damage', '包装破损', {
        choices: [
          choice('none', 'No damage', '无破损', true),
          choice('scuffed', 'Scuffed box', '外盒轻微磨损', true),
          choice('broken', 'Broken or leaking', '破裂或渗漏', false),
        ],
      }),
    ],
    active: true,
  },
  {
    templateId: 'tpl-small-appliances',
    name: 'Small appliances',
    nameZh: '小家电',
    // Every sampled unit is unboxed, inspected and powered on: special level S-2 keeps the
    // sample small, and AQLs that S-2 can reach without falling back to large samples.
    level: 'S-2',
    aql: { critical: null, major: 2.5, minor: 4.0 },
    categories: ['small-appliances'],
    checks: [
      check(
        'ccc-mark',
        'pass-fail',
        'critical',
        'CCC mark on the rating plate and the box',
        '铭牌及包装上有CCC认证标志',
      ),
      check(
        'power-on-test',
        'pass-fail',
        'major',
        'Powers on and runs in every mode (2-minute test)',
        '通电测试各档位工作正常（测试2分钟）',
      ),
      check(
        'rating-plate',
        'pass-fail',
        'major',
        'Rating plate reads 220 V ~ 50 Hz; model matches the box',
        '铭牌标示220V~50Hz，型号与包装一致',
      ),
      check(
        'serial-matches',
        'label-match',
        'major',
        'Model and serial number on the unit match the box label and barcode',
        '机身型号及序列号与包装标签和条码一致',
        { counterfeitSignal: true },
      ),
      check('housing-condition', 'choice', 'major', 'Housing condition', '外壳状况', {
        choices: [
          choice('none', 'No damage', '无损伤', true),
          choice('scratches', 'Light scratches', '轻微划痕', true),
          choice('cracked', 'Cracked housing or exposed wiring', '外壳破裂或电线外露', false),
        ],
      }),
      check(
        'accessories-complete',
        'pass-fail',
        'minor',
        'Accessories complete per the packing list',
        '配件与装箱单一致、齐全',
      ),
      check(
        'manual-warranty',
        'pass-fail',
        'minor',
        'Chinese manual and warranty card included',
        '附中文说明书及保修卡',
      ),
    ],
    active: true,
  },
  {
    templateId: 'tpl-personal-care',
    name: 'Personal care',
    nameZh: '个人护理',
    level: 'II',
    aql: { critical: null, major: 1.5, minor: 4.0 },
    categories: ['personal-care'],
    checks: [
      batchCodeMatches,
      check(
        'cap-pump-seal',
        'pass-fail',
        'major',
        'Cap, pump lock or seal intact',
        '瓶盖、泵头锁扣或封口完好',
      ),
      check('leak-test', 'pass-fail', 'major', 'No leak when inverted', '倒置无渗漏'),
      cosmeticsFiling,
      colourFragrance('minor'),
      labelLegible,
    ],
    active: true,
  },
  {
    templateId: 'tpl-grocery',
    name: 'Grocery (packaged food)',
    nameZh: '粮油副食（预包装食品）',
    level: 'II',
    aql: { critical: null, major: 2.5, minor: 4.0 },
    categories: ['grocery'],
    checks: [
      check(
        'package-seal',
        'pass-fail',
        'critical',
        'Package or lid seal intact',
        '包装或瓶盖密封完好',
      ),
      foreignMatter,
      labelMatchesBarcode,
      scLicence,
      packagingDamage(
        choice('broken', 'Broken, leaking or lid popped', '破损、渗漏或瓶盖鼓起', false),
      ),
      labelLegible,
    ],
    active: true,
  },
];

/** The events that load the demo templates (part of the demo seed's single append). */
export function demoTemplateEvents(): NewEvent<'template.upserted'>[] {
  return demoTemplates.map((t) => ({
    type: 'template.upserted',
    payload: t,
    actor: SYSTEM_ACTOR,
    subjects: [`template:${t.templateId}`],
  }));
}
